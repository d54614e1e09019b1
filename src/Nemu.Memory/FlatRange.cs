// QEMU's FlatRange (pci.md §1.3): one disjoint piece of a rendered address space.
namespace Nemu.Memory;

/// <summary>A range of a FlatView: [Start, Start+Size) maps to <see cref="Region"/> at <see cref="OffsetInRegion"/>.</summary>
internal readonly record struct FlatRange(
    MemoryRegion Region,
    ulong OffsetInRegion,
    ulong Start,
    UInt128 Size,
    byte DirtyLogMask,
    bool RomdMode,
    bool ReadOnly,
    bool Nonvolatile,
    bool Unmergeable)
{
    public UInt128 End => Start + Size;

    /// <summary>flatrange_equal: the same mapping with the same attributes (the dirty mask is compared separately).</summary>
    public bool SameMapping(in FlatRange other) =>
        ReferenceEquals(Region, other.Region) && Start == other.Start && Size == other.Size
        && OffsetInRegion == other.OffsetInRegion && RomdMode == other.RomdMode && ReadOnly == other.ReadOnly
        && Nonvolatile == other.Nonvolatile && Unmergeable == other.Unmergeable;

    /// <summary>can_merge: contiguous in both address space and region, equal attributes, neither unmergeable.</summary>
    public bool CanMergeWith(in FlatRange next) =>
        End == next.Start && ReferenceEquals(Region, next.Region)
        && (UInt128)OffsetInRegion + Size == next.OffsetInRegion
        && DirtyLogMask == next.DirtyLogMask && RomdMode == next.RomdMode && ReadOnly == next.ReadOnly
        && Nonvolatile == next.Nonvolatile && !Unmergeable && !next.Unmergeable;

    public MemoryRegionSection ToSection() =>
        new(Region, OffsetInRegion, Size, Start, ReadOnly, Nonvolatile, Unmergeable);
}
