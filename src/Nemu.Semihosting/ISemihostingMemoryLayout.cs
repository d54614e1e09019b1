// Implements: management.md §7.2 "Heap info" inputs — QEMU's common_semi_find_bases walks the FlatView of the
// CPU's address space (flatview_for_each_range) and the loader's ROM list (rom_find_largest_gap_between).
namespace Nemu.Semihosting;

/// <summary>
/// The board's memory layout as SYS_HEAPINFO needs it. The machine implements this over its memory system and
/// ROM blob set; it is asked at each SYS_HEAPINFO call (so it sees the current mapping).
/// </summary>
public interface ISemihostingMemoryLayout
{
    /// <summary>
    /// The rendered (flat) ranges of the CPU's address space that are RAM and not read-only, in address order
    /// (one entry per FlatRange: an alias of a RAM region counts as its own range).
    /// </summary>
    IReadOnlyList<GuestRange> GetWritableRamRanges();

    /// <summary>
    /// The ROM blobs loaded at fixed addresses (the -kernel ELF segments with their memory size, raw images,
    /// -device loader data), excluding blobs bound to a memory region or to fw_cfg, in registration order.
    /// </summary>
    IReadOnlyList<GuestRange> GetRomBlobs();
}
