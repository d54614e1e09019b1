// The helpers the M-profile boards share (QEMU's hw/arm/mps2.c, stellaris.c, microbit.c and armv7m.c idioms):
// machine services the devices need, mapping a sysbus device or an unimplemented-device region (hw/misc/unimp.c)
// at a priority, the -cpu check of the MPS2 boards (management.md §1.2), -kernel through armv7m_load_kernel
// (mprofile.md §6.1), and attaching the armv7m CPU to the machine: CPU runner, AIRCR.SYSRESETREQ → system reset
// with the RESET event (or SHUTDOWN and exit 0 with -no-reboot, management.md §1.2, §2.4), lockup → GUEST_PANICKED
// (QEMU 7.2 aborts instead) and semihosting (management.md §7).
using Nemu.Arm.Devices;
using Nemu.Chardevs;
using Nemu.Chardevs.Mux;
using Nemu.Core;
using Nemu.Hw.Misc;
using Nemu.Loader;
using Nemu.Memory;
using Nemu.Options.CommandLine;
using Nemu.Qdev;
using Nemu.System;
using Nemu.System.Vl;

namespace Nemu.Boards;

/// <summary>Building blocks of the Arm M-profile boards.</summary>
public static class BoardSupport
{
    /// <summary>The command line the machine was built from (registered by vl before board init), or null.</summary>
    public static QemuCommandLine? CommandLine(Machine machine) => machine.Qdev.GetService<QemuCommandLine>();

    /// <summary>Registers what the Nemu.Hw devices look up at realize: machine time, the memory system (for the
    /// address spaces of bus components such as the TZ PPC/MPC) and the chardev lookup.</summary>
    public static void AddDeviceServices(Machine machine)
    {
        machine.Qdev.AddService(machine.Time);
        machine.Qdev.AddService(machine.Memory);
        machine.Qdev.AddService<IChardevProvider>(new MachineChardevProvider(machine));
    }

    /// <summary>The -cpu model asked for (without the "-arm-cpu" suffix), or <paramref name="defaultCpu"/>.</summary>
    public static string RequestedCpu(Machine machine, string defaultCpu)
    {
        var cpu = CommandLine(machine)?.Cpu;
        if (string.IsNullOrEmpty(cpu))
        {
            return defaultCpu;
        }

        // -cpu NAME,prop=value: only the model name matters here.
        var comma = cpu.IndexOf(',', StringComparison.Ordinal);
        var name = comma < 0 ? cpu : cpu[..comma];
        return name.EndsWith("-arm-cpu", StringComparison.Ordinal) ? name[..^8] : name;
    }

    /// <summary>
    /// QEMU's check for boards with one valid CPU: an unknown model fails as "unable to find CPU model 'X'",
    /// a known other one as "This board can only be used with CPU X-arm-cpu".
    /// </summary>
    public static void RequireCpu(Machine machine, string cpu)
    {
        var requested = RequestedCpu(machine, cpu);
        if (Arm.Cpu.ArmCpuModels.Find(requested) is null)
        {
            throw new VlException($"unable to find CPU model '{requested}'");
        }

        if (!string.Equals(requested, cpu, StringComparison.OrdinalIgnoreCase))
        {
            throw new VlException($"This board can only be used with CPU {cpu}-arm-cpu");
        }
    }

    /// <summary>
    /// Creates, configures and realizes a board device: at <c>/machine/unattached/device[N]</c>, or at
    /// <c>/machine/NAME</c> when QEMU's board creates it with object_initialize_child(machine, NAME, ...).
    /// </summary>
    public static T CreateDevice<T>(Machine machine, string typeName, Action<T>? configure = null, string? name = null)
        where T : Device
    {
        var device = machine.Qdev.Create<T>(typeName, name);
        configure?.Invoke(device);
        device.Realize();
        return device;
    }

    /// <summary>Maps MMIO region 0 of <paramref name="device"/> at <paramref name="address"/> with <paramref name="priority"/>.</summary>
    public static void Map(SysBusDevice device, MemoryRegion parent, ulong address, int priority = 0)
    {
        if (priority == 0)
        {
            device.MapMmio(0, new GuestAddress(address), parent);
            return;
        }

        parent.AddSubregionOverlap(address, device.Mmio[0].Region!, priority);
    }

    /// <summary>
    /// create_unimplemented_device: a RAZ/WI region named <paramref name="name"/> (priority -1000 by default) in
    /// <paramref name="parent"/> (the system memory by default).
    /// </summary>
    public static SysBusDevice Unimplemented(Machine machine, string name, ulong address, ulong size, int priority = UnimplementedDevice.MapPriority, MemoryRegion? parent = null)
    {
        var device = CreateUnimplemented(machine, name, size);
        Map(device, parent ?? machine.SystemMemory, address, priority);
        return device;
    }

    /// <summary>An unimplemented-device left unmapped, for a bus component (e.g. a TZ PPC port) to front it.</summary>
    public static SysBusDevice CreateUnimplemented(Machine machine, string name, ulong size) =>
        CreateDevice<SysBusDevice>(machine, UnimplementedDevice.TypeName, d =>
        {
            d.SetProperty("name", name);
            d.SetProperty("size", size.ToString(global::System.Globalization.CultureInfo.InvariantCulture));
        });

    /// <summary>armv7m_load_kernel: -kernel (ELF segments or a raw image at <paramref name="memBase"/>) into the ROM set.</summary>
    public static void LoadKernel(Machine machine, ulong memBase, ulong memSize)
    {
        if (machine.KernelFilename is not { } path)
        {
            return;
        }

        try
        {
            KernelLoader.LoadArmv7m(path, machine.Roms, new GuestAddress(memBase), memSize);
        }
        catch (LoaderException e)
        {
            throw new VlException(e.Message);
        }
    }

    /// <summary>
    /// Creates the armv7m container with <paramref name="cpu"/> over the system memory and hooks it into the
    /// machine: CPU runner, system reset requests, semihosting.
    /// </summary>
    public static Armv7m CreateArmv7m(Machine machine, string cpu, int numIrq, int numPrioBits, bool bitband, uint cpuClockHz, uint refClockHz)
    {
        var armv7m = machine.Qdev.Create<Armv7m>(Armv7m.TypeName, "armv7m");
        armv7m.SetProperty("cpu-type", cpu + "-arm-cpu");
        armv7m.SetProperty("num-irq", numIrq.ToString(global::System.Globalization.CultureInfo.InvariantCulture));
        if (numPrioBits != 0)
        {
            armv7m.SetProperty("num-prio-bits", numPrioBits.ToString(global::System.Globalization.CultureInfo.InvariantCulture));
        }

        armv7m.SetProperty("enable-bitband", bitband ? "on" : "off");
        armv7m.Configure(machine.Memory, machine.SystemMemory, machine.Time, cpuClockHz, refClockHz);
        armv7m.Realize();
        AttachArmv7m(machine, armv7m, attachSemihosting: true);
        machine.Loop.CpuRunner = armv7m.Cpu;
        return armv7m;
    }

    /// <summary>
    /// Hooks a realized armv7m into the machine: AIRCR.SYSRESETREQ → a guest reset request (<see cref="GuestResetRequest"/>),
    /// a CPU lockup → GUEST_PANICKED, and, when asked and enabled on the command line, semihosting. The board sets
    /// the CPU runner.
    /// </summary>
    public static void AttachArmv7m(Machine machine, Armv7m armv7m, bool attachSemihosting)
    {
        var commandLine = CommandLine(machine);
        armv7m.SystemResetRequested = () => machine.Loop.Post(() => GuestResetRequest(machine));

        // QEMU 7.2 aborts the process on lockup ("qemu: fatal: Lockup"); Nemu keeps the core locked up and tells
        // management clients the way QEMU reports a guest crash it survives (GUEST_PANICKED, action "run").
        armv7m.Cpu!.LockedUp += _ => machine.RaiseEvent(new GuestPanickedEvent("run", null));
        if (attachSemihosting && commandLine?.Semihosting is { Enabled: true } config)
        {
            SemihostingBinding.Attach(machine, armv7m.Cpu!, config, commandLine);
        }
    }

    /// <summary>
    /// A reset the guest asked for (qemu_system_reset_request(SHUTDOWN_CAUSE_GUEST_RESET) as the main loop handles
    /// it): the system reset with RESET {guest: true, reason: guest-reset}; with -no-reboot a shutdown instead,
    /// SHUTDOWN {guest: true, reason: guest-reset}, and the process exits 0 (or, with -no-shutdown, the VM stops in
    /// the shutdown state). Call on the main loop.
    /// </summary>
    public static void GuestResetRequest(Machine machine)
    {
        var commandLine = CommandLine(machine);
        if (commandLine?.NoReboot ?? false)
        {
            machine.RaiseEvent(new ShutdownEvent(ShutdownCause.GuestReset));
            if (commandLine.NoShutdown)
            {
                machine.Stop(RunState.Shutdown);
                return;
            }

            machine.RequestQuit(0);
            return;
        }

        machine.SystemReset(ShutdownCause.GuestReset);
    }

    /// <summary>
    /// A serial device on a multiplexed backend (<c>-nographic</c>, <c>mon:stdio</c>) takes the input focus, as in
    /// QEMU, where the newest frontend of a mux has it: the guest console is what the user sees first and
    /// <c>C-a c</c> switches to the monitor.
    /// </summary>
    public static void TakeSerialFocus(Machine machine, int index, IChardevFrontend frontend)
    {
        if (index < machine.SerialPorts.Count && machine.SerialPorts[index] is MuxChardev mux)
        {
            mux.TakeFocus(frontend);
        }
    }

    /// <summary>Serial port <paramref name="index"/>'s chardev id, or null when the port has no backend.</summary>
    public static string? SerialChardevId(Machine machine, int index) =>
        index < machine.SerialPorts.Count && machine.SerialPorts[index] is { } chardev ? chardev.Id : null;
}
