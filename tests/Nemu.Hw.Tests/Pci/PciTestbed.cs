using Nemu.Core;
using Nemu.Core.Time;
using Nemu.Memory;
using Nemu.Qdev;

namespace Nemu.Hw.Tests.Pci;

/// <summary>
/// A qdev tree with a manual virtual clock, and an address space over one BAR region at offset 0, so register
/// tests go through the memory core's access rules (valid/impl sizes, alignment) without a PCI bus.
/// </summary>
internal sealed class PciTestbed
{
    private readonly MemorySystem _system = new();

    public PciTestbed()
    {
        Tree = new QdevTree(DeviceTypeRegistry.Create(HwModule.Register));
        Tree.AddService(Time);
        Time.Start();
    }

    public QdevTree Tree { get; }

    public MachineTime Time { get; } = MachineTime.CreateManual();

    public TDevice Create<TDevice>(string typeName, params (string Name, string Value)[] properties)
        where TDevice : Device
    {
        var device = Tree.Create<TDevice>(typeName);
        foreach (var (name, value) in properties)
        {
            device.SetProperty(name, value);
        }

        return device;
    }

    public AddressSpace Map(MemoryRegion region) => new(_system, region.Name, region);

    public static ulong Read(AddressSpace space, ulong offset, uint size)
    {
        _ = space.Read(new GuestAddress(offset), size, default, out var value);
        return value;
    }

    public static void Write(AddressSpace space, ulong offset, ulong value, uint size) =>
        _ = space.Write(new GuestAddress(offset), value, size, default);
}
