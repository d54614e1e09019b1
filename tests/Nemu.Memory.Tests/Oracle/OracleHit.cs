// The reference model's answer for one address (pci.md §1.3 FlatRange attributes that matter for dispatch).
namespace Nemu.Memory.Tests.Oracle;

/// <summary>The leaf region serving an address, the offset in it, and the flags inherited on the way down.</summary>
internal readonly record struct OracleHit(MemoryRegion Region, ulong Offset, bool ReadOnly, bool Nonvolatile, bool Unmergeable);
