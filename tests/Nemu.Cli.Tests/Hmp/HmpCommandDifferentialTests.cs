using System.Text.RegularExpressions;

namespace Nemu.Cli.Tests.Hmp;

/// <summary>
/// The same HMP command lists on qemu-system-arm 7.2 and on nemu-system-arm (both with -S and -monitor stdio) give the
/// same replies: help, cpu N with info registers/cpus, print, memsave/pmemsave (replies and file bytes) and the
/// argument errors, on mps2-an385, mps2-an521 and virt where the command applies (Nemu's virt has no CPU model, so
/// only its CPU-free commands are compared).
/// </summary>
public sealed partial class HmpCommandDifferentialTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("nemu-hmp-diff-").FullName;

    public static TheoryData<string> MProfileBoards() => new()
    {
        "mps2-an385 HELLO",
        "mps2-an521",
    };

    public static TheoryData<string> AllBoards() => new()
    {
        "mps2-an385 HELLO",
        "mps2-an521",
        "virt,highmem=off -nodefaults",
    };

    [Fact]
    public void HelpListsQemusLinesForEveryImplementedCommand()
    {
        var (qemu, nemu) = RunBoth("mps2-an385", "help\nhelp info\nhelp cpu\nhelp p\nhelp info registers\nhelp nosuch\nhelp info nosuch\n");

        for (var i = 0; i < 2; i++)
        {
            var nemuLines = nemu[i].TrimEnd('\n').Split('\n');
            var names = nemuLines.Select(CommandName).ToHashSet(StringComparer.Ordinal);
            var qemuLines = qemu[i].Split('\n').Where(l => names.Contains(CommandName(l))).ToArray();
            Assert.Equal(qemuLines, nemuLines.Select(l => l.Replace("version of Nemu", "version of QEMU", StringComparison.Ordinal)));
        }

        string[] required = ["cont|c", "cpu", "gdbserver", "help|?", "info", "memsave", "pmemsave", "print|p", "quit|q", "stop|s", "system_reset", "x", "xp"];
        Assert.Equal(required, nemu[0].TrimEnd('\n').Split('\n').Select(l => l.Split(' ')[0]));
        string[] requiredInfo = ["chardev", "cpus", "irq", "mtree", "pci", "pic", "qtree", "registers", "status"];
        Assert.Subset(nemu[1].TrimEnd('\n').Split('\n').Select(l => l.Split(' ')[1]).ToHashSet(), requiredInfo.ToHashSet());
        Assert.Equal(qemu.Skip(2), nemu.Skip(2));
    }

    [Theory]
    [MemberData(nameof(MProfileBoards))]
    public void CpuSelectionDrivesInfoRegistersAndInfoCpusAsInQemu(string board)
    {
        const string Commands = "cpu 1\ninfo cpus\ninfo registers\ncpu 2\ncpu 0xffffffff\ncpu -1\ncpu\ninfo cpus\ncpu 0\n" +
            "info registers\ninfo registers 0xffffffff\ninfo registers -a\ninfo registers 1\nx /4xw 0x10000000\n";

        var (qemu, nemu) = RunBoth(board, Commands);

        Assert.Equal(qemu, nemu);
        if (board.StartsWith("mps2-an521", StringComparison.Ordinal))
        {
            Assert.Equal("  CPU #0: thread_id=N\n* CPU #1: thread_id=N\n", nemu[1]);
            Assert.Contains("XPSR=40000000 -Z-- A S priv-thread\n", nemu[2], StringComparison.Ordinal);
        }
        else
        {
            Assert.Equal("invalid CPU index\n", nemu[0]);
        }
    }

    [Theory]
    [MemberData(nameof(AllBoards))]
    public void PrintAndArgumentErrorsAreQemus(string board)
    {
        const string Commands = "p 0x10+2\np/x 0\np/o 8\np /d -1\np/u -1\np/c 65\np/c 0x4142\np/c 10\np/i 0\np 10\np 0x\np 08\n" +
            "p $pc\np $r0\np\np (1\np 1/0\np 99999999999999999999999\np/s 5\nprint 7\nnonsense\ngdbserver tcp::1 extra\n" +
            "help nosuch\ninfo nosuch\npmemsave 0 16\npmemsave 0 (-1) f\npmemsave 0 16 \"f\\q\"\npmemsave 0 16 \"unterminated\n" +
            "pmemsave 0 16 \"/nonexistent-dir/x.bin\"\n   nonsense\n  cpu x\n  info    registers   -z\ninfo   nosuch\ninfo registers -1\n" +
            "stop\nsystem_reset\ninfo status\n";

        var (qemu, nemu) = RunBoth(board, Commands);

        Assert.Equal(qemu, nemu);
        Assert.Equal("0x12\n", nemu[0]);
        Assert.Equal("unknown register\nTry \"help p\" for more information\n", nemu[12]);
        Assert.Equal("VM status: paused (prelaunch)\n", nemu[^1]);
    }

    [Theory]
    [MemberData(nameof(AllBoards))]
    public void MemsaveAndPmemsaveWriteTheSameFilesAsQemu(string board)
    {
        var cpu = !board.StartsWith("virt", StringComparison.Ordinal);
        var commands = "pmemsave 0 256 \"DIR/p0\"\npmemsave 0xfffffff0 32 \"DIR/p1\"\npmemsave 0x10000000 2000 \"DIR/p2\"\n" +
            "pmemsave 0 0 \"DIR/p3\"\npmemsave 0xe000ed00 64 \"DIR/p4\"\n";
        if (cpu)
        {
            commands += "memsave 0 256 \"DIR/m0\"\nmemsave 0xfffffff0 32 \"DIR/m1\"\nmemsave 0x100000000 8 \"DIR/m2\"\n" +
                "memsave -1 64 \"DIR/m3\"\nmemsave 0x10000000 3000 \"DIR/m4\"\nmemsave 0 16 \"/nonexistent-dir/x.bin\"\nmemsave 0 16\n";
        }

        var qemuDir = Directory.CreateDirectory(Path.Combine(_dir, "qemu")).FullName;
        var nemuDir = Directory.CreateDirectory(Path.Combine(_dir, "nemu")).FullName;
        var qemu = Run(EmulatorRun.Qemu, board, commands.Replace("DIR", qemuDir, StringComparison.Ordinal)).Select(r => r.Replace(qemuDir, "DIR", StringComparison.Ordinal));
        var nemu = Run(EmulatorRun.Nemu, board, commands.Replace("DIR", nemuDir, StringComparison.Ordinal)).Select(r => r.Replace(nemuDir, "DIR", StringComparison.Ordinal));

        Assert.Equal(qemu, nemu);
        var qemuFiles = Directory.GetFiles(qemuDir).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(qemuFiles, Directory.GetFiles(nemuDir).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        foreach (var file in qemuFiles)
        {
            Assert.True(
                File.ReadAllBytes(Path.Combine(qemuDir, file!)).SequenceEqual(File.ReadAllBytes(Path.Combine(nemuDir, file!))),
                $"{board}: {file} differs from QEMU's");
        }

        Assert.Equal(256, new FileInfo(Path.Combine(nemuDir, "p0")).Length);
        Assert.Equal(new byte[32], File.ReadAllBytes(Path.Combine(nemuDir, "p1")));
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private (List<string> Qemu, List<string> Nemu) RunBoth(string board, string commands) =>
        (Run(EmulatorRun.Qemu, board, commands), Run(EmulatorRun.Nemu, board, commands));

    private static List<string> Run((string FileName, string[] Prefix) emulator, string board, string commands)
    {
        var words = board.Split(' ');
        var machine = words[0];
        var extra = words.Skip(1).Where(w => w != "HELLO").ToArray();
        string[] args = ["-M", machine, .. extra, .. words.Contains("HELLO") ? new[] { "-kernel", HelloElf } : [], "-S", "-display", "none", "-serial", "null", "-monitor", "stdio"];
        var run = EmulatorRun.Run(emulator, args, commands + "quit\n");
        Assert.True(run.ExitCode == 0, $"{emulator.FileName} {EmulatorRun.Describe(args)} failed: {run.Error}");
        var replies = EmulatorRun.MonitorReplies(run.Out).Select(r => ThreadId().Replace(r, "thread_id=N")).ToList();
        Assert.Equal(commands.Count(c => c == '\n') + 1, replies.Count);
        return replies[..^1];
    }

    private static string CommandName(string helpLine) => helpLine.StartsWith("info ", StringComparison.Ordinal)
        ? "info " + helpLine.Split(' ')[1]
        : helpLine.Split(' ')[0];

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

    [GeneratedRegex("thread_id=[0-9]+")]
    private static partial Regex ThreadId();
}
