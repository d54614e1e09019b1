// Implements: the CPUs of QEMU 7.2 hw/arm/armsse.c (mprofile.md §6.4): one armv7m per CPU with cortex-m33,
// num-irq 124, no bitband, init-svtor 0x10000000 (the S alias of SSRAM0), the SSE's IDAU, CPU n's board memory
// "arm-sse-cpu-container<n>", CPU clock MAINCLK and no SysTick reference clock; an521 CPU0 without FPU/DSP and
// CPU1 starting powered off (CPUWAIT reset value 2). Sysctl CPUWAIT/INITSVTORn reach the CPUs; two CPUs run
// round-robin on the loop thread. NSCCFG changes (the IDAU's NSC regions) drop every CPU's decoded code.
using System.Globalization;
using Nemu.Arm.Devices;
using Nemu.Core.Logging;
using Nemu.Core.Threading;

namespace Nemu.Boards;

/// <summary>The SSE's CPUs.</summary>
internal sealed partial class ArmSse
{
    /// <summary>init-svtor of every SSE CPU (INITSVTORn_RST).</summary>
    public const uint InitSvtor = 0x10000000;

    /// <summary>The IDAU every CPU consults.</summary>
    public ArmSseIdau Idau { get; } = new();

    /// <summary>
    /// QEMU resets each CPU once while the SSE is still being built: that reset's reads of SP and PC at INITSVTOR go
    /// through the SSRAM0 MPC before it is wired and are rejected, which -d guest_errors shows as two lines per CPU
    /// ahead of everything else. Nemu's CPU reset happens with the machine, so the lines are written here.
    /// </summary>
    private static void LogCreationVectorReads()
    {
        const LogItem Items = LogItem.GuestErrors | LogItem.InvalidMem;
        if (Log.IsEnabled(Items))
        {
            foreach (var address in (ReadOnlySpan<uint>)[InitSvtor, InitSvtor + 4])
            {
                Log.Write(Items, string.Create(CultureInfo.InvariantCulture, $"Invalid read at addr 0x{address:X}, size 4, region '(null)', reason: rejected"));
            }
        }
    }

    private void CreateCpus()
    {
        var machine = _machine;
        Cpus = new Armv7m[_fpga.NumCpus];
        for (var i = 0; i < _fpga.NumCpus; i++)
        {
            var armv7m = machine.Qdev.Create<Armv7m>(Armv7m.TypeName, $"armv7m[{i}]");
            armv7m.SetProperty("cpu-type", "cortex-m33-arm-cpu");
            armv7m.SetProperty("num-irq", NumIrq.ToString(CultureInfo.InvariantCulture));
            armv7m.SetProperty("enable-bitband", "off");
            armv7m.CpuIndex = i;
            armv7m.Idau = Idau;
            armv7m.SetProperty("init-svtor", Hex(InitSvtor));
            armv7m.SetProperty("init-nsvtor", "0");
            armv7m.SetProperty("start-powered-off", ((_fpga.CpuWaitReset >> i) & 1) != 0 ? "on" : "off");
            armv7m.SetProperty("vfp", _fpga.CpuFpu[i] ? "on" : "off");
            armv7m.SetProperty("dsp", _fpga.CpuFpu[i] ? "on" : "off");
            armv7m.Configure(machine.Memory, CpuContainers[i], machine.Time, MainClockHz, 0);
            armv7m.Realize();
            LogCreationVectorReads();
            BoardSupport.AttachArmv7m(machine, armv7m, attachSemihosting: true);
            Cpus[i] = armv7m;
        }

        machine.Loop.CpuRunner = Cpus.Length == 1 ? Cpus[0].Cpu : new RoundRobinCpuRunner([.. Cpus.Select(c => c.Cpu!)]);
        Idau.Changed += () =>
        {
            foreach (var armv7m in Cpus)
            {
                armv7m.Cpu!.FlushDecodedCode();
            }
        };
    }

    /// <summary>Sysctl CPUWAIT / INITSVTORn reach the CPUs (QEMU's arm_set_cpu_on_and_reset and the init-svtor property).</summary>
    private void ConnectSysctl()
    {
        Sysctl.CpuPowerOnRequested += n =>
        {
            if (n < Cpus.Length && Cpus[n].Cpu is { PoweredOff: true } cpu)
            {
                cpu.PowerOnAndReset();
            }
        };
        Sysctl.InitSvtorChanged += (n, value) =>
        {
            if (n < Cpus.Length)
            {
                Cpus[n].Cpu!.InitSvtor = value;
            }
        };
    }
}
