// Implements: the two message-signalled interrupt mechanisms of PCI 3.0 §6.8 (pci.md §3, §4).
namespace Nemu.Pci;

/// <summary>Which message-signalled interrupt capability a function uses.</summary>
public enum MsiKind
{
    Msi,
    Msix,
}
