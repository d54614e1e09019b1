// SoftTlb: direct RAM/ROM access for CPU loads and stores, misses for everything that needs the full dispatch
// (I/O, unassigned, ROM writes, partial pages, page-crossing accesses), flushes on topology changes, and code-page
// reports on writes.
using Nemu.Core;

namespace Nemu.Memory.Tests;

public sealed class SoftTlbTests
{
    private static readonly MemTxAttrs Attrs = default;

    private static (AddressSpace Space, MemoryRegion Root, SoftTlb Tlb) Machine()
    {
        var root = MemoryRegion.CreateContainer("system", ulong.MaxValue);
        var space = new AddressSpace(new MemorySystem(), "memory", root);
        return (space, root, new SoftTlb(space));
    }

    private static GuestAddress A(ulong v) => new(v);

    [Fact]
    public void RamPageHitsAfterFillAndSharesTheHostMemory()
    {
        var (space, root, tlb) = Machine();
        root.AddSubregion(0x2000_0000, MemoryRegion.CreateRam("ram", 0x1_0000));
        space.Write(A(0x2000_0404), 0xCAFEF00D, 4, Attrs);

        Assert.False(tlb.TryRead(0x2000_0404, 4, out _));
        Assert.True(tlb.Fill(0x2000_0404, write: true));
        Assert.True(tlb.TryRead(0x2000_0404, 4, out var v));
        Assert.Equal(0xCAFEF00DUL, v);
        Assert.True(tlb.TryWrite(0x2000_0406, 0xBEEF, 2));
        space.Read(A(0x2000_0404), 4, Attrs, out var back);
        Assert.Equal(0xBEEFF00DUL, back);
        Assert.True(tlb.TryRead(0x2000_0405, 1, out var b));
        Assert.Equal(0xF0UL, b);
    }

    [Fact]
    public void FillWithProtectionCachesOnlyTheAllowedAccesses()
    {
        var (_, root, tlb) = Machine();
        root.AddSubregion(0x2000_0000, MemoryRegion.CreateRam("ram", 0x1_0000));

        Assert.True(tlb.Fill(0x2000_0400, write: false, allowRead: true, allowWrite: false));
        Assert.True(tlb.TryRead(0x2000_0400, 4, out _));
        Assert.False(tlb.TryWrite(0x2000_0400, 1, 4));
        Assert.False(tlb.Fill(0x2000_0400, write: true, allowRead: true, allowWrite: false));

        Assert.False(tlb.Fill(0x2000_0800, write: false, allowRead: false, allowWrite: false));
        Assert.False(tlb.TryRead(0x2000_0800, 4, out _));
        Assert.False(tlb.TryWrite(0x2000_0800, 1, 4));
    }

    [Fact]
    public void DisabledRegionIsSeenOnTheNextAccess()
    {
        var (_, root, tlb) = Machine();
        var ram = MemoryRegion.CreateRam("ram", 0x1_0000);
        root.AddSubregion(0x2000_0000, ram);
        Assert.True(tlb.Fill(0x2000_0000, write: true));

        ram.Enabled = false;

        Assert.False(tlb.TryRead(0x2000_0000, 4, out _));
        Assert.False(tlb.TryWrite(0x2000_0000, 1, 4));
        Assert.False(tlb.Fill(0x2000_0000, write: false));
    }

    [Fact]
    public void RemappedRegionIsSeenAtItsNewAddress()
    {
        var (space, root, tlb) = Machine();
        var a = MemoryRegion.CreateRam("a", 0x1000);
        var b = MemoryRegion.CreateRam("b", 0x1000);
        root.AddSubregion(0x1000, a);
        space.Write(A(0x1000), 0xAAAA, 4, Attrs);
        Assert.True(tlb.Fill(0x1000, write: false));

        using (space.System.Transaction())
        {
            root.RemoveSubregion(a);
            root.AddSubregion(0x1000, b);
        }

        space.Write(A(0x1000), 0xBBBB, 4, Attrs);
        Assert.False(tlb.TryRead(0x1000, 4, out _));
        Assert.True(tlb.Fill(0x1000, write: false));
        Assert.True(tlb.TryRead(0x1000, 4, out var v));
        Assert.Equal(0xBBBBUL, v);
    }

    [Fact]
    public void RomReadsHitButRomWritesNeverTakeTheFastPath()
    {
        var (space, root, tlb) = Machine();
        var rom = MemoryRegion.CreateRom("rom", 0x1000);
        root.AddSubregion(0, rom);
        space.WriteRomBlob(A(0x10), [0x78, 0x56, 0x34, 0x12]);

        Assert.False(tlb.Fill(0x10, write: true));
        Assert.True(tlb.TryRead(0x10, 4, out var v));
        Assert.Equal(0x12345678UL, v);
        Assert.False(tlb.TryWrite(0x10, 0, 4));
        space.Read(A(0x10), 4, Attrs, out var back);
        Assert.Equal(0x12345678UL, back);
    }

    [Fact]
    public void ReadOnlyRamIsReadableButNotWritable()
    {
        var (_, root, tlb) = Machine();
        var ram = MemoryRegion.CreateRam("ram", 0x1000);
        root.AddSubregion(0, ram);
        Assert.True(tlb.Fill(0, write: true));

        ram.ReadOnly = true;

        Assert.False(tlb.Fill(0, write: true));
        Assert.True(tlb.TryRead(0, 4, out _));
        Assert.False(tlb.TryWrite(0, 1, 4));
    }

    [Fact]
    public void IoUnassignedAndPartlyRamPagesAreNotCached()
    {
        var (_, root, tlb) = Machine();
        root.AddSubregion(0x4000_0000, MemoryRegion.CreateIo("dev", 0x1000, new TestOps()));
        root.AddSubregion(0x3000_0000, MemoryRegion.CreateRam("small", 0x200));
        Assert.False(tlb.Fill(0x4000_0000, write: false));
        Assert.False(tlb.Fill(0x5000_0000, write: false));
        Assert.False(tlb.Fill(0x3000_0000, write: false));
        Assert.False(tlb.TryRead(0x4000_0000, 4, out _));
        Assert.Equal(0, tlb.FillCount);
    }

    [Fact]
    public void AccessCrossingThePageEndMisses()
    {
        var (_, root, tlb) = Machine();
        root.AddSubregion(0, MemoryRegion.CreateRam("ram", 0x1000));
        Assert.True(tlb.Fill(0x3FC, write: true));
        Assert.True(tlb.TryRead(0x3FC, 4, out _));
        Assert.False(tlb.TryRead(0x3FE, 4, out _));
        Assert.False(tlb.TryWrite(0x3FF, 0, 2));
    }

    [Fact]
    public void WriteToAPageHoldingCodeIsReportedToTheCodePageTracker()
    {
        var (_, root, tlb) = Machine();
        var ram = MemoryRegion.CreateRam("ram", 0x1000);
        root.AddSubregion(0x8000, ram);
        var hits = new List<ulong>();
        ram.RamBlock!.CodePages.PageWritten += hits.Add;
        ram.RamBlock.CodePages.Mark(0x400);
        Assert.True(tlb.Fill(0x8400, write: true));
        Assert.True(tlb.Fill(0x8000, write: true));

        Assert.True(tlb.TryWrite(0x8010, 1, 4));
        Assert.Empty(hits);
        Assert.True(tlb.TryWrite(0x8402, 1, 2));
        Assert.Equal([0x400ul], hits);
    }

    [Fact]
    public void PagesThatDifferOnlyAboveTheIndexBitsDoNotEvictEachOther()
    {
        var (_, root, tlb) = Machine();
        root.AddSubregion(0, MemoryRegion.CreateRam("flash", 0x1_0000));
        root.AddSubregion(0x2000_0000, MemoryRegion.CreateRam("sram", 0x1_0000));
        Assert.True(tlb.Fill(0x0400, write: true));
        Assert.True(tlb.Fill(0x2000_0400, write: true));
        Assert.True(tlb.TryRead(0x0400, 4, out _));
        Assert.True(tlb.TryRead(0x2000_0400, 4, out _));
    }
}
