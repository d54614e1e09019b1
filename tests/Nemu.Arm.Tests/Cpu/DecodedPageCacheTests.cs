using Nemu.Arm.Tests.Support;
using Nemu.Core;
using Nemu.Memory;

namespace Nemu.Arm.Tests.Cpu;

public sealed class DecodedPageCacheTests
{
    private const string Program = @"
.thumb_func
start:
    ldr r0, =patch
    ldr r3, =0x2105     @ movs r1, #5
    movs r2, #0
again:
patch:
    movs r1, #1
    adds r2, #1
    cmp r2, #2
    beq done
    strh r3, [r0]       @ the guest rewrites the instruction it already executed
    b again
done: b done
";

    [Fact]
    public void GuestStoreIntoCachedCodeInvalidatesTheDecodedPage()
    {
        var m = new TestMachine();
        m.LoadProgram(Program);
        m.RunUntilStuck();
        Assert.Equal(5u, m.R(1));
    }

    [Fact]
    public void DmaOrLoaderWriteIntoCachedCodeInvalidatesTheDecodedPage()
    {
        var m = new TestMachine();
        m.LoadProgram(".thumb_func\nstart:\n movs r0, #1\n b start\n");
        m.Cpu.RunSlice(10);
        Assert.Equal(1u, m.R(0));
        Assert.True(m.Cpu.CachedPageCount > 0);
        m.Space.WriteBuffer(new GuestAddress(m.Cpu.Pc & ~1u), [0x07, 0x20], default);
        m.Cpu.RunSlice(10);
        Assert.Equal(7u, m.R(0));
    }

    [Fact]
    public void CodePageTrackerReportsOnlyMarkedPagesOnce()
    {
        var ram = MemoryRegion.CreateRam("ram", 0x4000);
        var space = new AddressSpace(new MemorySystem(), "t", ram);
        var hits = new List<ulong>();
        ram.RamBlock!.CodePages.PageWritten += hits.Add;
        ram.RamBlock.CodePages.Mark(0x800);
        space.Write(new GuestAddress(0x100), 1, 4, default);
        space.Write(new GuestAddress(0x804), 1, 4, default);
        space.Write(new GuestAddress(0x808), 1, 4, default);
        Assert.Equal([0x800ul], hits);
        Assert.False(ram.RamBlock.CodePages.IsMarked(0x800));
        ram.RamBlock.CodePages.Mark(0xC00);
        space.WriteRomBlob(new GuestAddress(0xBFE), [1, 2, 3, 4]);
        Assert.Equal([0x800ul, 0xC00ul], hits);
    }

    [Fact]
    public void HotLoopDoesNotAllocate()
    {
        var m = new TestMachine();
        m.LoadProgram(".thumb_func\nstart:\n ldr r0, =0x20000000\n movs r1, #0\nloop:\n adds r1, #1\n str r1, [r0]\n ldr r2, [r0]\n lsls r3, r2, #3\n b loop\n");
        m.Cpu.RunSlice(10_000);
        var before = GC.GetAllocatedBytesForCurrentThread();
        m.Cpu.RunSlice(1_000_000);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.Equal(0, allocated);
        Assert.True(m.R(1) > 100_000);
    }
}
