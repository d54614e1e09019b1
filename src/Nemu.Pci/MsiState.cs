// Implements: the per-function MSI bookkeeping QEMU keeps in PCIDevice (msi_cap, cap_present) (pci.md §3).
// SEAM: piece X owns this file and may add members.
namespace Nemu.Pci;

/// <summary>Where a function's MSI capability is and what it supports.</summary>
public sealed class MsiState
{
    /// <summary>Offset of the capability in config space.</summary>
    public int CapOffset { get; init; }
}
