using Nemu.Core.Time;
using Nemu.Memory;
using Nemu.Qdev;
using Nemu.System.Boards;
using Nemu.System.Qtest;

namespace Nemu.System.Tests.Qtest;

/// <summary>
/// The qtest server against QEMU 7.2's recorded reply forms (issue6-ref/qtest-probe.txt: RAM at 0x40000000, an
/// unclaimed hole, the I/O space, unknown command and device), interception ordering, malformed lines and the clock.
/// </summary>
public sealed class QtestServerTests : IDisposable
{
    private readonly Machine _machine;
    private readonly List<string> _sent = [];
    private readonly StringWriter _log = new();
    private QtestServer _server;

    public QtestServerTests()
    {
        var devices = DeviceTypeRegistry.Create(r => r.Register(QtestIrqTestDevice.TypeInfo));
        _machine = new Machine(NoneMachine.Type, MachineTime.CreateManual(), devices);
        _machine.SystemMemory.AddSubregion(0x40000000, MemoryRegion.CreateRam("ram", 0x10000));
        _machine.Start();
        _server = NewServer(clockEnabled: true);
    }

    public void Dispose() => _machine.Dispose();

    [Fact]
    public void RamAndUnclaimedRepliesAreQemusByteForByte()
    {
        string[] transcript =
        [
            "readl 0x0b000000", "OK 0x0000000000000000",
            "writeq 0x40000000 0x1122334455667788", "OK",
            "readq 0x40000000", "OK 0x1122334455667788",
            "readl 0x40000004", "OK 0x0000000011223344",
            "readw 0x40000001", "OK 0x0000000000006677",
            "read 0x40000000 8", "OK 0x8877665544332211",
            "b64read 0x40000000 8", "OK iHdmVUQzIhE=",
            "write 0x40000010 4 0xdeadbeef", "OK",
            "read 0x40000010 6", "OK 0xdeadbeef0000",
            "write 0x40000020 2 0x1", "OK",
            "b64write 0x40000030 4 AQIDBA==", "OK",
            "read 0x40000030 4", "OK 0x01020304",
            "memset 0x40000040 4 0xab", "OK",
            "read 0x40000040 4", "OK 0xabababab",
            "memset 0x40000040 0 0x1", "OK",
            "bogus", "FAIL Unknown command 'bogus'",
            "irq_intercept_in /machine/nope", "FAIL Unknown device",
            "outb 0x10 1", "OK",
            "inb 0x10", "OK 0x00ff",
            "inl 0x10", "OK 0xffffffff",
            "endianness", "OK little",
        ];
        for (var i = 0; i < transcript.Length; i += 2)
        {
            Assert.Equal(transcript[i + 1], Send(transcript[i]).Single());
        }
    }

    [Fact]
    public void WriteWithShortDataZeroFillsAsQemu()
    {
        // QEMU's hex decoder takes "0x1" as no complete byte: both bytes written are 0 (qtest-probe.txt reads 0x000001c6
        // after it only because its RAM held a DTB).
        Send("writel 0x40000020 0xffffffff");
        Send("write 0x40000020 2 0x1");
        Assert.Equal("OK 0x0000ffff", Send("read 0x40000020 4").Single());
    }

    [Theory]
    [InlineData("readl")]
    [InlineData("readl 0x")]
    [InlineData("readl zz")]
    [InlineData("writel 0x40000000")]
    [InlineData("read 0x40000000 0")]
    [InlineData("inb 0x10000")]
    [InlineData("set_irq_in dev unnamed-gpio-in 9 1")]
    [InlineData("set_irq_in dev")]
    [InlineData("memset 0x40000000 0x100000000 1")]
    [InlineData("clock_step x")]
    public void MalformedLineAnswersErrInsteadOfAborting(string line)
    {
        _machine.Qdev.Create("qtest-irq-test", "dev").Realize();
        var reply = Send(line).Single();
        Assert.StartsWith("ERR ", reply, StringComparison.Ordinal);
        Assert.Equal("OK little", Send("endianness").Single());
    }

    [Fact]
    public void ShortWriteDataIsQemusInvalidArgumentSize() =>
        Assert.Equal("ERR invalid argument size", Send("write 0x40000000 4 0x").Single());

    [Fact]
    public void InterceptedInputReportsLevelChangesBeforeTheReplyAndStillReachesTheDevice()
    {
        var device = (QtestIrqTestDevice)_machine.Qdev.Create("qtest-irq-test", "dev");
        device.Realize();
        Assert.Equal(["OK"], Send("irq_intercept_in /machine/dev"));
        Assert.Equal(["IRQ raise 2", "OK"], Send("set_irq_in /machine/dev unnamed-gpio-in 2 1"));
        Assert.True(device.Levels[2]);
        Assert.Equal(["OK"], Send("set_irq_in /machine/dev unnamed-gpio-in 2 1"));
        Assert.Equal(["IRQ lower 2", "OK"], Send("set_irq_in dev unnamed-gpio-in 2 0"));
        Assert.False(device.Levels[2]);

        // Named lists are not intercepted (QEMU: "We don't support intercept of named GPIOs yet").
        Assert.Equal(["OK"], Send("set_irq_in dev named 0 1"));
        Assert.True(device.Named);
    }

    [Fact]
    public void InterceptIsForOneDevice()
    {
        _machine.Qdev.Create("qtest-irq-test", "a").Realize();
        _machine.Qdev.Create("qtest-irq-test", "b").Realize();
        Assert.Equal(["OK"], Send("irq_intercept_out /machine/a"));
        Assert.Equal(["OK"], Send("irq_intercept_in /machine/a"));
        Assert.Equal(["FAIL IRQ intercept already enabled"], Send("irq_intercept_in /machine/b"));
    }

    [Fact]
    public void InterceptedOutputForwardsToItsSinkAndReports()
    {
        var device = (QtestIrqTestDevice)_machine.Qdev.Create("qtest-irq-test", "dev");
        device.Realize();
        var sinkLevel = false;
        device.Outputs[1].Connect(level => sinkLevel = level);
        Assert.Equal(["OK"], Send("irq_intercept_out dev"));
        _sent.Clear();
        device.Outputs[1].Raise();
        Assert.True(sinkLevel);
        Assert.Equal(["IRQ raise 1"], _sent);
    }

    [Fact]
    public void ClockStepFiresTimersAtTheirDeadlinesAndClockSetNeverGoesBack()
    {
        var fired = new List<long>();
        var timer = _machine.Time.CreateTimer(ClockType.Virtual, "t", () => fired.Add(_machine.Time.NowNs));
        timer.Modify(1000);
        Assert.Equal(["OK 1000"], Send("clock_step"));
        Assert.Equal([1000L], fired);
        Assert.Equal(["OK 1000"], Send("clock_step"));
        Assert.Equal(["OK 1500"], Send("clock_step 500"));
        Assert.Equal(["OK 1500"], Send("clock_set 100"));
        Assert.Equal(["OK 2000"], Send("clock_set 2000"));
    }

    [Fact]
    public void TimeDoesNotMoveWithoutClockCommands()
    {
        Send("readl 0x40000000");
        _machine.Loop.RunUntilIdle();
        Assert.Equal(0, _machine.Time.NowNs);
    }

    [Fact]
    public void WithoutTheQtestAcceleratorClockCommandsAreUnknownAsOnQemu()
    {
        _server = NewServer(clockEnabled: false);
        Assert.Equal(["FAIL Unknown command 'clock_step'"], Send("clock_step"));
        Assert.Equal(["FAIL Unknown command 'clock_set'"], Send("clock_set 1000"));
    }

    [Fact]
    public void LogHasQemusReceivedAndSentPrefixes()
    {
        Send("readb 0x40000000");
        var lines = _log.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Matches(@"^\[R \+\d+\.\d{6}\] readb 0x40000000$", lines[0]);
        Assert.Matches(@"^\[S \+\d+\.\d{6}\] OK 0x0000000000000000$", lines[1]);
    }

    private QtestServer NewServer(bool clockEnabled) => new(_machine, clockEnabled, text => _sent.AddRange(text.Split('\n', StringSplitOptions.RemoveEmptyEntries)), _log);

    private List<string> Send(string line)
    {
        _sent.Clear();
        _server.ProcessLine(line);
        return [.. _sent];
    }
}
