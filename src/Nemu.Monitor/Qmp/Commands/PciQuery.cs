// Implements QMP query-pci of QEMU 7.2 (hw/pci/pci.c qmp_query_pci, qapi/pci.json) over the Nemu.Pci model, in the
// shape recorded in /work/notes/issue7-ref/qmp-virt*.txt: one PciInfo per root bus with its functions in devfn
// order; class_info.desc only for a known class; id.subsystem* only for type 0 headers; irq only when the Interrupt
// Pin register is set; regions = the registered BARs (an unmapped BAR's address is -1); pci_bridge for type 1
// headers with the bus numbers and windows (pci_bridge_get_base/limit) and, when the secondary bus number is not 0,
// the devices behind it. A machine without PCI answers [].
using Nemu.Monitor.Qmp.Json;
using Nemu.Monitor.Qmp.Schema;
using Nemu.Pci;
using Nemu.Pci.Info;
using Nemu.Qdev;

namespace Nemu.Monitor.Qmp.Commands;

/// <summary>query-pci: the QAPI types and the answer built from the PCI model.</summary>
public static class PciQuery
{
    public static QmpObjectType PciMemoryRange { get; } = new("PciMemoryRange", [new("base", QmpTypes.Int), new("limit", QmpTypes.Int)]);

    public static QmpObjectType PciBusInfo { get; } = new("PciBusInfo",
    [
        new("number", QmpTypes.Int), new("secondary", QmpTypes.Int), new("subordinate", QmpTypes.Int),
        new("io_range", PciMemoryRange), new("memory_range", PciMemoryRange), new("prefetchable_range", PciMemoryRange),
    ]);

    public static QmpObjectType PciDeviceClass { get; } = new("PciDeviceClass", [new("desc", QmpTypes.Str, true), new("class", QmpTypes.Int)]);

    public static QmpObjectType PciDeviceId { get; } = new("PciDeviceId",
    [
        new("device", QmpTypes.Int), new("vendor", QmpTypes.Int), new("subsystem", QmpTypes.Int, true), new("subsystem-vendor", QmpTypes.Int, true),
    ]);

    public static QmpObjectType PciMemoryRegion { get; } = new("PciMemoryRegion",
    [
        new("bar", QmpTypes.Int), new("type", QmpTypes.Str), new("address", QmpTypes.Int), new("size", QmpTypes.Int),
        new("prefetch", QmpTypes.Bool, true), new("mem_type_64", QmpTypes.Bool, true),
    ]);

    /// <summary>PciDeviceInfo; <c>pci_bridge.devices</c> refers back to it, so the bridge type is built with it.</summary>
    public static QmpObjectType PciDeviceInfo { get; } = BuildDeviceInfo(out _);

    public static QmpObjectType PciBridgeInfo { get; } = (QmpObjectType)PciDeviceInfo.Members.First(m => m.Name == "pci_bridge").Type;

    public static QmpObjectType PciInfo { get; } = new("PciInfo", [new("bus", QmpTypes.Int), new("devices", new QmpArrayType(PciDeviceInfo))]);

    /// <summary>The query-pci answer for every root PCI bus of <paramref name="tree"/>.</summary>
    public static JsonArray Query(QdevTree tree)
    {
        var buses = PciInfoPrinter.PciBuses(tree);
        var result = new List<JsonValue>();
        foreach (var bus in buses)
        {
            if (bus.IsRoot)
            {
                result.Add(new JsonObject(("bus", Int(bus.Number)), ("devices", Devices(buses, bus, bus.Number))));
            }
        }

        return new JsonArray(result);
    }

    private static QmpObjectType BuildDeviceInfo(out QmpObjectType bridge)
    {
        // QAPI's recursion PciDeviceInfo -> PciBridgeInfo -> [PciDeviceInfo]: the member list is filled after the
        // bridge type refers to the (same) PciDeviceInfo record, so a schema walk must track visited names.
        var members = new List<QmpMember>();
        var deviceInfo = new QmpObjectType("PciDeviceInfo", members);
        bridge = new QmpObjectType("PciBridgeInfo", [new("bus", PciBusInfo), new("devices", new QmpArrayType(deviceInfo), true)]);
        members.AddRange(
        [
            new("bus", QmpTypes.Int), new("slot", QmpTypes.Int), new("function", QmpTypes.Int),
            new("class_info", PciDeviceClass), new("id", PciDeviceId), new("irq", QmpTypes.Int, true),
            new("irq_pin", QmpTypes.Int), new("qdev_id", QmpTypes.Str), new("pci_bridge", bridge, true),
            new("regions", new QmpArrayType(PciMemoryRegion)),
        ]);
        return deviceInfo;
    }

    private static JsonArray Devices(IReadOnlyList<PciBus> buses, PciBus bus, int busNumber)
    {
        var list = new List<JsonValue>();
        for (var devfn = 0; devfn < bus.Devices.Count; devfn++)
        {
            if (bus.Devices[devfn] is { } device)
            {
                list.Add(Device(buses, device, devfn, busNumber));
            }
        }

        return new JsonArray(list);
    }

    private static JsonObject Device(IReadOnlyList<PciBus> buses, PciDevice device, int devfn, int busNumber)
    {
        var config = device.Config;
        var classCode = device.GetWord(PciConfig.ClassDevice);
        var headerType = config[PciConfig.HeaderType] & ~PciConfig.HeaderTypeMultiFunction;
        var classInfo = Pci.Info.PciClassNames.Find(classCode) is { } desc
            ? new JsonObject(("desc", new JsonString(desc)), ("class", Int(classCode)))
            : new JsonObject(("class", Int(classCode)));
        var id = headerType == PciConfig.HeaderTypeNormal
            ? new JsonObject(("device", Int(device.GetWord(PciConfig.DeviceId))), ("vendor", Int(device.GetWord(PciConfig.VendorId))),
                ("subsystem", Int(device.GetWord(PciConfig.SubsystemId))), ("subsystem-vendor", Int(device.GetWord(PciConfig.SubsystemVendorId))))
            : new JsonObject(("device", Int(device.GetWord(PciConfig.DeviceId))), ("vendor", Int(device.GetWord(PciConfig.VendorId))));
        var members = new List<(string, JsonValue)>
        {
            ("bus", Int(busNumber)), ("slot", Int(devfn >> 3)), ("function", Int(devfn & 7)),
            ("class_info", classInfo), ("id", id),
        };
        var pin = config[PciConfig.InterruptPin];
        if (pin != 0)
        {
            members.Add(("irq", Int(config[PciConfig.InterruptLine])));
        }

        members.Add(("irq_pin", Int(pin)));
        members.Add(("qdev_id", new JsonString(device.Id ?? string.Empty)));
        if (headerType == PciConfig.HeaderTypeBridge)
        {
            members.Add(("pci_bridge", Bridge(buses, device)));
        }

        members.Add(("regions", Regions(device)));
        return new JsonObject([.. members]);
    }

    private static JsonObject Bridge(IReadOnlyList<PciBus> buses, PciDevice bridge)
    {
        var config = bridge.Config;
        var ioBase = IoWindow(bridge, PciConfig.IoBase, PciConfig.IoBaseUpper16);
        var ioLimit = IoWindow(bridge, PciConfig.IoLimit, PciConfig.IoLimitUpper16) | 0xfff;
        var memBase = (ulong)(bridge.GetWord(PciConfig.MemoryBase) & ~0xf) << 16;
        var memLimit = ((ulong)(bridge.GetWord(PciConfig.MemoryLimit) & ~0xf) << 16) | 0xfffff;
        var prefBase = PrefetchWindow(bridge, PciConfig.PrefMemoryBase, PciConfig.PrefBaseUpper32);
        var prefLimit = PrefetchWindow(bridge, PciConfig.PrefMemoryLimit, PciConfig.PrefLimitUpper32) | 0xfffff;
        var secondary = config[PciConfig.SecondaryBus];
        var busInfo = new JsonObject(
            ("number", Int(config[PciConfig.PrimaryBus])), ("secondary", Int(secondary)), ("subordinate", Int(config[PciConfig.SubordinateBus])),
            ("io_range", Range(ioBase, ioLimit)), ("memory_range", Range(memBase, memLimit)), ("prefetchable_range", Range(prefBase, prefLimit)));
        if (secondary != 0 && buses.FirstOrDefault(b => ReferenceEquals(b.ParentBridge, bridge)) is { } child)
        {
            return new JsonObject(("bus", busInfo), ("devices", Devices(buses, child, secondary)));
        }

        return new JsonObject(("bus", busInfo));
    }

    private static JsonArray Regions(PciDevice device)
    {
        var list = new List<JsonValue>();
        foreach (var bar in device.Bars)
        {
            if (bar is null || bar.Size == 0)
            {
                continue;
            }

            var address = JsonNumber.FromInt64(unchecked((long)bar.Address));
            list.Add(bar.IsIo
                ? new JsonObject(("bar", Int(bar.Index)), ("type", new JsonString("io")), ("address", address), ("size", JsonNumber.FromInt64((long)bar.Size)))
                : new JsonObject(("bar", Int(bar.Index)), ("type", new JsonString("memory")), ("address", address), ("size", JsonNumber.FromInt64((long)bar.Size)),
                    ("prefetch", JsonBool.From(bar.IsPrefetchable)), ("mem_type_64", JsonBool.From(bar.Is64Bit))));
        }

        return new JsonArray(list);
    }

    private static JsonObject Range(ulong baseAddress, ulong limit) =>
        new(("base", JsonNumber.FromInt64(unchecked((long)baseAddress))), ("limit", JsonNumber.FromInt64(unchecked((long)limit))));

    private static JsonNumber Int(long value) => JsonNumber.FromInt64(value);

    private static ulong IoWindow(PciDevice bridge, int register, int upper16)
    {
        var value = bridge.Config[register];
        var window = (ulong)(value & ~0xf) << 8;
        return (value & 0x1) != 0 ? window | ((ulong)bridge.GetWord(upper16) << 16) : window;
    }

    private static ulong PrefetchWindow(PciDevice bridge, int register, int upper32)
    {
        var value = bridge.GetWord(register);
        var window = (ulong)(value & ~0xf) << 16;
        return (value & 0x1) != 0 ? window | ((ulong)bridge.GetLong(upper32) << 32) : window;
    }
}
