using System.Text;
using Nemu.Monitor.Hmp;

namespace Nemu.Monitor.Tests.Hmp;

/// <summary>
/// info registers / cpus / chardev / irq / pic against qemu-system-arm 7.2's recording on mps2-an385
/// (Data/qemu-7.2-hmp-an385-clean.txt, notes/issue7-ref) and its <c>help info</c> lines.
/// </summary>
public sealed class HmpCpuInfoTests
{
    private const string An385ResetDump =
        "R00=00000000 R01=00000000 R02=00000000 R03=00000000\n" +
        "R04=00000000 R05=00000000 R06=00000000 R07=00000000\n" +
        "R08=00000000 R09=00000000 R10=00000000 R11=00000000\n" +
        "R12=00000000 R13=20400000 R14=ffffffff R15=000000c0\n" +
        "XPSR=41000000 -Z-- T priv-thread\n" +
        "FPSCR: 00000000\n";

    [Fact]
    public void InfoRegistersPrintsTheCpuHeaderThenTheDumpAsRecorded()
    {
        var machine = new FakeHmpMachine { CpuDumps = [An385ResetDump] };

        Assert.Equal(Recorded("info registers"), Run(machine, "info registers"));
    }

    [Fact]
    public void InfoRegistersAllPrintsEveryCpuInIndexOrder()
    {
        var machine = new FakeHmpMachine { CpuDumps = ["zero\n", "one\n"] };

        Assert.Equal("\nCPU#0\nzero\n\nCPU#1\none\n", Run(machine, "info registers -a"));
        Assert.Equal("\nCPU#1\none\n", Run(machine, "info registers 1"));
        Assert.Equal("\nCPU#0\nzero\n", Run(machine, "info registers"));
    }

    [Fact]
    public void InfoRegistersOfAMissingCpuSaysItIsNotAvailable()
    {
        var machine = new FakeHmpMachine { CpuDumps = ["zero\n"] };

        Assert.Equal("CPU#3 not available\n", Run(machine, "info registers 3"));
        Assert.Equal("No CPU available\n", Run(new FakeHmpMachine(), "info registers"));
    }

    [Fact]
    public void InfoCpusMarksTheCurrentCpuAndPrintsThreadIds()
    {
        var machine = new FakeHmpMachine { CpuDumps = ["zero\n", "one\n"] };

        Assert.Equal("* CPU #0: thread_id=1000\n  CPU #1: thread_id=1001\n", Run(machine, "info cpus"));
        Assert.Equal(MaskThreadIds(Recorded("info cpus")), MaskThreadIds(Run(new FakeHmpMachine { CpuDumps = ["x"] }, "info cpus")));
    }

    [Fact]
    public void InfoChardevPrintsLabelAndFilenamePerChardev()
    {
        var machine = new FakeHmpMachine
        {
            Chardevs = [("parallel0", "vc"), ("compat_monitor0", "unix:$TMP/q.sock,server=on"), ("serial0", "vc")],
        };

        Assert.Equal(Recorded("info chardev"), Run(machine, "info chardev"));
    }

    [Theory]
    [InlineData("info irq")]
    [InlineData("info pic")]
    public void InterruptControllerInfoIsEmptyOnMps2AsInQemu(string command)
    {
        Assert.Equal(Recorded(command), Run(new FakeHmpMachine { CpuDumps = ["x"] }, command));
        Assert.Equal(string.Empty, Recorded(command));
    }

    [Theory]
    [InlineData("chardev", "info chardev  -- show the character devices")]
    [InlineData("cpus", "info cpus  -- show infos for each CPU")]
    [InlineData("irq", "info irq  -- show the interrupts statistics (if available)")]
    [InlineData("pic", "info pic  -- show PIC state")]
    [InlineData("registers", "info registers [-a|vcpu] -- show the cpu registers (-a: show register info for all cpus; vcpu: specific vCPU to query; show the current CPU's registers if no argument is specified)")]
    public void HelpInfoLinesAreQemus(string name, string line)
    {
        var all = Run(new FakeHmpMachine(), "help info").Split('\n');

        Assert.Contains(line, all);
        Assert.Equal(line + "\n", Run(new FakeHmpMachine(), "help info " + name));
    }

    private static string Run(FakeHmpMachine machine, string command)
    {
        var output = new StringBuilder();
        new HmpSession(machine, s => output.Append(s)).Execute(command);
        return output.ToString();
    }

    /// <summary>The reply recorded for the first <paramref name="command"/> of the transcript.</summary>
    private static string Recorded(string command)
    {
        var lines = File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "Data", "qemu-7.2-hmp-an385-clean.txt"));
        var start = Array.IndexOf(lines, "(qemu) " + command);
        Assert.True(start >= 0, $"'{command}' is not in the recording");
        var reply = new StringBuilder();
        for (var i = start + 1; i < lines.Length && !lines[i].StartsWith("(qemu) ", StringComparison.Ordinal); i++)
        {
            reply.Append(lines[i]).Append('\n');
        }

        return reply.ToString();
    }

    private static string MaskThreadIds(string text) =>
        global::System.Text.RegularExpressions.Regex.Replace(text, "thread_id=[0-9]+", "thread_id=N");
}
