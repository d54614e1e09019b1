using System.Text.RegularExpressions;

namespace Nemu.Cli.Tests;

/// <summary>
/// info registers / cpus / irq / pic through the real command line and HMP on stdio: stopped at the reset vector
/// with -S, Nemu prints the same text as qemu-system-arm 7.2 (run live) and as the issue-7 recording of mps2-an385.
/// </summary>
public sealed partial class HmpCpuInfoDifferentialTests
{
    private const string Commands = "info registers\ninfo registers -a\ninfo registers 0\ninfo registers 1\ninfo cpus\ninfo irq\ninfo pic\nquit\n";

    public static TheoryData<string> Boards() => new()
    {
        "mps2-an385 HELLO",
        "mps2-an386",
        "mps2-an500",
        "mps2-an505",
    };

    [Theory]
    [MemberData(nameof(Boards))]
    public void CpuInfoAtTheResetVectorMatchesQemu(string board)
    {
        var words = board.Split(' ');
        string[] args = ["-M", words[0], .. words.Length > 1 ? new[] { "-kernel", HelloElf } : [], "-S", "-display", "none", "-serial", "null", "-monitor", "stdio"];

        var qemu = EmulatorRun.Run(EmulatorRun.Qemu, args, Commands);
        var nemu = EmulatorRun.Run(EmulatorRun.Nemu, args, Commands);

        Assert.True(qemu.ExitCode == 0, $"qemu-system-arm failed: {qemu.Error}");
        Assert.True(nemu.ExitCode == 0, $"nemu-system-arm failed: {nemu.Error}");
        var expected = EmulatorRun.MonitorReplies(qemu.Out).Select(MaskThreadIds).ToList();
        var actual = EmulatorRun.MonitorReplies(nemu.Out).Select(MaskThreadIds).ToList();
        EmulatorRun.AssertRepliesEqual(expected, actual);
        Assert.StartsWith("\nCPU#0\nR00=", actual[0], StringComparison.Ordinal);
        Assert.Equal("CPU#1 not available\n", actual[3]);
    }

    [Fact]
    public void An385ReplyMatchesTheRecording()
    {
        var recording = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Data", "Hmp", "qemu-7.2-hmp-an385-clean.txt"));
        string[] args = ["-M", "mps2-an385", "-kernel", HelloElf, "-S", "-display", "none", "-serial", "null", "-monitor", "stdio"];

        var nemu = EmulatorRun.Run(EmulatorRun.Nemu, args, "info registers\ninfo irq\ninfo pic\ninfo cpus\nquit\n");

        Assert.True(nemu.ExitCode == 0, $"nemu-system-arm failed: {nemu.Error}");
        var actual = EmulatorRun.MonitorReplies(nemu.Out);
        Assert.Equal(Recorded(recording, "info registers"), actual[0]);
        Assert.Equal(Recorded(recording, "info irq"), actual[1]);
        Assert.Equal(Recorded(recording, "info pic"), actual[2]);
        Assert.Equal(MaskThreadIds(Recorded(recording, "info cpus")), MaskThreadIds(actual[3]));
        Assert.Matches("^\\* CPU #0: thread_id=[1-9][0-9]*\n$", actual[3]);
    }

    /// <summary>examples/hello/hello.elf, the image the issue-7 recordings used.</summary>
    private static string HelloElf
    {
        get
        {
            var path = Path.GetFullPath(Path.Combine(TestFirmware.Root, "..", "..", "examples", "hello", "hello.elf"));
            Assert.True(File.Exists(path), "examples/hello/hello.elf not found: " + path);
            return path;
        }
    }

    private static string Recorded(string recording, string command)
    {
        var start = recording.IndexOf("(qemu) " + command + "\n", StringComparison.Ordinal);
        Assert.True(start >= 0, $"'{command}' is not in the recording");
        start += command.Length + 8;
        var end = recording.IndexOf("(qemu) ", start, StringComparison.Ordinal);
        return recording[start..(end < 0 ? recording.Length : end)];
    }

    private static string MaskThreadIds(string text) => ThreadId().Replace(text, "thread_id=N");

    [GeneratedRegex("thread_id=[0-9]+")]
    private static partial Regex ThreadId();
}
