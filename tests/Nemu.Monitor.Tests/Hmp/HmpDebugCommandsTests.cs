namespace Nemu.Monitor.Tests.Hmp;

/// <summary>
/// cpu, print|p and gdbserver against what qemu-system-arm 7.2 prints for the same lines (run on mps2-an385 and
/// mps2-an521 with -monitor stdio; the expected texts below are its replies).
/// </summary>
public sealed class HmpDebugCommandsTests
{
    [Fact]
    public void CpuSelectsTheCurrentCpuForInfoRegistersAndInfoCpus()
    {
        var machine = new FakeHmpMachine { CpuDumps = ["zero\n", "one\n"] };
        var session = new HmpProbe(machine);

        Assert.Equal(string.Empty, Run(session, "cpu 1"));

        Assert.Equal(1, session.Session.CurrentCpu);
        Assert.Equal("  CPU #0: thread_id=1000\n* CPU #1: thread_id=1001\n", Run(session, "info cpus"));
        Assert.Equal("\nCPU#1\none\n", Run(session, "info registers"));
        Assert.Equal("\nCPU#0\nzero\n", Run(session, "info registers 0"));
    }

    [Fact]
    public void VirtualMemoryCommandsReadThroughTheCurrentCpu()
    {
        var machine = new FakeHmpMachine { CpuDumps = ["zero\n", "one\n"] };
        var session = new HmpProbe(machine);

        Run(session, "cpu 1");
        Run(session, "x /1xw 0x20000000");

        Assert.Equal([1], machine.CpuReads);
    }

    [Theory]
    [InlineData("cpu 1", "invalid CPU index\n")]
    [InlineData("cpu 0xffffffff", "invalid CPU index\n")]
    [InlineData("cpu -1", "'cpu' has failed: integer is for 32-bit values\nTry \"help cpu\" for more information\n")]
    [InlineData("cpu", "unexpected end of expression\nTry \"help cpu\" for more information\n")]
    [InlineData("cpu x", "invalid char 'x' in expression\nTry \"help cpu\" for more information\n")]
    [InlineData("cpu 1 2", "cpu: extraneous characters at the end of line\nTry \"help cpu\" for more information\n")]
    [InlineData("cpu 0x0", "")]
    public void CpuErrorsAreQemus(string command, string expected)
    {
        var session = new HmpProbe(new FakeHmpMachine { CpuDumps = ["zero\n"] });

        Assert.Equal(expected, Run(session, command));
        Assert.Equal(0, session.Session.CurrentCpu);
    }

    [Fact]
    public void InfoRegistersWithVcpuMinusOneShowsTheCurrentCpu()
    {
        var session = new HmpProbe(new FakeHmpMachine { CpuDumps = ["zero\n", "one\n"] });
        Run(session, "cpu 1");

        Assert.Equal("\nCPU#1\none\n", Run(session, "info registers 0xffffffff"));
    }

    [Theory]
    [InlineData("p 0x10+2", "0x12\n")]
    [InlineData("p/x 10", "0xa\n")]
    [InlineData("p /x 10", "0xa\n")]
    [InlineData("p/x 0", "0\n")]
    [InlineData("p/o 0", "0\n")]
    [InlineData("p/o 8", "010\n")]
    [InlineData("p /d -1", "-1\n")]
    [InlineData("p/u -1", "18446744073709551615\n")]
    [InlineData("p/x -1", "0xffffffffffffffff\n")]
    [InlineData("p/d 0x8000000000000000", "-9223372036854775808\n")]
    [InlineData("p/c 65", "'A'\n")]
    [InlineData("p/c 0x4142", "'\\x4142'\n")]
    [InlineData("p/c -1", "'\\xffffffff'\n")]
    [InlineData("p/c 10", "'\\n'\n")]
    [InlineData("p/c 13", "'\\r'\n")]
    [InlineData("p/c 39", "'\\''\n")]
    [InlineData("p/c 92", "'\\\\'\n")]
    [InlineData("p/c 0x100000041", "'A'\n")]
    [InlineData("p/2x 5", "0x5\n")]
    [InlineData("p/i 0", "0\n")]
    [InlineData("p/xg 5", "0x5\n")]
    [InlineData("p -7/2", "0xfffffffffffffffd\n")]
    [InlineData("p (1+2)*3", "0x9\n")]
    [InlineData("p 010", "0x8\n")]
    [InlineData("print 7", "0x7\n")]
    [InlineData("p", "unexpected end of expression\nTry \"help p\" for more information\n")]
    [InlineData("p 08", "print|p: extraneous characters at the end of line\nTry \"help p\" for more information\n")]
    [InlineData("p 0x", "print|p: extraneous characters at the end of line\nTry \"help p\" for more information\n")]
    [InlineData("p 1 +", "unexpected end of expression\nTry \"help p\" for more information\n")]
    [InlineData("p $pc", "unknown register\nTry \"help p\" for more information\n")]
    [InlineData("p/s 5", "invalid char in format: 's'\nTry \"help p\" for more information\n")]
    [InlineData("p/a 5", "invalid char in format: 'a'\nTry \"help p\" for more information\n")]
    public void PrintRepliesAsQemu(string command, string expected)
    {
        var session = new HmpProbe(new FakeHmpMachine());

        Assert.Equal(expected, Run(session, command));
    }

    [Fact]
    public void PrintFormatBecomesTheDefaultOfLaterCommands()
    {
        var session = new HmpProbe(new FakeHmpMachine());

        Run(session, "p/i 0");

        // QEMU: after p/i the default format is 'i', which print shows in decimal.
        Assert.Equal("5\n", Run(session, "p/b 5"));
        Run(session, "p/x 1");
        Assert.Equal("0xa\n", Run(session, "p 10"));
    }

    [Theory]
    [InlineData("gdbserver", "tcp::1234", "Waiting for gdb connection on device 'tcp::1234'\n")]
    [InlineData("gdbserver tcp::1235", "tcp::1235", "Waiting for gdb connection on device 'tcp::1235'\n")]
    [InlineData("gdbserver \"tcp::1236\"", "tcp::1236", "Waiting for gdb connection on device 'tcp::1236'\n")]
    [InlineData("gdbserver none", "none", "Disabled gdbserver\n")]
    public void GdbserverStartsTheStubOnTheDevice(string command, string device, string expected)
    {
        var machine = new FakeHmpMachine();

        Assert.Equal(expected, Run(new HmpProbe(machine), command));
        Assert.Equal([device], machine.GdbServerDevices);
    }

    [Fact]
    public void GdbserverFailurePrintsTheCauseThenQemusMessage()
    {
        var machine = new FakeHmpMachine { GdbServerError = "'nosuchdev' is not a valid char driver" };

        Assert.Equal(
            "'nosuchdev' is not a valid char driver\nCould not open gdbserver on device 'nosuchdev'\n",
            Run(new HmpProbe(machine), "gdbserver nosuchdev"));
    }

    [Fact]
    public void GdbserverRejectsExtraArguments()
    {
        var machine = new FakeHmpMachine();

        Assert.Equal(
            "gdbserver: extraneous characters at the end of line\nTry \"help gdbserver\" for more information\n",
            Run(new HmpProbe(machine), "gdbserver tcp::1234 extra"));
        Assert.Empty(machine.GdbServerDevices);
    }

    private static string Run(HmpProbe probe, string command) => probe.Run(command);
}
