// Implements: HMP `info pci` of QEMU 7.2 (monitor/hmp-cmds.c hmp_info_pci / hmp_info_pci_device over
// hw/pci/pci.c qmp_query_pci: pci.md §2.9, with the 7.2 format of issue6-ref/pci-*.txt, which differs from the
// spec text): per function in devfn order "  Bus %2d, device %3d, function %d:", the class name or
// "Class %04d" (decimal), ": PCI device %04x:%04x"; "PCI subsystem" for type 0 headers only; "IRQ <line>, pin X"
// when the Interrupt Pin register is not 0; for bridges the bus numbers, I/O, memory and prefetchable windows
// (pci_bridge_get_base/limit); one line per registered BAR ending in '.', an unmapped BAR at
// 0xffffffffffffffff with a wrapped limit; `id "..."`; then the functions behind a bridge whose secondary bus
// number is not 0 and names a bus (pci_find_bus_nr). Root buses come from the qdev tree (buses whose model is a
// PciBus, roots being those without a parent bridge), in tree order.
// Not modelled: several host bridges' QLIST order (QEMU lists the newest host first; virt has one).
using System.Globalization;
using System.Text;
using Nemu.Qdev;

namespace Nemu.Pci.Info;

/// <summary>Builds the text of <c>info pci</c> from the PCI model.</summary>
public static class PciInfoPrinter
{
    /// <summary>The <c>info pci</c> text for every root PCI bus of <paramref name="tree"/> (empty without PCI).</summary>
    public static string Print(QdevTree tree) => Print(PciBuses(tree));

    /// <summary>The <c>info pci</c> text for the root buses among <paramref name="buses"/> (secondary buses are found there too).</summary>
    public static string Print(IReadOnlyList<PciBus> buses)
    {
        var output = new StringBuilder();
        foreach (var bus in buses)
        {
            if (bus.IsRoot)
            {
                PrintBus(output, buses, bus, bus.Number);
            }
        }

        return output.ToString();
    }

    /// <summary>Every PCI bus of <paramref name="tree"/> (qdev buses whose model is a <see cref="PciBus"/>), in tree order.</summary>
    public static IReadOnlyList<PciBus> PciBuses(QdevTree tree)
    {
        var buses = new List<PciBus>();
        foreach (var bus in tree.Buses())
        {
            if (bus.Model is PciBus pci)
            {
                buses.Add(pci);
            }
        }

        return buses;
    }

    private static void PrintBus(StringBuilder output, IReadOnlyList<PciBus> buses, PciBus bus, int busNumber)
    {
        var devices = bus.Devices;
        for (var devfn = 0; devfn < devices.Count; devfn++)
        {
            if (devices[devfn] is { } device)
            {
                PrintDevice(output, buses, bus, device, devfn, busNumber);
            }
        }
    }

    private static void PrintDevice(StringBuilder output, IReadOnlyList<PciBus> buses, PciBus bus, PciDevice device, int devfn, int busNumber)
    {
        var config = device.Config;
        var classCode = device.GetWord(PciConfig.ClassDevice);
        Line(output, $"  Bus {busNumber,2}, device {devfn >> 3,3}, function {devfn & 7}:");
        var name = PciClassNames.Find(classCode) ?? "Class " + classCode.ToString("D4", CultureInfo.InvariantCulture);
        Line(output, $"    {name}: PCI device {device.GetWord(PciConfig.VendorId):x4}:{device.GetWord(PciConfig.DeviceId):x4}");

        var headerType = config[PciConfig.HeaderType] & ~PciConfig.HeaderTypeMultiFunction;
        if (headerType == PciConfig.HeaderTypeNormal)
        {
            Line(output, $"      PCI subsystem {device.GetWord(PciConfig.SubsystemVendorId):x4}:{device.GetWord(PciConfig.SubsystemId):x4}");
        }

        var pin = config[PciConfig.InterruptPin];
        if (pin != 0)
        {
            Line(output, $"      IRQ {config[PciConfig.InterruptLine]}, pin {(char)('A' + pin - 1)}");
        }

        var isBridge = headerType == PciConfig.HeaderTypeBridge;
        if (isBridge)
        {
            PrintBridgeWindows(output, device);
        }

        foreach (var bar in device.Bars)
        {
            if (bar is null || bar.Size == 0)
            {
                continue;
            }

            var limit = unchecked(bar.Address + bar.Size - 1);
            if (bar.IsIo)
            {
                Line(output, $"      BAR{bar.Index}: I/O at 0x{bar.Address:x4} [0x{limit:x4}].");
            }
            else
            {
                var prefetch = bar.IsPrefetchable ? " prefetchable" : string.Empty;
                Line(output, $"      BAR{bar.Index}: {(bar.Is64Bit ? 64 : 32)} bit{prefetch} memory at 0x{bar.Address:x8} [0x{limit:x8}].");
            }
        }

        Line(output, $"      id \"{device.Id ?? string.Empty}\"");

        var secondary = config[PciConfig.SecondaryBus];
        if (isBridge && secondary != 0 && FindBus(buses, bus, secondary) is { } child)
        {
            PrintBus(output, buses, child, secondary);
        }
    }

    private static void PrintBridgeWindows(StringBuilder output, PciDevice bridge)
    {
        var config = bridge.Config;
        Line(output, $"      BUS {config[PciConfig.PrimaryBus]}.");
        Line(output, $"      secondary bus {config[PciConfig.SecondaryBus]}.");
        Line(output, $"      subordinate bus {config[PciConfig.SubordinateBus]}.");
        var ioBase = IoWindow(bridge, PciConfig.IoBase, PciConfig.IoBaseUpper16);
        var ioLimit = IoWindow(bridge, PciConfig.IoLimit, PciConfig.IoLimitUpper16) | 0xfff;
        Line(output, $"      IO range [0x{ioBase:x4}, 0x{ioLimit:x4}]");
        var memBase = (ulong)(bridge.GetWord(PciConfig.MemoryBase) & ~0xf) << 16;
        var memLimit = ((ulong)(bridge.GetWord(PciConfig.MemoryLimit) & ~0xf) << 16) | 0xfffff;
        Line(output, $"      memory range [0x{memBase:x8}, 0x{memLimit:x8}]");
        var prefBase = PrefetchWindow(bridge, PciConfig.PrefMemoryBase, PciConfig.PrefBaseUpper32);
        var prefLimit = PrefetchWindow(bridge, PciConfig.PrefMemoryLimit, PciConfig.PrefLimitUpper32) | 0xfffff;
        Line(output, $"      prefetchable memory range [0x{prefBase:x8}, 0x{prefLimit:x8}]");
    }

    /// <summary>pci_config_get_io_base: bits 7:4 are address bits 15:12; type 1 adds the upper 16 bits.</summary>
    private static ulong IoWindow(PciDevice bridge, int register, int upper16)
    {
        var value = bridge.Config[register];
        var window = (ulong)(value & ~0xf) << 8;
        if ((value & 0x1) != 0)
        {
            window |= (ulong)bridge.GetWord(upper16) << 16;
        }

        return window;
    }

    /// <summary>pci_config_get_pref_base: bits 15:4 are address bits 31:20; type 1 (64-bit) adds the upper dword.</summary>
    private static ulong PrefetchWindow(PciDevice bridge, int register, int upper32)
    {
        var value = bridge.GetWord(register);
        var window = (ulong)(value & ~0xf) << 16;
        if ((value & 0x1) != 0)
        {
            window |= (ulong)bridge.GetLong(upper32) << 32;
        }

        return window;
    }

    /// <summary>QEMU's pci_find_bus_nr from <paramref name="bus"/>: itself, or a bus below whose bridge's secondary number matches.</summary>
    private static PciBus? FindBus(IReadOnlyList<PciBus> buses, PciBus bus, int number)
    {
        if (BusNumber(bus) == number)
        {
            return bus;
        }

        if (bus.ParentBridge is { } parent && !SecondaryInRange(parent, number))
        {
            return null;
        }

        var current = bus;
        while (current is not null)
        {
            PciBus? next = null;
            foreach (var child in ChildBuses(buses, current))
            {
                var bridge = child.ParentBridge!;
                if (bridge.Config[PciConfig.SecondaryBus] == number)
                {
                    return child;
                }

                if (SecondaryInRange(bridge, number))
                {
                    next = child;
                    break;
                }
            }

            current = next;
        }

        return null;
    }

    private static int BusNumber(PciBus bus) => bus.ParentBridge is { } bridge ? bridge.Config[PciConfig.SecondaryBus] : bus.Number;

    /// <summary>pci_secondary_bus_in_range: not held in secondary bus reset, and secondary &lt; n ≤ subordinate.</summary>
    private static bool SecondaryInRange(PciDevice bridge, int number) =>
        (bridge.GetWord(PciConfig.BridgeControl) & PciConfig.BridgeControlSecondaryBusReset) == 0
        && bridge.Config[PciConfig.SecondaryBus] < number
        && number <= bridge.Config[PciConfig.SubordinateBus];

    /// <summary>The secondary buses of bridges on <paramref name="bus"/>, in devfn order of their bridges.</summary>
    private static IEnumerable<PciBus> ChildBuses(IReadOnlyList<PciBus> buses, PciBus bus)
    {
        foreach (var device in bus.Devices)
        {
            if (device is null)
            {
                continue;
            }

            foreach (var candidate in buses)
            {
                if (ReferenceEquals(candidate.ParentBridge, device))
                {
                    yield return candidate;
                }
            }
        }
    }

    private static void Line(StringBuilder output, string text) => output.Append(text).Append('\n');
}
