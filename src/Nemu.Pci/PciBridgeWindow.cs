// Implements: the three forwarding windows of a type 1 header (PCI-to-PCI Bridge 1.2 §3.2.5; pci.md §2.7).
namespace Nemu.Pci;

/// <summary>Which bridge window: I/O, non-prefetchable memory or prefetchable memory.</summary>
public enum PciBridgeWindow
{
    Io,
    Memory,
    Prefetchable,
}
