// Implements: a registered BAR (QEMU PCIIORegion, pci.md §2.3): its size, type, region and current mapping.
namespace Nemu.Pci;

/// <summary>One base address register (or the expansion ROM, index 6) and where it is mapped.</summary>
public sealed class PciBar
{
    /// <summary>The address of an unmapped BAR (QEMU's PCI_BAR_UNMAPPED, printed as 0xffffffffffffffff).</summary>
    public const ulong Unmapped = ulong.MaxValue;

    public PciBar(int index, PciBarType type, Memory.MemoryRegion region)
    {
        Index = index;
        Type = type;
        Region = region;
        Size = (ulong)region.Size;
    }

    /// <summary>0-5 for BARs, 6 for the expansion ROM.</summary>
    public int Index { get; }

    public PciBarType Type { get; }

    /// <summary>A power of two, at least 16 bytes for memory and 4 for I/O.</summary>
    public ulong Size { get; }

    public Memory.MemoryRegion Region { get; }

    /// <summary>The bus address the BAR is mapped at, or <see cref="Unmapped"/>.</summary>
    public ulong Address { get; set; } = Unmapped;

    public bool IsIo => (Type & PciBarType.Io) != 0;

    public bool Is64Bit => (Type & PciBarType.Memory64) != 0;

    public bool IsPrefetchable => (Type & PciBarType.Prefetch) != 0;
}
