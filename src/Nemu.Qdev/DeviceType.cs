// Implements: a QOM/qdev device class (TypeInfo + DeviceClass): name, parent, description, categories,
// user_creatable, bus_type, alias, factory and the class's own properties (device_class_set_props).
using Nemu.Qdev.Properties;

namespace Nemu.Qdev;

/// <summary>
/// A device model as the registry knows it. Made with <see cref="Define{TDevice}"/>; the registry links
/// it to its parent type, from which it inherits properties and the bus type.
/// </summary>
public sealed class DeviceType
{
    private readonly DeviceProperty[] _properties;
    private readonly string? _busType;
    private readonly Func<Device>? _factory;

    internal DeviceType(
        string name,
        string? parentName,
        string? description,
        DeviceCategories categories,
        bool userCreatable,
        string? busType,
        string? alias,
        Func<Device>? factory,
        DeviceProperty[] properties)
    {
        Name = name;
        ParentName = parentName;
        Description = description;
        Categories = categories;
        UserCreatable = userCreatable;
        _busType = busType;
        Alias = alias;
        _factory = factory;
        _properties = properties;
    }

    public string Name { get; }

    public string? ParentName { get; }

    /// <summary>The parent type, set when the type is registered.</summary>
    public DeviceType? Parent { get; internal set; }

    /// <summary>QEMU's dc->desc (shown by <c>-device help</c>).</summary>
    public string? Description { get; }

    public DeviceCategories Categories { get; }

    /// <summary>True when <c>-device</c> may create it.</summary>
    public bool UserCreatable { get; }

    /// <summary>The bus type it plugs into (<c>System</c>, <c>PCI</c>…), inherited from the parent when not set.</summary>
    public string? BusType => _busType ?? Parent?.BusType;

    /// <summary>QEMU's qdev alias (e.g. <c>virtio-net</c> for <c>virtio-net-pci</c>).</summary>
    public string? Alias { get; }

    /// <summary>Abstract types have no factory and cannot be instantiated.</summary>
    public bool IsAbstract => _factory is null;

    /// <summary>The properties this type declares (not the inherited ones).</summary>
    public IReadOnlyList<DeviceProperty> OwnProperties => _properties;

    /// <summary>Own properties first, then each ancestor's, the order <c>info qtree</c> prints them.</summary>
    public IEnumerable<DeviceProperty> AllProperties
    {
        get
        {
            for (var type = this; type is not null; type = type.Parent)
            {
                foreach (var property in type._properties)
                {
                    yield return property;
                }
            }
        }
    }

    /// <summary>Starts the definition of a device type made by <paramref name="factory"/> (null: abstract).</summary>
    public static DeviceTypeBuilder<TDevice> Define<TDevice>(string name, Func<TDevice>? factory)
        where TDevice : Device => new(name, factory);

    public DeviceProperty? FindProperty(string name)
    {
        foreach (var property in AllProperties)
        {
            if (property.Name == name)
            {
                return property;
            }
        }

        return null;
    }

    /// <summary>True when this type is <paramref name="typeName"/> or derives from it (object_dynamic_cast).</summary>
    public bool IsA(string typeName)
    {
        for (var type = this; type is not null; type = type.Parent)
        {
            if (type.Name == typeName)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Makes an instance with every property at its default; no globals, not realized.</summary>
    internal Device Instantiate()
    {
        var device = _factory?.Invoke() ?? throw new QdevException($"Parameter 'driver' expects a non-abstract device type");
        device.AttachType(this);
        foreach (var property in AllProperties)
        {
            property.ApplyDefault(device);
        }

        return device;
    }

    public override string ToString() => Name;
}
