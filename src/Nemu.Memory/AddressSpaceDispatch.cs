// The lookup structure of a FlatView (QEMU's AddressSpaceDispatch, pci.md §1.4): instead of QEMU's radix
// tree, a sorted array that covers [0, 2^64) completely (gaps are unassigned entries), found by a last-hit
// check and then a binary search. Lookups allocate nothing. The last-hit index is shared by every reader;
// a stale index is harmless because every hit is verified against the entry's range.
namespace Nemu.Memory;

/// <summary>Finds the dispatch entry for a guest physical address.</summary>
internal sealed class AddressSpaceDispatch
{
    private readonly DispatchEntry[] _entries;
    private readonly ulong[] _starts;
    private int _lastHit;

    public AddressSpaceDispatch(FlatRange[] ranges)
    {
        var entries = new List<DispatchEntry>(ranges.Length * 2 + 1);
        ulong next = 0;
        var full = false;
        foreach (var r in ranges)
        {
            if (r.Start > next)
            {
                entries.Add(new DispatchEntry(next, r.Start - next - 1, null, 0, null, null, false));
            }

            entries.Add(FromRange(r));
            full = r.End > ulong.MaxValue;
            next = (ulong)r.End;
        }

        if (!full)
        {
            entries.Add(new DispatchEntry(next, ulong.MaxValue - next, null, 0, null, null, false));
        }

        _entries = [.. entries];
        _starts = new ulong[_entries.Length];
        for (var i = 0; i < _entries.Length; i++)
        {
            _starts[i] = _entries[i].Start;
        }
    }

    public int Count => _entries.Length;

    /// <summary>The entry containing <paramref name="addr"/>; never fails because the table covers 2^64 bytes.</summary>
    public ref readonly DispatchEntry Lookup(ulong addr)
    {
        var entries = _entries;
        var i = _lastHit;
        if ((uint)i < (uint)entries.Length)
        {
            ref readonly var e = ref entries[i];
            if (addr - e.Start <= e.LastOffset)
            {
                return ref e;
            }
        }

        i = Search(addr);
        _lastHit = i;
        return ref entries[i];
    }

    // The last entry whose start is <= addr.
    private int Search(ulong addr)
    {
        var starts = _starts;
        int lo = 0, hi = starts.Length - 1;
        while (lo < hi)
        {
            var mid = (lo + hi + 1) >>> 1;
            if (starts[mid] <= addr)
            {
                lo = mid;
            }
            else
            {
                hi = mid - 1;
            }
        }

        return lo;
    }

    private static DispatchEntry FromRange(in FlatRange r)
    {
        var last = (ulong)(r.Size - 1);
        var mr = r.Region;
        var block = mr.RamBlock;

        // The RAM fast path is only taken when the whole piece lies inside the host mapping.
        var inBlock = block is not null && r.OffsetInRegion <= block.Size && block.Size - r.OffsetInRegion > last;
        var readable = inBlock && (mr.IsRam || (mr.IsRomDevice && r.RomdMode));
        var writable = inBlock && mr.IsRam && !mr.ReadOnly && !r.ReadOnly;
        var discard = mr.IsRam && (mr.ReadOnly || r.ReadOnly);
        return new DispatchEntry(r.Start, last, mr, r.OffsetInRegion, readable ? block : null, writable ? block : null, discard);
    }
}
