namespace Nemu.Monitor.Tests.Hmp;

/// <summary>
/// memsave / pmemsave (QEMU 7.2 hmp_memsave/hmp_pmemsave as qemu-system-arm 7.2 answers them on mps2-an385): file
/// contents in 1024-byte chunks, unassigned memory as zeros for pmemsave and as an error for memsave, QEMU's texts.
/// The fake machine reads below 0x44000000 (zeros except the words at 0x20000000) and fails above.
/// </summary>
public sealed class HmpMemorySaveTests : IDisposable
{
    private static readonly byte[] RamWords = [0xbb, 0xaa, 0x99, 0x88, 0x44, 0x43, 0x42, 0x41, 0xf0, 0xff, 0xff, 0xff];

    private readonly string _dir = Directory.CreateTempSubdirectory("nemu-hmp-save-").FullName;

    [Fact]
    public void MemsaveWritesTheBytesSeenByTheCpu()
    {
        Assert.Equal(string.Empty, Run($"memsave 0x20000000 12 \"{_dir}/a.bin\""));

        Assert.Equal(RamWords, File.ReadAllBytes(Path.Combine(_dir, "a.bin")));
    }

    [Fact]
    public void MemsaveAddressWrapsAtTheTargetWidth()
    {
        Assert.Equal(string.Empty, Run($"memsave 0x120000000 4 \"{_dir}/a.bin\""));

        Assert.Equal(RamWords[..4], File.ReadAllBytes(Path.Combine(_dir, "a.bin")));
    }

    [Fact]
    public void PmemsaveWritesUnassignedMemoryAsZeros()
    {
        Assert.Equal(string.Empty, Run($"pmemsave 0xfffffff0 32 \"{_dir}/d.bin\""));
        Assert.Equal(string.Empty, Run($"pmemsave 0x1ffffffc 8 \"{_dir}/e.bin\""));

        Assert.Equal(new byte[32], File.ReadAllBytes(Path.Combine(_dir, "d.bin")));
        Assert.Equal([0, 0, 0, 0, .. RamWords[..4]], File.ReadAllBytes(Path.Combine(_dir, "e.bin")));
    }

    [Theory]
    [InlineData("memsave 0xfffffff0 32", "Error: Invalid addr 0x00000000fffffff0/size 32 specified\n")]
    [InlineData("memsave -1 64", "Error: Invalid addr 0xffffffffffffffff/size 64 specified\n")]
    public void MemsaveOfUnassignedMemoryFailsAndLeavesAnEmptyFile(string command, string expected)
    {
        Assert.Equal(expected, Run($"{command} \"{_dir}/f.bin\""));

        Assert.Empty(File.ReadAllBytes(Path.Combine(_dir, "f.bin")));
    }

    [Fact]
    public void MemsaveKeepsTheChunksWrittenBeforeTheFailingOne()
    {
        Assert.Equal("Error: Invalid addr 0x0000000043fffc00/size 2048 specified\n", Run($"memsave 0x43fffc00 2048 \"{_dir}/g.bin\""));

        Assert.Equal(1024, new FileInfo(Path.Combine(_dir, "g.bin")).Length);
    }

    [Fact]
    public void ZeroSizeCreatesAnEmptyFile()
    {
        Assert.Equal(string.Empty, Run($"pmemsave 0 0 \"{_dir}/m.bin\""));
        Assert.Equal(string.Empty, Run($"memsave 0 0 \"{_dir}/n.bin\""));

        Assert.Empty(File.ReadAllBytes(Path.Combine(_dir, "m.bin")));
        Assert.Empty(File.ReadAllBytes(Path.Combine(_dir, "n.bin")));
    }

    [Fact]
    public void QuotedFileNamesKeepSpacesAndEscapes()
    {
        Assert.Equal(string.Empty, Run($"pmemsave 0x20000000 4 \"{_dir}/h i\\\".bin\""));

        Assert.Equal(RamWords[..4], File.ReadAllBytes(Path.Combine(_dir, "h i\".bin")));
    }

    [Theory]
    [InlineData("memsave")]
    [InlineData("pmemsave")]
    public void UnopenableFileReportsStrerror(string command)
    {
        Assert.Equal(
            "Error: Could not open '/nonexistent-dir/x.bin': No such file or directory\n",
            Run(command + " 0 16 \"/nonexistent-dir/x.bin\""));
    }

    [Theory]
    [InlineData("memsave 0 16", "memsave: string expected\nTry \"help memsave\" for more information\n")]
    [InlineData("memsave 0", "unexpected end of expression\nTry \"help memsave\" for more information\n")]
    [InlineData("pmemsave 0 0x100000000 f", "'pmemsave' has failed: integer is for 32-bit values\nTry \"help pmemsave\" for more information\n")]
    [InlineData("memsave 0 (-1) f", "'memsave' has failed: integer is for 32-bit values\nTry \"help memsave\" for more information\n")]
    [InlineData("memsave 0 16 f extra", "memsave: extraneous characters at the end of line\nTry \"help memsave\" for more information\n")]
    [InlineData("memsave 0x20000000 16 /tmp/b.bin", "invalid char 't' in expression\nTry \"help memsave\" for more information\n")]
    public void ArgumentErrorsAreQemus(string command, string expected)
    {
        Assert.Equal(expected, Run(command));
    }

    [Theory]
    [InlineData("memsave 0 16 \"f", "unterminated string\n")]
    [InlineData("memsave 0 16 \"f\\q\"", "unsupported escape code: '\\q'\n")]
    public void BadStringsPrintToProcessOutputThenFail(string command, string printed)
    {
        var stdout = new StringWriter();
        var probe = new HmpProbe(new FakeHmpMachine(), stdout);

        Assert.Equal("memsave: string expected\nTry \"help memsave\" for more information\n", probe.Run(command));
        Assert.Equal(printed, stdout.ToString());
    }

    [Fact]
    public void MemsaveWithoutCpuIsRefusedButPmemsaveWorks()
    {
        var probe = new HmpProbe(new FakeHmpMachine { HasCpu = false });

        Assert.Equal("No CPU available\n", probe.Run($"memsave 0x20000000 4 \"{_dir}/a.bin\""));
        Assert.Equal(string.Empty, probe.Run($"pmemsave 0x20000000 4 \"{_dir}/b.bin\""));

        Assert.False(File.Exists(Path.Combine(_dir, "a.bin")));
        Assert.Equal(RamWords[..4], File.ReadAllBytes(Path.Combine(_dir, "b.bin")));
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static string Run(string command) => new HmpProbe(new FakeHmpMachine { CpuDumps = ["x"] }).Run(command);
}
