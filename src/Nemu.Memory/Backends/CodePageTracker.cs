// Self-modifying-code support for CPU models that cache decoded instructions (QEMU: the DIRTY_MEMORY_CODE bitmap
// and tb_invalidate_phys_range on writes to pages holding translated code). One bit per 1 KiB page (the
// M-profile TARGET_PAGE_SIZE) of a RAM block; a write that hits a marked page clears its bit and tells the
// subscribers once, so RAM writes to pages without code cost one field test and nothing else.
// Not covered: writes through RamBlock.AsSpan (host-side pokes), which callers must not use on live code.
using System.Runtime.CompilerServices;

namespace Nemu.Memory.Backends;

/// <summary>Marks the pages of a RAM block that hold cached code and reports writes to them.</summary>
public sealed class CodePageTracker
{
    /// <summary>log2 of the tracked page size (1 KiB).</summary>
    public const int PageShift = 10;

    private readonly ulong[] _bits;
    private int _markedCount;

    internal CodePageTracker(ulong blockSize)
    {
        var pages = (blockSize + (1UL << PageShift) - 1) >> PageShift;
        _bits = new ulong[(pages + 63) / 64];
    }

    /// <summary>Raised with the block offset of a marked page (page-aligned) when a write hits it; the mark is cleared first.</summary>
    public event Action<ulong>? PageWritten;

    /// <summary>Marks the page containing <paramref name="offset"/> as holding cached code.</summary>
    public void Mark(ulong offset)
    {
        var page = offset >> PageShift;
        ref var word = ref _bits[page >> 6];
        var bit = 1UL << (int)(page & 63);
        if ((word & bit) == 0)
        {
            word |= bit;
            _markedCount++;
        }
    }

    public bool IsMarked(ulong offset)
    {
        var page = offset >> PageShift;
        return page >> 6 < (ulong)_bits.Length && (_bits[page >> 6] & (1UL << (int)(page & 63))) != 0;
    }

    /// <summary>Called by the RAM write paths for every write of <paramref name="length"/> bytes at <paramref name="offset"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal void OnWrite(ulong offset, ulong length)
    {
        if (_markedCount != 0)
        {
            OnWriteSlow(offset, length);
        }
    }

    private void OnWriteSlow(ulong offset, ulong length)
    {
        if (length == 0)
        {
            return;
        }

        var last = (offset + length - 1) >> PageShift;
        for (var page = offset >> PageShift; page <= last && page >> 6 < (ulong)_bits.Length; page++)
        {
            ref var word = ref _bits[page >> 6];
            var bit = 1UL << (int)(page & 63);
            if ((word & bit) != 0)
            {
                word &= ~bit;
                _markedCount--;
                PageWritten?.Invoke(page << PageShift);
            }
        }
    }
}
