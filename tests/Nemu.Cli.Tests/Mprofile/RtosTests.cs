// Issue 4 acceptance: our own preemptive RTOS-style firmware (tests/firmware/rtos, README there) runs 1,000,000
// context switches (SysTick + PendSV on PSP, SVC start, unprivileged tasks under PMSAv7, lazy FP stacking on the
// M4) with the same output and exit status as qemu-system-arm 7.2. The firmware prints only timing-independent
// text and checks itself (register/FP integrity across switches, checksums against a reference computed without
// switches, the MemManage of its MPU probe), so the test also asserts its PASS lines: both emulators doing the same
// wrong thing cannot pass.
using System.Collections.Concurrent;

namespace Nemu.Cli.Tests.Mprofile;

/// <summary>The preemptive RTOS firmware on Nemu compared with qemu-system-arm.</summary>
public sealed class RtosTests
{
    // Nemu is an interpreter and the machine running the suite may be loaded: generous limits.
    private const int QemuTimeoutSeconds = 600;
    private const int NemuTimeoutSeconds = 1800;

    private static readonly ConcurrentDictionary<string, string> Built = new();

    [Theory]
    [InlineData("m4")]
    [InlineData("m3")]
    public void PreemptiveRtosRunsAMillionSwitchesAsOnQemu(string name)
    {
        var variant = MprofileVariant.Named(name);
        var args = MprofileFirmware.Arguments(Build(variant), variant);
        var qemu = EmulatorRun.Run(EmulatorRun.Qemu, args, string.Empty, QemuTimeoutSeconds);
        AssertPasses("qemu-system-arm", qemu, variant);

        var nemu = EmulatorRun.Run(EmulatorRun.Nemu, args, string.Empty, NemuTimeoutSeconds);
        Assert.True(qemu.Out == nemu.Out, $"rtos on {variant}: stdout differs\n--- qemu\n{qemu.Out}\n--- nemu\n{nemu.Out}\n{nemu.Error}");
        Assert.True(qemu.Error == nemu.Error, $"rtos on {variant}: stderr differs\n--- qemu\n{qemu.Error}\n--- nemu\n{nemu.Error}");
        Assert.Equal(qemu.ExitCode, nemu.ExitCode);
        AssertPasses("nemu", nemu, variant);
    }

    private static void AssertPasses(string emulator, (int ExitCode, string Out, string Error) run, MprofileVariant variant)
    {
        var what = $"rtos on {emulator}:\n{run.Out}\n{run.Error}";
        Assert.True(run.ExitCode == 0, $"exit status {run.ExitCode}, {what}");
        Assert.True(run.Out.Contains("kernel: switches=1000000\n", StringComparison.Ordinal), what);
        Assert.True(run.Out.Contains("kernel: MemManage in task 4 cfsr=00000082 ", StringComparison.Ordinal), what);
        Assert.True(run.Out.Contains("DACCVIOL on worker 0's stack, task killed\n", StringComparison.Ordinal), what);
        Assert.True(run.Out.Split('\n').Count(l => l.StartsWith("task ", StringComparison.Ordinal) && l.EndsWith(" integrity_failures=0", StringComparison.Ordinal)) == 4, what);
        if (variant == MprofileVariant.M4)
        {
            Assert.True(run.Out.Contains("kernel: lazily reserved FP frames seen=1 fpcar_errors=0\n", StringComparison.Ordinal), what);
        }

        Assert.True(run.Out.EndsWith("probe: memmanage_kills=1\nrtos: PASS\n", StringComparison.Ordinal), what);
    }

    /// <summary>Builds tests/firmware/rtos for the variant with the flags of its build.sh (cached per variant).</summary>
    private static string Build(MprofileVariant variant) => Built.GetOrAdd(variant.Name, _ =>
    {
        var root = TestFirmware.Root;
        var common = Path.Combine(root, "common");
        var kit = Path.Combine(root, "mprofile");
        var rtos = Path.Combine(root, "rtos");
        string[] args =
        [
            .. variant.CFlags, "-mthumb", "-DCONSOLE_UART_CMSDK", "-T" + Path.Combine(common, variant.LinkerScript), "-O2", "-g0",
            "-ffreestanding", "-fno-common", "-fno-tree-loop-distribute-patterns", "-Wall", "-Wextra", "-Werror", "-nostdlib",
            "-nostartfiles", "-Wl,--build-id=none", "-I" + common, "-I" + kit, "-I" + rtos, "-L" + common,
            Path.Combine(kit, "mp_start.S"), Path.Combine(common, "semihost.S"), Path.Combine(common, "console.c"),
            Path.Combine(common, "mem.c"), Path.Combine(kit, "mp.c"), Path.Combine(rtos, "switch.S"),
            Path.Combine(rtos, "kernel.c"), Path.Combine(rtos, "tasks.c"), "-lgcc",
        ];
        return CrossCompiler.Build(TestFirmware.TempDirectory(), "rtos-" + variant.Name + ".elf", args);
    });
}
