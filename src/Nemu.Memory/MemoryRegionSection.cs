// QEMU's MemoryRegionSection as passed to listeners (pci.md §1.7).
namespace Nemu.Memory;

/// <summary>What a listener sees: a piece of <paramref name="Region"/> mapped into an address space.</summary>
public readonly record struct MemoryRegionSection(
    MemoryRegion Region,
    ulong OffsetWithinRegion,
    UInt128 Size,
    ulong OffsetWithinAddressSpace,
    bool ReadOnly,
    bool Nonvolatile,
    bool Unmergeable);
