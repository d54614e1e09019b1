namespace Nemu.Monitor.Tests.Qmp.Commands;

public sealed class MemoryCommandsTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("nemu-memsave-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void MemsaveAndPmemsaveWriteTheVectorTableAsQemu()
    {
        // issue7-ref/qmp-an385-loop.txt: loop.elf's first 64 bytes.
        using var m = new QmpCommandMachine("-M", "mps2-an385", "-kernel", "/work/notes/issue7-ref/loop.elf");
        m.Machine.Reset();
        var virt = Path.Combine(_dir, "memsave.bin");
        var phys = Path.Combine(_dir, "pmemsave.bin");
        Assert.Equal("{}", m.Run("memsave", $$"""{"val": 0, "size": 64, "filename": "{{virt}}"}""").ToString());
        Assert.Equal("{}", m.Run("pmemsave", $$"""{"val": 0, "size": 64, "filename": "{{phys}}"}""").ToString());
        var expected = "00000120610000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000";
        Assert.Equal(expected, Convert.ToHexStringLower(File.ReadAllBytes(virt)));
        Assert.Equal(expected, Convert.ToHexStringLower(File.ReadAllBytes(phys)));
    }

    [Fact]
    public void PmemsaveOfUnassignedMemoryWritesZeros()
    {
        using var m = new QmpCommandMachine("-M", "mps2-an385");
        var file = Path.Combine(_dir, "zeros.bin");
        m.Run("pmemsave", $$"""{"val": 4294967280, "size": 64, "filename": "{{file}}"}""");
        Assert.Equal(new byte[64], File.ReadAllBytes(file));
    }

    [Fact]
    public void PmemsaveOfAHugeSizeIsWrittenInChunks()
    {
        using var m = new QmpCommandMachine("-M", "mps2-an385");
        var file = Path.Combine(_dir, "big.bin");
        m.Run("pmemsave", $$"""{"val": 0, "size": 3000000, "filename": "{{file}}"}""");
        Assert.Equal(3000000, new FileInfo(file).Length);
    }

    [Fact]
    public void MemsaveOfUnreadableMemoryFailsWithTheOriginalAddress()
    {
        using var m = new QmpCommandMachine("-M", "mps2-an385");
        var file = Path.Combine(_dir, "x.bin");
        Assert.Equal("Invalid addr 0xffffffffffffffff/size 64 specified", m.Fail("memsave", $$"""{"val": -1, "size": 64, "filename": "{{file}}"}""").Message);
        Assert.Equal("Invalid addr 0x00000000fffffff0/size 64 specified", m.Fail("memsave", $$"""{"val": 4294967280, "size": 64, "filename": "{{file}}"}""").Message);
    }

    [Fact]
    public void MemsaveTruncatesTheAddressToTheCpusThirtyTwoBits()
    {
        using var m = new QmpCommandMachine("-M", "mps2-an385");
        var file = Path.Combine(_dir, "wrap.bin");
        Assert.Equal("{}", m.Run("memsave", $$"""{"val": 4294967296, "size": 64, "filename": "{{file}}"}""").ToString());
        Assert.Equal(64, new FileInfo(file).Length);
    }

    [Fact]
    public void UnopenableFileIsReportedAsQemu()
    {
        using var m = new QmpCommandMachine("-M", "mps2-an385");
        Assert.Equal("Could not open '/nonexistent-dir/x.bin': No such file or directory",
            m.Fail("memsave", """{"val": 0, "size": 64, "filename": "/nonexistent-dir/x.bin"}""").Message);
        Assert.Equal("Could not open '/nonexistent-dir/x.bin': No such file or directory",
            m.Fail("pmemsave", """{"val": 0, "size": 64, "filename": "/nonexistent-dir/x.bin"}""").Message);
    }

    [Fact]
    public void BadCpuIndexIsRefused()
    {
        using var m = new QmpCommandMachine("-M", "mps2-an385");
        var file = Path.Combine(_dir, "c.bin");
        Assert.Equal("Parameter 'cpu-index' expects a CPU number", m.Fail("memsave", $$"""{"val": 0, "size": 64, "filename": "{{file}}", "cpu-index": 3}""").Message);
    }

    [Fact]
    public void NegativeSizeIsRefusedWithoutWriting()
    {
        using var m = new QmpCommandMachine("-M", "mps2-an385");
        var file = Path.Combine(_dir, "n.bin");
        Assert.Equal("Invalid addr 0x0000000000000000/size -1 specified", m.Fail("pmemsave", $$"""{"val": 0, "size": -1, "filename": "{{file}}"}""").Message);
        Assert.Equal(0, new FileInfo(file).Length);
    }

    [Fact]
    public void PmemsaveOnVirtReadsRam()
    {
        using var m = new QmpCommandMachine("-M", "virt,highmem=off", "-nodefaults");
        var file = Path.Combine(_dir, "v.bin");
        m.Run("pmemsave", $$"""{"val": 1073741824, "size": 64, "filename": "{{file}}"}""");
        Assert.Equal(64, new FileInfo(file).Length);
    }
}
