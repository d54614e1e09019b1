// Implements: the per-function MSI-X bookkeeping QEMU keeps in PCIDevice (msix_table, msix_pba,
// msix_entry_used, notifiers) (pci.md §4). SEAM: piece X owns this file and may add members.
namespace Nemu.Pci;

/// <summary>A function's MSI-X table, PBA and vector bookkeeping.</summary>
public sealed class MsixState
{
    /// <summary>Offset of the capability in config space.</summary>
    public int CapOffset { get; init; }

    /// <summary>Number of table entries (1-2048).</summary>
    public int Vectors { get; init; }
}
