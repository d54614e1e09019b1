using System.Text;
using Nemu.Monitor.Hmp;

namespace Nemu.Monitor.Tests.Hmp;

/// <summary>HMP behaviour against transcripts recorded from qemu-system-arm 7.2 (management.md §3).</summary>
public sealed class HmpSessionTests
{
    [Fact]
    public void MemoryDumpTranscriptMatchesQemuByteForByte()
    {
        var lines = File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "Data", "qemu-7.2-hmp-xp.txt"));
        var machine = new FakeHmpMachine();
        var output = new StringBuilder();
        var session = new HmpSession(machine, s => output.Append(s));
        var cases = 0;
        for (var i = 0; i < lines.Length;)
        {
            var command = lines[i++][2..];
            var expected = new StringBuilder();
            while (i < lines.Length && !lines[i].StartsWith("> ", StringComparison.Ordinal))
            {
                expected.Append(lines[i++]).Append('\n');
            }

            output.Clear();
            session.Execute(command);
            Assert.True(expected.ToString() == output.ToString(), $"command '{command}':\nexpected:\n{expected}\ngot:\n{output}");
            cases++;
        }

        Assert.True(cases >= 40, $"only {cases} recorded commands");
    }

    [Theory]
    [InlineData("nosuchcmd", "unknown command: 'nosuchcmd'\n")]
    [InlineData("info nosuch", "unknown command: 'info nosuch'\n")]
    [InlineData("   nonsense", "unknown command: '   nonsense'\n")]
    [InlineData("info   nosuch", "unknown command: 'info   nosuch'\n")]
    [InlineData("  cpu x", "invalid char 'x' in expression\nTry \"help   cpu\" for more information\n")]
    [InlineData("  info    mtree   -z", "mtree: unsupported option -z\nTry \"help   info    mtree\" for more information\n")]
    [InlineData("stop 1", "stop|s: extraneous characters at the end of line\nTry \"help stop\" for more information\n")]
    [InlineData("info mtree -z", "mtree: unsupported option -z\nTry \"help info mtree\" for more information\n")]
    [InlineData("help xp", "xp /fmt addr -- physical memory dump starting at 'addr'\n")]
    [InlineData("help x", "x /fmt addr -- virtual memory dump starting at 'addr'\n")]
    [InlineData("info status", "VM status: paused (prelaunch)\n")]
    [InlineData("x", "unexpected end of expression\nTry \"help x\" for more information\n")]
    [InlineData("xp /2xw 1/0", "division by zero\nTry \"help xp\" for more information\n")]
    [InlineData("xp /2xw 99999999999999999999", "number too large\nTry \"help xp\" for more information\n")]
    [InlineData("xp /2xw $pc", "unknown register\nTry \"help xp\" for more information\n")]
    [InlineData("xp /2xw (1", "')' expected\nTry \"help xp\" for more information\n")]
    [InlineData("xp /2xw 010", "0000000000000008: 0x00000000 0x00000000\n")]
    [InlineData("xp /2xw 0x20000000 + 4", "0000000020000004: 0x41424344 0xfffffff0\n")]
    [InlineData("xp /2xw ~0", "ffffffffffffffff: Cannot access memory\n")]
    [InlineData("xp /2xw 0x20000000-(2*2)", "000000001ffffffc: 0x00000000 0x8899aabb\n")]
    public void CommandRepliesAsQemu(string command, string expected)
    {
        var output = new StringBuilder();
        var session = new HmpSession(new FakeHmpMachine(), s => output.Append(s));
        session.Execute(command);
        Assert.Equal(expected, output.ToString());
    }

    [Fact]
    public void VirtualDumpWithoutCpuIsRefused()
    {
        var output = new StringBuilder();
        var session = new HmpSession(new FakeHmpMachine { HasCpu = false }, s => output.Append(s));
        session.Execute("x /4xw 0x20000000");
        Assert.Equal("Can not dump without CPU\n", output.ToString());
    }

    [Fact]
    public void FormatAndSizeAreStickyBetweenCommands()
    {
        var output = new StringBuilder();
        var session = new HmpSession(new FakeHmpMachine(), s => output.Append(s));
        session.Execute("x /3dh 0x20000000");
        output.Clear();
        session.Execute("xp 0x20000000");
        Assert.Equal("0000000020000000: 43707\n", output.ToString());
        output.Clear();
        session.Execute("xp /x 0x20000000");
        Assert.Equal("0000000020000000: 0xaabb\n", output.ToString());
    }

    [Theory]
    [InlineData("stop", "stop")]
    [InlineData("s", "stop")]
    [InlineData("cont", "cont")]
    [InlineData("c", "cont")]
    [InlineData("system_reset", "system_reset")]
    [InlineData("quit", "quit")]
    [InlineData("q", "quit")]
    public void ControlCommandsReachTheMachine(string command, string call)
    {
        var machine = new FakeHmpMachine();
        var session = new HmpSession(machine, _ => { });
        session.Execute(command);
        Assert.Equal([call], machine.Calls);
    }

    [Fact]
    public void InfoMtreeFlagsCombineInOneDash()
    {
        var output = new StringBuilder();
        var session = new HmpSession(new FakeHmpMachine(), s => output.Append(s));
        session.Execute("info mtree -fD");
        Assert.Equal("mtree f=True d=False o=False D=True\n", output.ToString());
    }

    [Fact]
    public void HostileCommandLinesNeverThrow()
    {
        var random = new Random(1234);
        var alphabet = "xp/ info mtree-fdoD0123456789abcdefgwhL$()+-*/%&|^~'\"\\,;\t?";
        string[] prefixes = ["xp ", "p", "print ", "cpu ", "info registers ", "gdbserver ", "help ", "help info ", "x/", string.Empty];
        var session = new HmpProbe(new FakeHmpMachine { CpuDumps = ["zero\n", "one\n"] }).Session;
        for (var n = 0; n < 5000; n++)
        {
            var chars = new char[random.Next(0, 40)];
            for (var i = 0; i < chars.Length; i++)
            {
                chars[i] = alphabet[random.Next(alphabet.Length)];
            }

            session.Execute(prefixes[random.Next(prefixes.Length)] + new string(chars));
        }
    }

    /// <summary>QEMU 7.2's <c>help</c> lines of exactly the commands Nemu implements, in QEMU's (sorted) order.</summary>
    private static readonly string[] QemuHelpLines =
    [
        "cont|c  -- resume emulation",
        "cpu index -- set the default CPU",
        "gdbserver [device] -- start gdbserver on given device (default 'tcp::1234'), stop with 'none'",
        "help|? [cmd] -- show the help",
        "info [subcommand] -- show various information about the system state",
        "memsave addr size file -- save to disk virtual memory dump starting at 'addr' of size 'size'",
        "pmemsave addr size file -- save to disk physical memory dump starting at 'addr' of size 'size'",
        "print|p /fmt expr -- print expression value (use $reg for CPU register access)",
        "quit|q  -- quit the emulator",
        "stop|s  -- stop emulation",
        "system_reset  -- reset the system",
        "x /fmt addr -- virtual memory dump starting at 'addr'",
        "xp /fmt addr -- physical memory dump starting at 'addr'",
    ];

    [Fact]
    public void HelpListsEveryImplementedCommandWithQemusLineInQemusOrder()
    {
        var probe = new HmpProbe(new FakeHmpMachine());

        Assert.Equal(string.Join('\n', QemuHelpLines) + "\n", probe.Run("help"));
        Assert.Equal(probe.Run("help"), probe.Run("?"));
    }

    [Fact]
    public void HelpInfoListsOnlyTheSubcommandsSorted()
    {
        var probe = new HmpProbe(new FakeHmpMachine());

        var lines = probe.Run("help info").TrimEnd('\n').Split('\n');

        Assert.All(lines, l => Assert.StartsWith("info ", l, StringComparison.Ordinal));
        Assert.Equal(["chardev", "cpus", "irq", "mtree", "pci", "pic", "qtree", "registers", "status", "version"], lines.Select(l => l.Split(' ')[1]));
        Assert.Equal(probe.Run("help info"), probe.Run("info"));
    }

    [Theory]
    [InlineData("help cpu", "cpu index -- set the default CPU\n")]
    [InlineData("help p", "print|p /fmt expr -- print expression value (use $reg for CPU register access)\n")]
    [InlineData("help print", "print|p /fmt expr -- print expression value (use $reg for CPU register access)\n")]
    [InlineData("help ?", "help|? [cmd] -- show the help\n")]
    [InlineData("help x y", "x /fmt addr -- virtual memory dump starting at 'addr'\n")]
    [InlineData("help info status extra", "info status  -- show the current VM status (running|paused)\n")]
    [InlineData("help nosuch", "unknown command: 'nosuch'\n")]
    [InlineData("help info nosuch", "unknown command: 'info nosuch'\n")]
    public void HelpOfOneCommandIsQemus(string command, string expected)
    {
        Assert.Equal(expected, new HmpProbe(new FakeHmpMachine()).Run(command));
    }

    [Fact]
    public void RunGivesAFreshSessionsReplyWithCrlf()
    {
        var machine = new FakeHmpMachine { CpuDumps = ["zero\n", "one\n"] };

        Assert.Equal(string.Empty, HmpSession.Run(machine, "cpu 1"));
        Assert.Equal("* CPU #0: thread_id=1000\r\n  CPU #1: thread_id=1001\r\n", HmpSession.Run(machine, "info cpus"));
    }
}
