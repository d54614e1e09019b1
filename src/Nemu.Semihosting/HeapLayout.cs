// Implements: management.md §7.2 "Heap info" — QEMU's common_semi_find_bases and loader.c
// rom_find_largest_gap_between: take the largest writable RAM flat range (first one wins a tie; none found →
// all zero), then the largest gap in it not covered by a ROM blob. Blobs are turned into start (+1) / end (-1)
// events plus a start sentinel at the RAM end, sorted by address with ends before starts at the same address;
// a gap closes when the count goes 0→1 and opens when it goes 1→0. Arithmetic wraps as QEMU's size_t does, so a
// blob starting below the RAM base yields QEMU's odd answer (heap limit = that blob's start) too.
namespace Nemu.Semihosting;

/// <summary>SYS_HEAPINFO's numbers: heap base/limit from RAM and ROM blobs; stack base = heap limit, stack limit = heap base.</summary>
public readonly record struct HeapLayout(ulong HeapBase, ulong HeapLimit)
{
    public ulong StackBase => HeapLimit;

    public ulong StackLimit => HeapBase;

    /// <summary>Computes the layout from the board's RAM ranges and ROM blobs.</summary>
    public static HeapLayout Compute(IReadOnlyList<GuestRange> writableRam, IReadOnlyList<GuestRange> romBlobs)
    {
        ArgumentNullException.ThrowIfNull(writableRam);
        ArgumentNullException.ThrowIfNull(romBlobs);
        ulong ramBase = 0, ramSize = 0;
        foreach (var range in writableRam)
        {
            if (range.Size > ramSize)
            {
                ramBase = range.Start;
                ramSize = range.Size;
            }
        }

        if (ramBase == 0 && ramSize == 0)
        {
            return default;
        }

        var (gapBase, gapSize) = LargestGap(ramBase, ramSize, romBlobs);
        return new HeapLayout(gapBase, gapBase + gapSize);
    }

    private static (ulong Base, ulong Size) LargestGap(ulong ramBase, ulong ramSize, IReadOnlyList<GuestRange> blobs)
    {
        var ramEnd = ramBase + ramSize;
        var events = new List<(ulong Address, int Delta)>(blobs.Count * 2 + 1);
        foreach (var blob in blobs)
        {
            if (blob.End <= ramBase || blob.Start >= ramEnd)
            {
                continue;
            }

            events.Add((blob.Start, 1));
            if (blob.End < ramEnd)
            {
                events.Add((blob.End, -1));
            }
        }

        events.Add((ramEnd, 1));
        events.Sort((a, b) => a.Address != b.Address ? a.Address.CompareTo(b.Address) : a.Delta.CompareTo(b.Delta));

        ulong bestBase = 0, bestSize = 0, gapStart = ramBase;
        var count = 0;
        foreach (var (address, delta) in events)
        {
            if (count == 0 && delta == 1)
            {
                var gap = address - gapStart;
                if (gap > bestSize)
                {
                    bestBase = gapStart;
                    bestSize = gap;
                }
            }
            else if (count == 1 && delta == -1)
            {
                gapStart = address;
            }

            count += delta;
        }

        return (bestBase, bestSize);
    }
}
