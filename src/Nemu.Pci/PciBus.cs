// Implements: QEMU's PCIBus (hw/pci/pci.c; pci.md §2.5-§2.7): 256 device/function slots with devfn
// allocation and do_pci_register_device's errors, the memory and I/O roots BARs map into, the DMA root of
// bus-master address spaces, bus numbering (root number, or the parent bridge's Secondary Bus register),
// pci_find_bus_nr through bridges, map_irq (the standard swizzle (slot + pin) % 4 by default) and, on a root
// bus, the per-line counts that drive the host's outputs (pci_bus_change_irq_level: wire-OR sharing).
// Not modelled: devfn reservations, PXB extra root buses, hotplug handlers.
using Nemu.Memory;
using Nemu.Qdev;

namespace Nemu.Pci;

/// <summary>A PCI bus: the root bus of a host bridge or the secondary bus of a PCI-PCI bridge.</summary>
public sealed class PciBus
{
    private readonly PciDevice?[] _devices = new PciDevice?[256];
    private readonly List<PciBus> _children = [];
    private readonly int[] _irqCount;
    private int _rootNumber;

    public PciBus(Qdev.Bus qdevBus, MemoryRegion memoryRoot, MemoryRegion ioRoot, PciDevice? parentBridge)
    {
        ArgumentNullException.ThrowIfNull(qdevBus);
        QdevBus = qdevBus;
        MemoryRoot = memoryRoot;
        IoRoot = ioRoot;
        ParentBridge = parentBridge;
        _irqCount = new int[PciDevice.PinCount];
        qdevBus.Model = this;
        if (qdevBus.TypeName == PciDevice.ExpressBusTypeName)
        {
            qdevBus.BaseTypeName = PciDevice.BusTypeName;
        }

        if (parentBridge?.Bus is { } parent)
        {
            Parent = parent;
            MemorySystem = parent.MemorySystem;
            DmaRoot = parent.DmaRoot;
            AllowZeroAddress = parent.AllowZeroAddress;
            parent._children.Add(this);
        }
    }

    /// <summary>The qdev bus devices plug into (<c>pcie.0</c>, or the bridge's secondary bus).</summary>
    public Qdev.Bus QdevBus { get; }

    /// <summary>Memory BARs of devices on this bus map here.</summary>
    public MemoryRegion MemoryRoot { get; }

    /// <summary>I/O BARs of devices on this bus map here.</summary>
    public MemoryRegion IoRoot { get; }

    /// <summary>The bridge whose secondary bus this is; null for a root bus.</summary>
    public PciDevice? ParentBridge { get; }

    /// <summary>The bus the parent bridge sits on; null for a root bus.</summary>
    public PciBus? Parent { get; }

    /// <summary>Secondary buses of bridges on this bus.</summary>
    public IReadOnlyList<PciBus> Children => _children;

    /// <summary>True for a host bridge's root bus.</summary>
    public bool IsRoot => ParentBridge is null;

    /// <summary>A PCI Express bus (qdev type <c>PCIE</c>).</summary>
    public bool IsExpress => QdevBus.TypeName == PciDevice.ExpressBusTypeName;

    /// <summary>pci_bus_allows_extended_config_space: every bus from here to the root is PCI Express.</summary>
    public bool AllowsExtendedConfigSpace => IsExpress && (Parent?.AllowsExtendedConfigSpace ?? true);

    /// <summary>Functions by devfn.</summary>
    public IReadOnlyList<PciDevice?> Devices => _devices;

    /// <summary>The machine's MSI set-up observer (seed 004's allocator); only meaningful on a root bus.</summary>
    public IPciInterruptObserver? InterruptObserver { get; set; }

    /// <summary>The memory system bus-master address spaces are created in (set by the host on a root bus).</summary>
    public MemorySystem? MemorySystem { get; init; }

    /// <summary>What bus-master address spaces alias (pci_device_iommu_address_space's root: system memory).</summary>
    public MemoryRegion? DmaRoot { get; init; }

    /// <summary>The machine's pci_allow_0_address: a BAR at address 0 is mapped.</summary>
    public bool AllowZeroAddress { get; init; }

    /// <summary>Drives the host's INTx output <c>line</c> (a root bus's set_irq); null on secondary buses.</summary>
    public Action<int, bool>? SetIrqHandler { get; set; }

    /// <summary>Maps (device, pin) to the pin/line on this bus's parent (map_irq); default is the standard swizzle.</summary>
    public Func<PciDevice, int, int> MapIrqHandler { get; set; } = Swizzle;

    /// <summary>The bus number software gave this bus (root: set by the host; secondary: the bridge's Secondary Bus register).</summary>
    public int Number
    {
        get => ParentBridge is { } bridge ? bridge.Config[PciConfig.SecondaryBus] : _rootNumber;
        set => _rootNumber = value;
    }

    /// <summary>How many functions assert each line of a root bus.</summary>
    public int IrqCount(int line) => _irqCount[line];

    /// <summary>pci_swizzle_map_irq_fn: (slot + pin) % 4.</summary>
    public static int Swizzle(PciDevice device, int pin)
    {
        ArgumentNullException.ThrowIfNull(device);
        return (device.Slot + pin) % PciDevice.PinCount;
    }

    /// <summary>The function at <paramref name="devfn"/> on bus <paramref name="busNumber"/> below this bus (pci_find_device).</summary>
    public PciDevice? FindDevice(int busNumber, int devfn) =>
        devfn is >= 0 and < 256 ? FindBus(busNumber)?._devices[devfn] : null;

    /// <summary>pci_find_bus_nr: this bus or a bus below it numbered <paramref name="busNumber"/>, through programmed bridges.</summary>
    public PciBus? FindBus(int busNumber)
    {
        if (Number == busNumber)
        {
            return this;
        }

        if (!IsRoot && !SecondaryInRange(ParentBridge!, busNumber))
        {
            return null;
        }

        for (var bus = this; bus is not null;)
        {
            PciBus? next = null;
            foreach (var child in bus._children)
            {
                if (child.Number == busNumber)
                {
                    return child;
                }

                if (SecondaryInRange(child.ParentBridge!, busNumber))
                {
                    next = child;
                    break;
                }
            }

            bus = next;
        }

        return null;
    }

    /// <summary>Every bus from this one down, depth first in bridge order (what <c>info pci</c> walks).</summary>
    public IEnumerable<PciBus> AllBuses()
    {
        yield return this;
        foreach (var child in _children)
        {
            foreach (var bus in child.AllBuses())
            {
                yield return bus;
            }
        }
    }

    internal int MapIrq(PciDevice device, int pin) => MapIrqHandler(device, pin);

    // pci_bus_change_irq_level.
    internal void ChangeIrqLevel(int line, int change)
    {
        if (line is < 0 or >= PciDevice.PinCount)
        {
            return;
        }

        _irqCount[line] += change;
        SetIrqHandler?.Invoke(line, _irqCount[line] != 0);
    }

    // do_pci_register_device's slot choice and errors.
    internal int AllocateDevfn(PciDevice device, int devfn, string name)
    {
        if (devfn < 0)
        {
            for (devfn = 0; devfn < _devices.Length; devfn += 8)
            {
                if (_devices[devfn] is null)
                {
                    return devfn;
                }
            }

            throw new QdevException($"PCI: no slot/function available for {name}, all in use or reserved");
        }

        if (_devices[devfn] is { } other)
        {
            throw new QdevException(
                $"PCI: slot {devfn >> 3} function {devfn & 7} not available for {name}, in use by {other.Type.Name},id={other.Id ?? "(null)"}");
        }

        return devfn;
    }

    internal void Plug(PciDevice device)
    {
        _devices[device.Devfn] = device;
        (ParentBridge as PciBridge)?.OnSecondaryDevicePlugged(device);
    }

    /// <summary>Restores the per-line counts of a root bus after a state load and drives the lines (vmstate "PCIBUS").</summary>
    public void RestoreIrqCounts(ReadOnlySpan<uint> counts)
    {
        for (var line = 0; line < _irqCount.Length && line < counts.Length; line++)
        {
            _irqCount[line] = (int)counts[line];
            SetIrqHandler?.Invoke(line, _irqCount[line] != 0);
        }
    }

    internal void Unplug(PciDevice device)
    {
        if (device.Devfn is >= 0 and < 256 && _devices[device.Devfn] == device)
        {
            _devices[device.Devfn] = null;
        }
    }

    internal void RemoveChild(PciBus child) => _children.Remove(child);

    // pci_secondary_bus_in_range.
    private static bool SecondaryInRange(PciDevice bridge, int busNumber) =>
        (bridge.GetWord(PciConfig.BridgeControl) & PciConfig.BridgeControlSecondaryBusReset) == 0 &&
        bridge.Config[PciConfig.SecondaryBus] <= busNumber && busNumber <= bridge.Config[PciConfig.SubordinateBus];
}
