// Implements: QEMU's BusState (hw/core/bus.c): a named bus of a bus type with an ordered list of children.
// Children are kept newest first, as QEMU's bus_add_child inserts at the head (info qtree shows that order).
// Not modelled: hotplug handlers, bus realize, max_dev limits.
namespace Nemu.Qdev;

/// <summary>A bus that devices plug into, e.g. <c>main-system-bus</c> of type <c>System</c>.</summary>
public sealed class Bus
{
    /// <summary>QEMU's TYPE_SYSTEM_BUS name as <c>info qtree</c> prints it.</summary>
    public const string SystemBusType = "System";

    private readonly List<Device> _children = [];

    public Bus(string name, string typeName, Device? parent = null)
    {
        Name = name;
        TypeName = typeName;
        Parent = parent;
    }

    /// <summary>The bus name (<c>bus: NAME</c> in qtree), e.g. <c>main-system-bus</c>, <c>i2c</c>, <c>pcie.0</c>.</summary>
    public string Name { get; }

    /// <summary>The bus type that devices declare they plug into, e.g. <c>System</c>, <c>PCI</c>, <c>i2c-bus</c>.</summary>
    public string TypeName { get; }

    /// <summary>The device that provides the bus, null for the root system bus.</summary>
    public Device? Parent { get; }

    /// <summary>The bus-type model behind this qdev bus (e.g. a PCI bus with its slots and windows), if any.</summary>
    public object? Model { get; set; }

    /// <summary>
    /// The bus type this bus type derives from (QOM parent of the bus class), e.g. <c>PCI</c> for <c>PCIE</c>:
    /// devices declared for the base type plug into this bus too.
    /// </summary>
    public string? BaseTypeName { get; set; }

    /// <summary>True when a device declared for <paramref name="busType"/> may plug into this bus.</summary>
    public bool Accepts(string? busType) => busType is not null && (busType == TypeName || busType == BaseTypeName);

    /// <summary>The plugged devices, newest first.</summary>
    public IReadOnlyList<Device> Children => _children;

    internal void Add(Device device) => _children.Insert(0, device);

    internal void Remove(Device device) => _children.Remove(device);
}
