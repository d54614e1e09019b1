using System.Text.RegularExpressions;

namespace Nemu.Cli.Tests;

/// <summary>
/// "-d in_asm,exec,cpu,int,guest_errors,unimp,nochain -D file" and "-dfilter" against qemu-system-arm 7.2 on the same
/// firmware (management.md §8.1). The host pointer of "Trace" lines is masked (Nemu prints a stable fake); everything
/// else, symbol names included, must be identical.
/// </summary>
public sealed partial class DebugLogDifferentialTests
{
    [Fact]
    public void ExceptionsFirmwareLogsExactlyWhatQemuLogs()
    {
        var elf = TestFirmware.Faults("exceptions");

        var (qemu, nemu) = RunBoth(elf, "in_asm,int,exec,cpu,guest_errors,unimp,nochain");

        Assert.Contains("Taking exception 16 [Semihosting call] on CPU 0", qemu, StringComparison.Ordinal);
        Assert.Equal(MaskHostPointers(qemu), MaskHostPointers(nemu));
    }

    [Fact]
    public void HelloBlocksRegistersAndExceptionsMatchQemu()
    {
        var elf = TestFirmware.Demo("hello");

        var (qemu, nemu) = RunBoth(elf, "in_asm,int,exec,cpu,nochain");

        Assert.Contains("XPSR=41000000 -Z-- T priv-thread", qemu, StringComparison.Ordinal);
        Assert.Contains("IN: reset_handler", qemu, StringComparison.Ordinal);
        Assert.Equal(MaskHostPointers(qemu), MaskHostPointers(nemu));
    }

    [Fact]
    public void FpEnabledHelloOnCortexM4HasQemusTbFlags()
    {
        // The startup code grants CP10/CP11 in CPACR: QEMU's FPEXC_EL flag drops to 0 from then on, and the first FP
        // instruction would start a new FP context while FPCCR.ASPEN is set and CONTROL.FPCA clear.
        var elf = TestFirmware.DemoM4("hello");

        var (qemu, nemu) = RunBoth(elf, "in_asm,int,exec,cpu,nochain", "mps2-an386");

        Assert.Contains("/00000010/ff000200]", qemu, StringComparison.Ordinal);
        Assert.Equal(MaskHostPointers(qemu), MaskHostPointers(nemu));
    }

    [Fact]
    public void ComputeTranslatesTheSameBlocksWithTheSameDisassembly()
    {
        var elf = TestFirmware.Demo("compute");

        var (qemu, nemu) = RunBoth(elf, "in_asm,int");

        Assert.Contains("IN: ", qemu, StringComparison.Ordinal);
        Assert.Equal(qemu, nemu);
    }

    [Fact]
    public void DfilterLimitsBlockLogsToTheRangeLikeQemu()
    {
        var elf = TestFirmware.Faults("exceptions");

        var (qemu, nemu) = RunBoth(elf, "in_asm,exec,cpu,nochain", "mps2-an385", "-dfilter", "0x62..0x67,0x40+4");

        Assert.Contains("IN: svc_handler", qemu, StringComparison.Ordinal);
        Assert.DoesNotContain("IN: usage_handler", qemu, StringComparison.Ordinal);
        Assert.Equal(MaskHostPointers(qemu), MaskHostPointers(nemu));
    }

    [Theory]
    [InlineData("foo")]
    [InlineData("0x10")]
    [InlineData("0x10+0")]
    [InlineData("0x20..0x10")]
    public void BadDfilterIsRejectedWithQemusMessage(string filter)
    {
        string[] args = ["-M", "mps2-an385", "-display", "none", "-serial", "null", "-monitor", "none", "-dfilter", filter];

        var qemu = EmulatorRun.Run(EmulatorRun.Qemu, args, string.Empty);
        var nemu = EmulatorRun.Run(EmulatorRun.Nemu, args, string.Empty);

        Assert.Equal(1, qemu.ExitCode);
        Assert.Equal(qemu.ExitCode, nemu.ExitCode);
        Assert.Equal(qemu.Error.Replace("qemu-system-arm:", "nemu-system-arm:", StringComparison.Ordinal), nemu.Error);
    }

    internal static string MaskHostPointers(string log) => HostPointer().Replace(log, "Trace 0: HOST ");

    private static (string Qemu, string Nemu) RunBoth(string image, string items, string board = "mps2-an385", params string[] extra)
    {
        var dir = TestFirmware.TempDirectory();
        var qemuLog = Path.Combine(dir, "qemu.log");
        var nemuLog = Path.Combine(dir, "nemu.log");
        string[] common = ["-M", board, "-display", "none", "-serial", "null", "-monitor", "none", "-semihosting", "-kernel", image,
            "-d", items, .. extra];

        var qemu = EmulatorRun.Run(EmulatorRun.Qemu, [.. common, "-D", qemuLog], string.Empty, 300);
        var nemu = EmulatorRun.Run(EmulatorRun.Nemu, [.. common, "-D", nemuLog], string.Empty, 300);

        Assert.True(qemu.ExitCode == 0, $"qemu-system-arm failed: {qemu.Error}");
        Assert.True(nemu.ExitCode == 0, $"nemu-system-arm failed: {nemu.Error}");
        return (File.ReadAllText(qemuLog), File.ReadAllText(nemuLog));
    }

    [GeneratedRegex(@"Trace 0: 0x[0-9a-f]+ ")]
    private static partial Regex HostPointer();
}
