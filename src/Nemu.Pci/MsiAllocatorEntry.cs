// Implements: one saved allocation of the "msi-allocator" state (see MsiAllocatorState).
namespace Nemu.Pci;

/// <summary>A saved <see cref="MsiAllocation"/>: kind 0 = MSI, 1 = MSI-X.</summary>
public sealed class MsiAllocatorEntry
{
    public ushort Bdf;
    public byte Kind;
    public uint First;
    public uint Count;
}
