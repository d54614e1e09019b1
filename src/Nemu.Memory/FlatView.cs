// QEMU's FlatView and its rendering (pci.md §1.3): render_memory_region with clipping, alias base arithmetic,
// first-come-first-served gap filling by terminating regions, flatview_simplify, and the flatview-root
// descent (memory_region_get_flatview_root) that lets address spaces share one view. Unlike QEMU, rendering
// follows at most MaxAliasDepth alias hops, so aliases into their own container that show each other end.
namespace Nemu.Memory;

/// <summary>A rendered, sorted list of disjoint ranges plus the dispatch table built from it.</summary>
internal sealed class FlatView
{
    private FlatView(MemoryRegion? root, FlatRange[] ranges)
    {
        Root = root;
        Ranges = ranges;
        Dispatch = new AddressSpaceDispatch(ranges);
        foreach (var r in ranges)
        {
            HasIommu |= r.Region.IsIommu;
        }
    }

    /// <summary>The flatview root the view was rendered from; null for an empty tree.</summary>
    public MemoryRegion? Root { get; }

    public FlatRange[] Ranges { get; }

    public AddressSpaceDispatch Dispatch { get; }

    /// <summary>Whether a range is an IOMMU region (whose notifications then concern the view's address spaces).</summary>
    public bool HasIommu { get; }

    private static Int128 TwoTo64 => (Int128)ulong.MaxValue + 1;

    /// <summary>generate_memory_topology: render, then merge adjacent ranges.</summary>
    public static FlatView Generate(MemoryRegion? root)
    {
        var ranges = new List<FlatRange>();
        if (root is not null)
        {
            Render(ranges, root, 0, 0, TwoTo64, false, false, false, 0);
        }

        Simplify(ranges);
        return new FlatView(root, [.. ranges]);
    }

    /// <summary>memory_region_get_flatview_root: skip whole-target aliases and single full-size children.</summary>
    public static MemoryRegion? GetFlatViewRoot(MemoryRegion? mr)
    {
        while (mr is not null && mr.Enabled)
        {
            if (mr.Alias is { } target)
            {
                if (mr.AliasOffset == 0 && mr.Size >= target.Size)
                {
                    mr = target;
                    continue;
                }
            }
            else if (!mr.Terminates)
            {
                var found = 0;
                MemoryRegion? next = null;
                foreach (var child in mr.Subregions)
                {
                    if (!child.Enabled)
                    {
                        continue;
                    }

                    if (++found > 1)
                    {
                        next = null;
                        break;
                    }

                    if (child.Address == 0 && mr.Size >= child.Size)
                    {
                        next = child;
                    }
                }

                if (found == 0)
                {
                    return null;
                }

                if (next is not null)
                {
                    mr = next;
                    continue;
                }
            }

            return mr;
        }

        return null;
    }

    /// <summary>
    /// Alias hops one render may follow. Aliases into their own container (allowed when their window excludes
    /// them) can still refer to each other in a loop; QEMU would recurse until its stack overflows, Nemu stops.
    /// </summary>
    public const int MaxAliasDepth = 64;

    private static void Render(List<FlatRange> view, MemoryRegion mr, Int128 baseAddr, Int128 clipStart, Int128 clipEnd, bool readOnly, bool nonvolatile, bool unmergeable, int aliasDepth)
    {
        if (!mr.Enabled)
        {
            return;
        }

        baseAddr += mr.Address;
        readOnly |= mr.ReadOnly;
        nonvolatile |= mr.Nonvolatile;
        unmergeable |= mr.Unmergeable;

        var start = baseAddr;
        var end = baseAddr + (Int128)mr.Size;

        // addrrange_intersects: one range contains the other's start (empty ranges never intersect).
        var intersects = (clipStart >= start && clipStart < end) || (start >= clipStart && start < clipEnd);
        if (!intersects)
        {
            return;
        }

        clipStart = Int128.Max(start, clipStart);
        clipEnd = Int128.Min(end, clipEnd);

        if (mr.Alias is { } target)
        {
            if (aliasDepth >= MaxAliasDepth)
            {
                return;
            }

            baseAddr -= target.Address;
            baseAddr -= mr.AliasOffset;
            Render(view, target, baseAddr, clipStart, clipEnd, readOnly, nonvolatile, unmergeable, aliasDepth + 1);
            return;
        }

        foreach (var child in mr.Subregions)
        {
            Render(view, child, baseAddr, clipStart, clipEnd, readOnly, nonvolatile, unmergeable, aliasDepth);
        }

        if (!mr.Terminates)
        {
            return;
        }

        FillGaps(view, mr, (ulong)(clipStart - baseAddr), clipStart, clipEnd - clipStart, readOnly, nonvolatile, unmergeable);
    }

    // Inserts ranges for mr into every part of [at, at+remain) that the view does not cover yet.
    private static void FillGaps(List<FlatRange> view, MemoryRegion mr, ulong offsetInRegion, Int128 at, Int128 remain, bool readOnly, bool nonvolatile, bool unmergeable)
    {
        var i = 0;
        for (; i < view.Count && remain != 0; ++i)
        {
            var rangeStart = (Int128)view[i].Start;
            var rangeEnd = (Int128)view[i].End;
            if (at >= rangeEnd)
            {
                continue;
            }

            if (at < rangeStart)
            {
                var now = Int128.Min(remain, rangeStart - at);
                view.Insert(i, Make(mr, offsetInRegion, at, now, readOnly, nonvolatile, unmergeable));
                ++i;
                at += now;
                offsetInRegion += (ulong)now;
                remain -= now;
            }

            var skip = Int128.Min(at + remain, rangeEnd) - at;
            at += skip;
            offsetInRegion += (ulong)skip;
            remain -= skip;
        }

        if (remain != 0)
        {
            view.Insert(i, Make(mr, offsetInRegion, at, remain, readOnly, nonvolatile, unmergeable));
        }
    }

    private static FlatRange Make(MemoryRegion mr, ulong offsetInRegion, Int128 start, Int128 size, bool readOnly, bool nonvolatile, bool unmergeable) =>
        new(mr, offsetInRegion, (ulong)start, (UInt128)size, mr.DirtyLogMask, mr.RomdMode, readOnly, nonvolatile, unmergeable);

    // flatview_simplify: fold each run of mergeable neighbours into its first range.
    private static void Simplify(List<FlatRange> view)
    {
        var i = 0;
        while (i < view.Count)
        {
            var j = i + 1;
            var merged = view[i];
            while (j < view.Count && view[j - 1].CanMergeWith(view[j]))
            {
                merged = merged with { Size = merged.Size + view[j].Size };
                ++j;
            }

            view[i] = merged;
            view.RemoveRange(i + 1, j - i - 1);
            ++i;
        }
    }
}
