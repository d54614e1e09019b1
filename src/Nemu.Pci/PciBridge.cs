// Implements: QEMU's PCIBridge (hw/pci/pci_bridge.c; pci.md §2.2, §2.7): a type 1 header with the bridge
// masks (pci_init_mask_bridge), the secondary bus (named after the bridge id, else "<type>.N"), the windows
// (pci_bridge_region_init/update_mappings: aliases "pci_bridge_pref_mem", "pci_bridge_mem", "pci_bridge_io"
// of the secondary containers "pci_bridge_pci" (2^64) and "pci_bridge_io" (4 GiB) mapped into the parent bus
// with priority 1, size 0 unless the Command enable is on and limit >= base; the VGA aliases follow Bridge
// Control VGA), rebuilt in one transaction on writes touching Command, I/O base/limit, 0x20-0x33 or Bridge
// Control; Secondary Bus Reset 0->1 resets every device below; pci_bridge_reset.
// Not modelled: ISA-enable alias holes, bridge hotplug, subordinate-bus reservation hints (bus-reserve etc.).
using Nemu.Memory;

namespace Nemu.Pci;

/// <summary>A PCI-PCI bridge function (type 1 header) and its secondary bus.</summary>
public abstract class PciBridge : PciDevice
{
    private readonly string _secondaryBusType;
    private MemoryRegion? _secondaryMemory;
    private MemoryRegion? _secondaryIo;
    private MemoryRegion[] _windows = [];

    protected PciBridge(bool isExpress, string secondaryBusType)
        : base(isExpress, isBridge: true)
    {
        _secondaryBusType = secondaryBusType;
        InitBridgeMasks();
        // pci_bridge_initfn: 66 MHz and fast back-to-back on both sides.
        SetWord(PciConfig.Status, (ushort)(GetWord(PciConfig.Status) | PciConfig.Status66Mhz | PciConfig.StatusFastBackToBack));
        SetWord(PciConfig.SecStatus, PciConfig.Status66Mhz | PciConfig.StatusFastBackToBack);
    }

    /// <summary>The bus behind the bridge (null until realized).</summary>
    public PciBus? SecondaryBus { get; private set; }

    /// <summary>The window aliases currently mapped into the parent bus (pref, mem, io, vga io lo/hi, vga mem).</summary>
    public IReadOnlyList<MemoryRegion> Windows => _windows;

    /// <summary>pci_bridge_get_base for memory (false) or prefetchable memory (true) or I/O.</summary>
    public ulong WindowBase(PciBridgeWindow window) => window switch
    {
        PciBridgeWindow.Io => IoBase(PciConfig.IoBase, PciConfig.IoBaseUpper16),
        PciBridgeWindow.Prefetchable => PrefBase(PciConfig.PrefMemoryBase, PciConfig.PrefBaseUpper32),
        _ => (ulong)(GetWord(PciConfig.MemoryBase) & PciConfig.MemoryRangeMask) << 16,
    };

    /// <summary>pci_bridge_get_limit (inclusive).</summary>
    public ulong WindowLimit(PciBridgeWindow window) => window switch
    {
        PciBridgeWindow.Io => IoBase(PciConfig.IoLimit, PciConfig.IoLimitUpper16) | 0xfff,
        PciBridgeWindow.Prefetchable => PrefBase(PciConfig.PrefMemoryLimit, PciConfig.PrefLimitUpper32) | 0xfffff,
        _ => ((ulong)(GetWord(PciConfig.MemoryLimit) & PciConfig.MemoryRangeMask) << 16) | 0xfffff,
    };

    /// <summary>pci_bridge_write_config.</summary>
    public override void ConfigWrite(int address, uint value, int length)
    {
        var oldControl = GetWord(PciConfig.BridgeControl);
        base.ConfigWrite(address, value, length);
        if (Overlaps(address, length, PciConfig.Command, 2) || Overlaps(address, length, PciConfig.IoBase, 2) ||
            Overlaps(address, length, PciConfig.MemoryBase, 20) || Overlaps(address, length, PciConfig.BridgeControl, 2))
        {
            UpdateWindows();
        }

        var newControl = GetWord(PciConfig.BridgeControl);
        if ((~oldControl & newControl & PciConfig.BridgeControlSecondaryBusReset) != 0 && SecondaryBus is { } bus)
        {
            ResetBus(bus);
        }
    }

    protected override void OnRealize()
    {
        base.OnRealize();
        if (Bus is not { } parent)
        {
            return;
        }

        _secondaryMemory = MemoryRegion.CreateContainer("pci_bridge_pci", ulong.MaxValue, this);
        _secondaryIo = MemoryRegion.CreateContainer("pci_bridge_io", 0x1_0000_0000UL, this);
        var name = Id ?? AutomaticBusName(parent);
        var qdevBus = CreateChildBus(name, _secondaryBusType);
        SecondaryBus = new PciBus(qdevBus, _secondaryMemory, _secondaryIo, this);
        UpdateWindows();
    }

    protected override void OnUnrealize()
    {
        if (Bus is { } parent)
        {
            using (parent.MemorySystem?.Transaction() ?? default)
            {
                RemoveWindows(parent);
            }

            if (SecondaryBus is { } secondary)
            {
                parent.RemoveChild(secondary);
            }
        }

        base.OnUnrealize();
    }

    /// <summary>pci_bridge_reset after the generic function reset.</summary>
    protected override void OnReset()
    {
        base.OnReset();
        Config[PciConfig.PrimaryBus] = 0;
        Config[PciConfig.SecondaryBus] = 0;
        Config[PciConfig.SubordinateBus] = 0;
        Config[PciConfig.SecLatencyTimer] = 0;
        Config[PciConfig.IoBase] &= unchecked((byte)~PciConfig.IoRangeMask);
        Config[PciConfig.IoLimit] &= unchecked((byte)~PciConfig.IoRangeMask);
        SetWord(PciConfig.MemoryBase, (ushort)(GetWord(PciConfig.MemoryBase) & ~PciConfig.MemoryRangeMask));
        SetWord(PciConfig.MemoryLimit, (ushort)(GetWord(PciConfig.MemoryLimit) & ~PciConfig.MemoryRangeMask));
        SetWord(PciConfig.PrefMemoryBase, (ushort)(GetWord(PciConfig.PrefMemoryBase) & ~PciConfig.PrefRangeMask));
        SetWord(PciConfig.PrefMemoryLimit, (ushort)(GetWord(PciConfig.PrefMemoryLimit) & ~PciConfig.PrefRangeMask));
        SetLong(PciConfig.PrefBaseUpper32, 0);
        SetLong(PciConfig.PrefLimitUpper32, 0);
        SetWord(PciConfig.BridgeControl, 0);
        OnBridgeReset();

        // QEMU's pci_bridge_reset does not rebuild the windows, so closed windows stay where realize put them (a
        // root port's reset moves base above limit but its zero-sized aliases stay at 0, seen in info mtree). Nemu
        // rebuilds them only when one was open, so that a reset never leaves a window forwarding (QEMU keeps the
        // stale aliases until the next config write).
        if (Array.Exists(_windows, w => w.Enabled && w.Size != 0))
        {
            UpdateWindows();
        }
    }

    /// <summary>Bridge-type reset after pci_bridge_reset (e.g. pci_bridge_disable_base_limit), before the windows are rebuilt.</summary>
    protected virtual void OnBridgeReset()
    {
    }

    /// <summary>A function was plugged into the secondary bus (a PCIe port sets Presence Detect here).</summary>
    protected internal virtual void OnSecondaryDevicePlugged(PciDevice device)
    {
    }

    protected override void OnConfigLoaded() => UpdateWindows();

    /// <summary>pci_bridge_disable_base_limit: base above limit in every window.</summary>
    protected void DisableBaseLimit()
    {
        Config[PciConfig.IoBase] |= PciConfig.IoRangeMask;
        Config[PciConfig.IoLimit] &= unchecked((byte)~PciConfig.IoRangeMask);
        SetWord(PciConfig.MemoryBase, (ushort)(GetWord(PciConfig.MemoryBase) | PciConfig.MemoryRangeMask));
        SetWord(PciConfig.MemoryLimit, (ushort)(GetWord(PciConfig.MemoryLimit) & ~PciConfig.MemoryRangeMask));
        SetWord(PciConfig.PrefMemoryBase, (ushort)(GetWord(PciConfig.PrefMemoryBase) | PciConfig.PrefRangeMask));
        SetWord(PciConfig.PrefMemoryLimit, (ushort)(GetWord(PciConfig.PrefMemoryLimit) & ~PciConfig.PrefRangeMask));
        SetLong(PciConfig.PrefBaseUpper32, 0);
        SetLong(PciConfig.PrefLimitUpper32, 0);
    }

    // bus_cold_reset of the secondary bus: every function below, depth first.
    private static void ResetBus(PciBus bus)
    {
        foreach (var device in bus.Devices)
        {
            device?.Reset();
        }

        foreach (var child in bus.Children)
        {
            ResetBus(child);
        }
    }

    private static string AutomaticBusName(PciBus parent)
    {
        var root = parent;
        while (root.Parent is not null)
        {
            root = root.Parent;
        }

        var count = 0;
        foreach (var _ in root.AllBuses())
        {
            count++;
        }

        return $"pci.{count}";
    }

    // pci_bridge_update_mappings: delete the old windows, create new ones, in one transaction.
    private void UpdateWindows()
    {
        if (Bus is not { } parent || _secondaryMemory is null || _secondaryIo is null)
        {
            return;
        }

        using var t = parent.MemorySystem?.Transaction() ?? default;
        RemoveWindows(parent);
        var command = GetWord(PciConfig.Command);
        var memoryOn = (command & PciConfig.CommandMemory) != 0;
        var ioOn = (command & PciConfig.CommandIo) != 0;
        var vga = (GetWord(PciConfig.BridgeControl) & PciConfig.BridgeControlVga) != 0;
        _windows =
        [
            AddWindow(parent.MemoryRoot, _secondaryMemory, "pci_bridge_pref_mem", PciBridgeWindow.Prefetchable, memoryOn),
            AddWindow(parent.MemoryRoot, _secondaryMemory, "pci_bridge_mem", PciBridgeWindow.Memory, memoryOn),
            AddWindow(parent.IoRoot, _secondaryIo, "pci_bridge_io", PciBridgeWindow.Io, ioOn),
            AddVgaAlias(parent.IoRoot, _secondaryIo, "pci_bridge_vga_io_lo", 0x3b0, 0xc, vga),
            AddVgaAlias(parent.IoRoot, _secondaryIo, "pci_bridge_vga_io_hi", 0x3c0, 0x20, vga),
            AddVgaAlias(parent.MemoryRoot, _secondaryMemory, "pci_bridge_vga_mem", 0xa0000, 0x20000, vga),
        ];
    }

    private MemoryRegion AddWindow(MemoryRegion parentSpace, MemoryRegion space, string name, PciBridgeWindow window, bool enabled)
    {
        var windowBase = WindowBase(window);
        var limit = WindowLimit(window);
        var size = enabled && limit >= windowBase ? (UInt128)(limit - windowBase) + 1 : 0;
        var alias = MemoryRegion.CreateAlias(name, space, windowBase, size, this);
        parentSpace.AddSubregionOverlap(windowBase, alias, 1);
        return alias;
    }

    private MemoryRegion AddVgaAlias(MemoryRegion parentSpace, MemoryRegion space, string name, ulong address, ulong size, bool enabled)
    {
        var alias = MemoryRegion.CreateAlias(name, space, address, size, this);
        alias.Enabled = enabled;
        parentSpace.AddSubregionOverlap(address, alias, 1);
        return alias;
    }

    private void RemoveWindows(PciBus parent)
    {
        foreach (var window in _windows)
        {
            window.Container?.RemoveSubregion(window);
        }

        _windows = [];
        _ = parent;
    }

    private ulong IoBase(int register, int upper16)
    {
        var value = (ulong)(Config[register] & PciConfig.IoRangeMask) << 8;
        if ((Config[register] & PciConfig.IoRangeType32) != 0)
        {
            value |= (ulong)GetWord(upper16) << 16;
        }

        return value;
    }

    private ulong PrefBase(int register, int upper32)
    {
        var word = GetWord(register);
        var value = (ulong)(word & PciConfig.PrefRangeMask) << 16;
        if ((word & PciConfig.PrefRangeType64) != 0)
        {
            value |= (ulong)GetLong(upper32) << 32;
        }

        return value;
    }

    // pci_init_mask_bridge.
    private void InitBridgeMasks()
    {
        Array.Fill(Wmask, (byte)0xff, PciConfig.PrimaryBus, 4);
        Wmask[PciConfig.IoBase] = PciConfig.IoRangeMask;
        Wmask[PciConfig.IoLimit] = PciConfig.IoRangeMask;
        SetWord(Wmask, PciConfig.MemoryBase, PciConfig.MemoryRangeMask);
        SetWord(Wmask, PciConfig.MemoryLimit, PciConfig.MemoryRangeMask);
        SetWord(Wmask, PciConfig.PrefMemoryBase, PciConfig.PrefRangeMask);
        SetWord(Wmask, PciConfig.PrefMemoryLimit, PciConfig.PrefRangeMask);
        Array.Fill(Wmask, (byte)0xff, PciConfig.PrefBaseUpper32, 8);
        SetWord(PciConfig.PrefMemoryBase, PciConfig.PrefRangeType64);
        SetWord(PciConfig.PrefMemoryLimit, PciConfig.PrefRangeType64);
        SetWord(Wmask, PciConfig.BridgeControl, PciConfig.BridgeControlParity | PciConfig.BridgeControlSerr |
            PciConfig.BridgeControlIsa | PciConfig.BridgeControlVga | PciConfig.BridgeControlVga16Bit |
            PciConfig.BridgeControlMasterAbort | PciConfig.BridgeControlSecondaryBusReset |
            PciConfig.BridgeControlFastBackToBack | PciConfig.BridgeControlDiscard | PciConfig.BridgeControlSecDiscard |
            PciConfig.BridgeControlDiscardSerr);
        SetWord(W1cmask, PciConfig.BridgeControl, PciConfig.BridgeControlDiscardStatus);
        Cmask[PciConfig.IoBase] |= PciConfig.IoRangeTypeMask;
        Cmask[PciConfig.IoLimit] |= PciConfig.IoRangeTypeMask;
        SetWord(Cmask, PciConfig.PrefMemoryBase, PciConfig.PrefRangeTypeMask);
        SetWord(Cmask, PciConfig.PrefMemoryLimit, PciConfig.PrefRangeTypeMask);
    }
}
