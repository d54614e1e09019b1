// SYS_HEAPINFO layout rules (management.md §7.2 "Heap info"; QEMU rom_find_largest_gap_between).
namespace Nemu.Semihosting.Tests;

public sealed class HeapLayoutTests
{
    [Fact]
    public void LargestRamRangeWinsAndBlobsOutsideItAreIgnored()
    {
        var layout = HeapLayout.Compute([new(0, 0x40_0000), new(0x2100_0000, 0x100_0000)], [new(0, 0x2000)]);
        Assert.Equal(new HeapLayout(0x2100_0000, 0x2200_0000), layout);
        Assert.Equal(0x2200_0000ul, layout.StackBase);
        Assert.Equal(0x2100_0000ul, layout.StackLimit);
    }

    [Fact]
    public void ImageAtTheStartOfRamLeavesTheRestAsHeap()
    {
        Assert.Equal(new HeapLayout(0x2000, 0x40_0000), HeapLayout.Compute([new(0, 0x40_0000)], [new(0, 0x2000)]));
    }

    [Fact]
    public void LargestGapBetweenBlobsIsChosen()
    {
        var layout = HeapLayout.Compute([new(0x2000_0000, 0x10_0000)],
            [new(0x2000_0000, 0x1000), new(0x2004_0000, 0x1000), new(0x200f_0000, 0x1_0000)]);
        Assert.Equal(new HeapLayout(0x2004_1000, 0x200f_0000), layout);
    }

    [Fact]
    public void OverlappingBlobsCountAsOneCoveredRange()
    {
        var layout = HeapLayout.Compute([new(0, 0x1_0000)], [new(0x1000, 0x3000), new(0x2000, 0x1000), new(0x8000, 0x100)]);
        Assert.Equal(new HeapLayout(0x8100, 0x1_0000), layout);
    }

    [Fact]
    public void FirstOfEqualRamRangesWins()
    {
        Assert.Equal(new HeapLayout(0x1000, 0x2000), HeapLayout.Compute([new(0x1000, 0x1000), new(0x5000, 0x1000)], []));
    }

    [Fact]
    public void NoRamGivesZeros()
    {
        Assert.Equal(default, HeapLayout.Compute([], [new(0, 0x100)]));
    }

    [Fact]
    public void BlobStartingBelowRamGivesQemusWrappedAnswer()
    {
        // QEMU's size_t subtraction wraps: the "gap" runs from the RAM base to the blob's start.
        var layout = HeapLayout.Compute([new(0x1000, 0x1000)], [new(0x800, 0x1000)]);
        Assert.Equal(0x1000ul, layout.HeapBase);
        Assert.Equal(0x800ul, layout.HeapLimit);
    }
}
