// A deliberately naive reference model of QEMU's memory rendering (pci.md §1.2, §1.3), written from the
// spec text and QEMU's render_memory_region / memory_region_get_flatview_root, not from Nemu.Memory.
// It answers one address at a time by recursive descent, so it shares no data structure with the FlatView
// code it checks. The child order is supplied by the caller (the fuzz harness derives it from its own record
// of priorities and insertion order), so §1.2 ordering is checked independently too.
// Not modelled: dirty-log masks and romd mode as range attributes (they are per region, so ranges of the same
// region always agree on them), IOMMUs.
namespace Nemu.Memory.Tests.Oracle;

/// <summary>A naive per-address evaluation of QEMU's render rules over a live region tree.</summary>
internal sealed class ReferenceMemoryModel(Func<MemoryRegion, IReadOnlyList<MemoryRegion>> childrenInRenderOrder)
{
    private static readonly Int128 TwoTo64 = (Int128)ulong.MaxValue + 1;

    /// <summary>
    /// QEMU's memory_region_get_flatview_root: an AS renders from this region, not necessarily its root. Descend
    /// through an alias showing its whole target from offset 0, or through a pure container whose only enabled
    /// child sits at 0 and fits. Null means the view is empty. (Like QEMU, flags of skipped regions are lost.)
    /// </summary>
    public MemoryRegion? FlatViewRoot(MemoryRegion root)
    {
        var mr = root;
        while (mr.Enabled)
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
                foreach (var child in childrenInRenderOrder(mr))
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

    /// <summary>Which leaf region serves <paramref name="addr"/> in the address space rooted at <paramref name="root"/>.</summary>
    public OracleHit? Resolve(MemoryRegion root, ulong addr)
    {
        var start = FlatViewRoot(root);
        return start is null ? null : Render(start, 0, addr, false, false, false);
    }

    /// <summary>
    /// The expected FlatView: the oracle evaluated on every elementary interval between render boundaries, with
    /// adjacent pieces of the same region at contiguous offsets and equal flags joined (canonical form).
    /// </summary>
    public List<MemoryRegionSection> ExpectedCanonicalSections(MemoryRegion root)
    {
        var result = new List<MemoryRegionSection>();
        var start = FlatViewRoot(root);
        if (start is null)
        {
            return result;
        }

        var bounds = new SortedSet<Int128>();
        CollectBoundaries(start, 0, 0, TwoTo64, bounds);
        Int128? previous = null;
        foreach (var b in bounds)
        {
            if (previous is { } lo && lo < b)
            {
                var hit = Render(start, 0, lo, false, false, false);
                if (hit is { } h)
                {
                    result.Add(new MemoryRegionSection(h.Region, h.Offset, (UInt128)(b - lo), (ulong)lo, h.ReadOnly, h.Nonvolatile, h.Unmergeable));
                }
            }

            previous = b;
        }

        return Canonicalize(result);
    }

    /// <summary>Joins adjacent sections of one region at contiguous offsets with equal flags, ignoring unmergeable.</summary>
    public static List<MemoryRegionSection> Canonicalize(IReadOnlyList<MemoryRegionSection> sections)
    {
        var result = new List<MemoryRegionSection>();
        foreach (var s in sections)
        {
            if (result.Count > 0 && Continues(result[^1], s))
            {
                var last = result[^1];
                result[^1] = last with { Size = last.Size + s.Size };
            }
            else
            {
                result.Add(s);
            }
        }

        return result;
    }

    /// <summary>True when <paramref name="next"/> directly continues <paramref name="prev"/> (same region, address and offset contiguous, equal flags).</summary>
    public static bool Continues(in MemoryRegionSection prev, in MemoryRegionSection next) =>
        ReferenceEquals(prev.Region, next.Region)
        && (UInt128)prev.OffsetWithinAddressSpace + prev.Size == next.OffsetWithinAddressSpace
        && (UInt128)prev.OffsetWithinRegion + prev.Size == next.OffsetWithinRegion
        && prev.ReadOnly == next.ReadOnly
        && prev.Nonvolatile == next.Nonvolatile
        && prev.Unmergeable == next.Unmergeable;

    // render_memory_region restricted to one address: the first terminating region met in render order
    // (children before the region itself, siblings in list order) whose range and all ancestors' clips hold it.
    private OracleHit? Render(MemoryRegion mr, Int128 regionBase, Int128 addr, bool readOnly, bool nonvolatile, bool unmergeable)
    {
        if (!mr.Enabled)
        {
            return null;
        }

        regionBase += mr.Address;
        readOnly |= mr.ReadOnly;
        nonvolatile |= mr.Nonvolatile;
        unmergeable |= mr.Unmergeable;
        if (addr < regionBase || addr >= regionBase + (Int128)mr.Size)
        {
            return null;
        }

        if (mr.Alias is { } target)
        {
            return Render(target, regionBase - target.Address - mr.AliasOffset, addr, readOnly, nonvolatile, unmergeable);
        }

        foreach (var child in childrenInRenderOrder(mr))
        {
            if (Render(child, regionBase, addr, readOnly, nonvolatile, unmergeable) is { } hit)
            {
                return hit;
            }
        }

        return mr.Terminates ? new OracleHit(mr, (ulong)(addr - regionBase), readOnly, nonvolatile, unmergeable) : null;
    }

    // Every clipped start and end the render walk meets; the answer is affine between two consecutive ones.
    private void CollectBoundaries(MemoryRegion mr, Int128 regionBase, Int128 clipLo, Int128 clipHi, SortedSet<Int128> bounds)
    {
        if (!mr.Enabled)
        {
            return;
        }

        regionBase += mr.Address;
        var lo = Int128.Max(regionBase, clipLo);
        var hi = Int128.Min(regionBase + (Int128)mr.Size, clipHi);
        if (lo >= hi)
        {
            return;
        }

        bounds.Add(lo);
        bounds.Add(hi);
        if (mr.Alias is { } target)
        {
            CollectBoundaries(target, regionBase - target.Address - mr.AliasOffset, lo, hi, bounds);
            return;
        }

        foreach (var child in childrenInRenderOrder(mr))
        {
            CollectBoundaries(child, regionBase, lo, hi, bounds);
        }
    }
}
