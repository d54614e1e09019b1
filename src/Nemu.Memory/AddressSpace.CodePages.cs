// Self-modifying-code support (see Backends/CodePageTracker): lets a CPU find the RAM block behind an
// instruction fetch address so it can mark the page it caches decoded code for.
using Nemu.Core;
using Nemu.Memory.Backends;

namespace Nemu.Memory;

/// <summary>RAM lookup for code caches.</summary>
public sealed partial class AddressSpace
{
    /// <summary>
    /// The RAM/ROM block that a read of <paramref name="addr"/> copies from directly, with the offset inside it;
    /// false for I/O, ROM devices in I/O mode, unassigned addresses and IOMMU regions (whose translation depends on
    /// attributes: use the overload with <see cref="MemTxAttrs"/>).
    /// </summary>
    public bool TryGetRamBlock(GuestAddress addr, out RamBlock? block, out ulong offset)
    {
        var a = addr.Value;
        ref readonly var e = ref _dispatch.Lookup(a);
        block = e.DirectRead;
        offset = block is null ? 0 : e.OffsetInRegion + (a - e.Start);
        return block is not null;
    }
}
