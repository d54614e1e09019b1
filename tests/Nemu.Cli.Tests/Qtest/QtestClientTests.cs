using Nemu.Testing.Qtest;

namespace Nemu.Cli.Tests.Qtest;

/// <summary>
/// The C# qtest client against Nemu (in-process and as nemu-system-arm) and qemu-system-arm 7.2 on mps2-an385:
/// the same protocol script gives the same replies on both emulators, RAM round trips, the clock moves a CMSDK
/// timer only on clock_step, and HMP works through the monitor socket.
/// </summary>
public sealed class QtestClientTests
{
    private static readonly string[] Board = ["-M", "mps2-an385", "-nodefaults", "-S"];

    private static readonly string[] Script =
    [
        "endianness",
        "bogus",
        "irq_intercept_in /machine/nope",
        "writel 0x20000000 0x12345678",
        "readl 0x20000000",
        "readw 0x20000001",
        "readq 0x20000000",
        "read 0x20000000 4",
        "b64read 0x20000000 4",
        "write 0x20000010 4 0xdeadbeef",
        "readl 0x20000010",
        "b64write 0x20000020 4 AQIDBA==",
        "read 0x20000020 4",
        "memset 0x20000030 4 0xab",
        "readl 0x20000030",
        "outb 0x10 1",
        "inb 0x10",
        "inw 0x10",
        "irq_intercept_in /machine/armv7m",
        "set_irq_in /machine/armv7m unnamed-gpio-in 3 1",
        "set_irq_in /machine/armv7m unnamed-gpio-in 3 1",
        "set_irq_in /machine/armv7m unnamed-gpio-in 3 0",
        "irq_intercept_in /machine/armv7m",
    ];

    [Fact]
    public void NemuAnswersTheScriptAsQemuDoes()
    {
        var expected = RunScript(QtestClient.StartQemu(Board));
        var actual = RunScript(QtestClient.StartNemu(Board));
        Assert.Equal(expected, actual);
        Assert.Contains("IRQ raise 3", expected);
    }

    [Fact]
    public void InProcessNemuAnswersTheScriptAsQemuDoes()
    {
        var expected = RunScript(QtestClient.StartQemu(Board));
        Assert.Equal(expected, RunScript(QtestClient.StartInProcess(Board)));
    }

    [Theory]
    [InlineData(QtestTarget.NemuInProcess)]
    [InlineData(QtestTarget.Nemu)]
    [InlineData(QtestTarget.Qemu)]
    public void RamWordWrittenIsReadBack(QtestTarget target)
    {
        using var qts = QtestClient.Start(target, Board);
        qts.WriteL(0x20000100, 0xcafef00d);
        Assert.Equal(0xcafef00du, qts.ReadL(0x20000100));
        qts.Write(0x20000200, [1, 2, 3]);
        Assert.Equal(new byte[] { 1, 2, 3, 0 }, qts.Read(0x20000200, 4));
        qts.B64Write(0x20000300, [9, 8]);
        Assert.Equal(new byte[] { 9, 8 }, qts.B64Read(0x20000300, 2));
        Assert.Equal("little", qts.Endianness());
    }

    [Theory]
    [InlineData(QtestTarget.NemuInProcess)]
    [InlineData(QtestTarget.Nemu)]
    [InlineData(QtestTarget.Qemu)]
    public void MonitorReportsPrelaunchAndNoPci(QtestTarget target)
    {
        using var qts = QtestClient.Start(target, Board);
        Assert.Equal("VM status: paused (prelaunch)\n", qts.Hmp("info status"));
        Assert.Equal(string.Empty, qts.Hmp("info pci"));
    }

    [Theory]
    [InlineData(QtestTarget.NemuInProcess)]
    [InlineData(QtestTarget.Nemu)]
    public void ClockStepMovesTheCmsdkTimerAndNothingElseDoes(QtestTarget target)
    {
        // CMSDK APB timer 0 of mps2-an385 at 0x40000000, PCLK 25 MHz (40 ns per tick).
        using var qts = QtestClient.Start(target, "-M", "mps2-an385", "-nodefaults");
        qts.WriteL(0x40000008, 1000);
        qts.WriteL(0x40000004, 1000);
        qts.WriteL(0x40000000, 1);
        Assert.Equal(1000u, qts.ReadL(0x40000004));
        Assert.Equal(4000, qts.ClockStep(4000));

        // 100 periods have passed; the CMSDK timer's ptimer policy (no counter round-down) may show the partial period.
        var value = qts.ReadL(0x40000004);
        Assert.InRange(value, 900u, 901u);
        Assert.Equal(value, qts.ReadL(0x40000004));
        Assert.Equal(4000, qts.ClockStep(0));
        Assert.Equal(value, qts.ReadL(0x40000004));
    }

    [Fact]
    public void QemuWithoutTheQtestAcceleratorHasNoClockCommands()
    {
        using var qts = QtestClient.StartQemu(Board);
        Assert.Equal("FAIL Unknown command 'clock_step'", qts.Raw("clock_step"));
    }

    [Fact]
    public void MalformedLineDoesNotKillNemu()
    {
        using var qts = QtestClient.StartNemu(Board);
        Assert.StartsWith("ERR ", qts.Raw("readl"), StringComparison.Ordinal);
        Assert.Equal("little", qts.Endianness());
    }

    [Fact]
    public void InterceptedLevelsAreTrackedByGetIrq()
    {
        using var qts = QtestClient.StartInProcess(Board);
        qts.IrqInterceptIn("/machine/armv7m");
        qts.SetIrqIn("/machine/armv7m", null, 5, 1);
        Assert.True(qts.GetIrq(5));
        qts.SetIrqIn("/machine/armv7m", null, 5, 0);
        Assert.False(qts.GetIrq(5));
        Assert.Equal(["IRQ raise 5", "IRQ lower 5"], qts.AsyncLines);
    }

    private static List<string> RunScript(QtestClient qts)
    {
        using (qts)
        {
            var transcript = new List<string>();
            foreach (var line in Script)
            {
                qts.ClearAsyncLines();
                var reply = qts.Raw(line);
                transcript.Add("> " + line);
                transcript.AddRange(qts.AsyncLines);
                transcript.Add(reply);
            }

            return transcript;
        }
    }
}
