using System.Reflection;
using Nemu.Memory;
using Nemu.Qdev;

namespace Nemu.Pci.Tests.Info;

/// <summary>A PCI function whose header the test writes directly, for <c>info pci</c> printer tests.</summary>
internal sealed class TestPciFunction : PciDevice
{
    public static readonly DeviceType AbstractPciDevice = DeviceType.Define<PciDevice>(TypeName, null).Build();

    public static readonly DeviceType TypeInfo = DefinePci("test-pci-function", () => new TestPciFunction()).UserCreatable().Build();

    /// <summary>A device tree that can make test functions with user ids.</summary>
    public static QdevTree NewTree() => new(DeviceTypeRegistry.Create(r =>
    {
        r.Register(AbstractPciDevice);
        r.Register(TypeInfo);
    }));

    /// <summary>Makes a function with <paramref name="id"/> (null: anonymous) and the given header, plugged at <paramref name="devfn"/>.</summary>
    public static TestPciFunction Create(QdevTree tree, PciBus bus, int devfn, string? id, ushort vendor, ushort device, ushort classCode, byte headerType = 0)
    {
        List<KeyValuePair<string, string>> options = [new("driver", "test-pci-function")];
        if (id is not null)
        {
            options.Add(new("id", id));
        }

        var function = (TestPciFunction)tree.AddDevice(options);
        function.SetWord(PciConfig.VendorId, vendor);
        function.SetWord(PciConfig.DeviceId, device);
        function.SetWord(PciConfig.ClassDevice, classCode);
        function.Config[PciConfig.HeaderType] = headerType;
        function.Devfn = devfn;
        function.Bus = bus;

        // PciBus has no public way to plug a function yet (piece P adds it); the test fills its slot table.
        var slots = (PciDevice?[])typeof(PciBus).GetFields(BindingFlags.NonPublic | BindingFlags.Instance)
            .Single(f => f.FieldType == typeof(PciDevice?[])).GetValue(bus)!;
        slots[devfn] = function;
        return function;
    }

    /// <summary>A new bus for tests (its qdev bus has no model; the printer is given the PCI buses directly).</summary>
    public static PciBus NewBus(string name, PciDevice? parentBridge) =>
        new(new Qdev.Bus(name, "PCI"), MemoryRegion.CreateContainer(name + "-mem", 1UL << 32), MemoryRegion.CreateContainer(name + "-io", 0x10000), parentBridge);

    public void Subsystem(ushort vendor, ushort id)
    {
        SetWord(PciConfig.SubsystemVendorId, vendor);
        SetWord(PciConfig.SubsystemId, id);
    }

    public void Interrupt(byte pin, byte line)
    {
        Config[PciConfig.InterruptPin] = pin;
        Config[PciConfig.InterruptLine] = line;
    }

    public void Bar(int index, PciBarType type, ulong size, ulong address = PciBar.Unmapped)
    {
        RegisterBar(index, type, MemoryRegion.CreateIo($"bar{index}", size, null));
        Bars[index]!.Address = address;
    }
}
