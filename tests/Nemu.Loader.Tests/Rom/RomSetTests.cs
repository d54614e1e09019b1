using Nemu.Core;
using Nemu.Loader.Rom;

namespace Nemu.Loader.Tests.Rom;

public sealed class RomSetTests
{
    private static RomBlob Blob(string name, ulong addr, int dataLength, ulong size) =>
        new(name, new GuestAddress(addr), new byte[dataLength], size, null);

    [Fact]
    public void BlobsAreKeptInAddressOrderStableForEqualAddresses()
    {
        var set = new RomSet();
        set.Add(Blob("b", 0x200, 0, 1));
        set.Add(Blob("a1", 0x100, 0, 1));
        set.Add(Blob("a2", 0x100, 0, 1));
        Assert.Equal(["a1", "a2", "b"], set.Blobs.Select(b => b.Name));
    }

    [Fact]
    public void WriteAllWritesDataThenZeroFillsToSize()
    {
        var set = new RomSet();
        set.Add(new RomBlob("x", new GuestAddress(0x1000), new byte[] { 1, 2, 3 }, 5000, null));
        var mem = new RecordingRomWriter();
        Assert.Equal(MemTxResult.Ok, set.WriteAll(mem));
        Assert.Equal(5000, mem.Bytes.Count);
        Assert.Equal(3, mem.Bytes[0x1002]);
        Assert.Equal(0, mem.Bytes[0x1000 + 4999]);
        Assert.Equal(3, mem.Calls); // data, then two zero chunks of at most 4 KiB
    }

    [Fact]
    public void WriteAllReportsTheFirstFailureButWritesEverything()
    {
        var set = new RomSet();
        set.Add(Blob("bad", 0x10, 4, 4));
        set.Add(Blob("good", 0x20, 4, 4));
        var mem = new RecordingRomWriter { FailAt = 0x10 };
        Assert.Equal(MemTxResult.DecodeError, set.WriteAll(mem));
        Assert.True(mem.Bytes.ContainsKey(0x20));
    }

    [Fact]
    public void OverlapReportMatchesQemu72()
    {
        // Same blobs as the recorded run: kernel loop.elf plus -device loader,file=loop.elf,force-raw=on,addr=0x4.
        var set = new RomSet();
        set.Add(Blob("t.elf ELF program header segment 0", 0, 8, 8));
        set.Add(Blob("t.elf ELF program header segment 1", 0x100, 4, 4));
        set.Add(Blob("t.elf ELF program header segment 2", 0x20000000, 4, 0x44));
        set.Add(Blob("t.elf", 4, 0x2418, 0x2418));
        var ex = Assert.Throws<RomOverlapException>(set.CheckOverlaps);
        var recorded = File.ReadAllText(TestData.PathOf("qemu-rom-overlap.txt")).TrimEnd('\n');
        Assert.Equal(recorded, $"qemu-system-arm: {ex.Message}\n{ex.Details}");
    }

    [Fact]
    public void AdjacentBlobsDoNotOverlap()
    {
        var set = new RomSet();
        set.Add(Blob("a", 0, 4, 4));
        set.Add(Blob("b", 4, 4, 4));
        set.CheckOverlaps();
    }

    [Fact]
    public void InfoRomsFormat()
    {
        var set = new RomSet();
        set.Add(Blob("fw.bin", 0x0, 0x68, 0x68));
        set.Add(Blob("data", 0x20000000, 1, 0x44));
        Assert.Equal(
            "addr=0000000000000000 size=0x000068 mem=rom name=\"fw.bin\"\naddr=0000000020000000 size=0x000044 mem=ram name=\"data\"\n",
            set.InfoRoms(new RecordingRomWriter { RomBelow = 0x400000 }));
    }

    [Fact]
    public void SizeSmallerThanDataIsRefused() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => Blob("x", 0, 4, 2));
}
