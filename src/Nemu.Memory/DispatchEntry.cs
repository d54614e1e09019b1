// One row of the dispatch table (QEMU's MemoryRegionSection in the AddressSpaceDispatch radix tree).
using Nemu.Memory.Backends;

namespace Nemu.Memory;

/// <summary>
/// A contiguous piece of the address space: [Start, Start+LastOffset] maps to <see cref="Region"/> at
/// <see cref="OffsetInRegion"/>. <see cref="Region"/> is null for unassigned gaps. The RAM fields are
/// non-null only when the whole piece lies inside the block, so a bounds check against the piece is enough.
/// </summary>
internal readonly struct DispatchEntry
{
    public DispatchEntry(ulong start, ulong lastOffset, MemoryRegion? region, ulong offsetInRegion, RamBlock? directRead, RamBlock? directWrite, bool discardCpuWrites)
    {
        Start = start;
        LastOffset = lastOffset;
        Region = region;
        OffsetInRegion = offsetInRegion;
        DirectRead = directRead;
        DirectWrite = directWrite;
        DiscardCpuWrites = discardCpuWrites;
    }

    public ulong Start { get; }

    /// <summary>Size minus one, so a 2^64-byte piece fits in 64 bits.</summary>
    public ulong LastOffset { get; }

    public MemoryRegion? Region { get; }

    public ulong OffsetInRegion { get; }

    /// <summary>RAM/ROM, or a ROM device in romd mode: reads copy from here.</summary>
    public RamBlock? DirectRead { get; }

    /// <summary>Writable RAM (not read-only in region or range): writes copy to here.</summary>
    public RamBlock? DirectWrite { get; }

    /// <summary>Read-only RAM: CPU stores are silently dropped (TCG's TLB_DISCARD_WRITE).</summary>
    public bool DiscardCpuWrites { get; }
}
