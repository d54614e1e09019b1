using Nemu.Chardevs;
using Nemu.Core;
using Nemu.Core.Time;
using Nemu.Hw.Misc;
using Nemu.Qdev;

namespace Nemu.Hw.Tests.Misc;

/// <summary>A device tree with a manual virtual clock and named chardevs, as a board would provide.</summary>
internal sealed class TestMachine : IChardevProvider
{
    private readonly Dictionary<string, Chardev> _chardevs = [];

    public TestMachine()
    {
        Tree = new QdevTree(DeviceTypeRegistry.Create(HwModule.Register));
        Tree.AddService(Time);
        Tree.AddService<IChardevProvider>(this);
        Time.Start();
    }

    public MachineTime Time { get; } = MachineTime.CreateManual();

    public QdevTree Tree { get; }

    public void AddChardev(Chardev chardev) => _chardevs[chardev.Id] = chardev;

    public Chardev? FindChardev(string id) => _chardevs.GetValueOrDefault(id);

    /// <summary>Creates, configures, realizes and resets a device.</summary>
    public T Create<T>(string type, params (string Name, string Value)[] properties)
        where T : Device
    {
        var device = Tree.Create<T>(type);
        foreach (var (name, value) in properties)
        {
            device.SetProperty(name, value);
        }

        device.Realize();
        device.Reset();
        return device;
    }

    public static uint Read(Nemu.Memory.IMemoryRegionOps ops, ulong offset, uint size = 4)
    {
        ops.Read(offset, size, MemTxAttrs.UnspecifiedAttrs, out var value);
        return (uint)value;
    }

    public static void Write(Nemu.Memory.IMemoryRegionOps ops, ulong offset, uint value, uint size = 4) =>
        ops.Write(offset, value, size, MemTxAttrs.UnspecifiedAttrs);
}
