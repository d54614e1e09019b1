// Implements: QEMU's PCIBus (hw/pci/pci.c; pci.md §2.5-§2.7): 256 device/function slots, the memory and
// I/O roots BARs map into, INTx routing to the parent (swizzle or host map_irq), bus numbering.
// SEAM: piece P completes it.
using Nemu.Memory;

namespace Nemu.Pci;

/// <summary>A PCI bus: the root bus of a host bridge or the secondary bus of a PCI-PCI bridge.</summary>
public sealed class PciBus
{
    private readonly PciDevice?[] _devices = new PciDevice?[256];

    public PciBus(Qdev.Bus qdevBus, MemoryRegion memoryRoot, MemoryRegion ioRoot, PciDevice? parentBridge)
    {
        QdevBus = qdevBus;
        MemoryRoot = memoryRoot;
        IoRoot = ioRoot;
        ParentBridge = parentBridge;
    }

    /// <summary>The qdev bus devices plug into (<c>pcie.0</c>, or the bridge's secondary bus).</summary>
    public Qdev.Bus QdevBus { get; }

    /// <summary>Memory BARs of devices on this bus map here.</summary>
    public MemoryRegion MemoryRoot { get; }

    /// <summary>I/O BARs of devices on this bus map here.</summary>
    public MemoryRegion IoRoot { get; }

    /// <summary>The bridge whose secondary bus this is; null for a root bus.</summary>
    public PciDevice? ParentBridge { get; }

    /// <summary>True for a host bridge's root bus.</summary>
    public bool IsRoot => ParentBridge is null;

    /// <summary>Functions by devfn.</summary>
    public IReadOnlyList<PciDevice?> Devices => _devices;

    /// <summary>The machine's MSI set-up observer (seed 004's allocator); only meaningful on a root bus.</summary>
    public IPciInterruptObserver? InterruptObserver { get; set; }

    /// <summary>The bus number software gave this bus (0 for the root; a bridge's secondary bus number).</summary>
    public int Number { get; set; }
}
