// Semihosting on the M-profile boards (management.md §7, mprofile.md §6.2): -semihosting or
// -semihosting-config enable=on makes Thumb BKPT #0xAB a semihosting call handled by ArmSemihosting; exit requests
// end the process through Machine.RequestQuit. The call's view of the CPU is ArmCpuSemihostingTarget; SYS_HEAPINFO
// sees the RAM sections of the CPU's address space and the ROM blobs (MachineSemihostingLayout).
// Not modelled: SYS_READC waiting for console input (the CPU has no "halt and re-execute" hook yet; the call then
// returns as QEMU would after input arrives only when input is already buffered), the gdb backend (target=gdb).
using Nemu.Arm.Cpu;
using Nemu.Options.CommandLine;
using Nemu.Options.Values;
using Nemu.Semihosting;
using Nemu.System;

namespace Nemu.Boards;

/// <summary>Connects <see cref="ArmSemihosting"/> to a CPU's BKPT hook.</summary>
public static class SemihostingBinding
{
    /// <summary>The BKPT immediate that requests semihosting on M-profile.</summary>
    public const uint SemihostingImmediate = 0xAB;

    /// <summary>Creates the semihosting handler for <paramref name="cpu"/> and installs it as the BKPT hook.</summary>
    public static ArmSemihosting Attach(Machine machine, ArmCpu cpu, SemihostingConfig config, QemuCommandLine commandLine)
    {
        var settings = new SemihostingSettings(
            config.Enabled,
            config.UserspaceEnabled,
            config.Target switch
            {
                SemihostingTarget.Native => SemihostingBackend.Native,
                SemihostingTarget.Gdb => SemihostingBackend.Gdb,
                _ => SemihostingBackend.Auto,
            },
            config.Chardev,
            SemihostingSettings.BuildCommandLine(config.Args, machine.KernelFilename, machine.KernelCommandLine));
        var environment = new SemihostingEnvironment
        {
            RequestExit = code => machine.RequestQuit(code),
            Clock = machine.Time.Virtual,
            MemoryLayout = new MachineSemihostingLayout(cpu.Memory, machine.Roms),
            ConsoleChardev = config.Chardev is { } id ? machine.Chardevs.Find(id) : null,
        };
        var semihosting = new ArmSemihosting(settings, environment);
        var target = new ArmCpuSemihostingTarget(cpu);
        cpu.BreakpointHook = (c, imm) =>
        {
            if (imm != SemihostingImmediate || !semihosting.AppliesTo(c.IsPrivileged))
            {
                return false;
            }

            // Stopped: the exit request already asked the main loop to quit, which ends the CPU's slice.
            _ = semihosting.Handle(target);
            return true;
        };
        return semihosting;
    }
}
