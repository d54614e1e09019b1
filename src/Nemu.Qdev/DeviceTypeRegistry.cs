// Implements: the QOM type table for devices (qom/object.c type_register, object_class_by_name) and
// qdev_get_device_class's checks in qdev-monitor.c ("'x' is not a valid device model name", abstract and
// non-pluggable types). No process-global singleton: each machine/process owns a registry, and modules
// add their types explicitly (no reflection scanning).
namespace Nemu.Qdev;

/// <summary>
/// The device types known to one process or machine. Starts with the abstract <c>device</c> and
/// <c>sys-bus-device</c>; modules register into it, e.g. <c>DeviceTypeRegistry.Create(HwTypes.Register)</c>.
/// </summary>
public sealed class DeviceTypeRegistry
{
    private readonly Dictionary<string, DeviceType> _types = new(StringComparer.Ordinal);
    private readonly Dictionary<string, DeviceType> _aliases = new(StringComparer.Ordinal);

    public DeviceTypeRegistry()
    {
        Register(DeviceType.Define<Device>(Device.TypeName, null).Build());
        Register(DeviceType.Define<SysBusDevice>(SysBusDevice.TypeName, null).Bus(Bus.SystemBusType).Build());
    }

    /// <summary>All registered types, sorted by name case-insensitively (object_class_get_list_sorted).</summary>
    public IReadOnlyList<DeviceType> Types
    {
        get
        {
            var list = _types.Values.ToList();
            list.Sort((a, b) =>
            {
                var c = StringComparer.OrdinalIgnoreCase.Compare(a.Name, b.Name);
                return c != 0 ? c : StringComparer.Ordinal.Compare(a.Name, b.Name);
            });
            return list;
        }
    }

    /// <summary>A registry with the base types plus everything each module registers, in order.</summary>
    public static DeviceTypeRegistry Create(params Action<DeviceTypeRegistry>[] modules)
    {
        var registry = new DeviceTypeRegistry();
        foreach (var module in modules)
        {
            module(registry);
        }

        return registry;
    }

    /// <summary>Adds <paramref name="type"/>; its parent must already be registered.</summary>
    public void Register(DeviceType type)
    {
        if (_types.ContainsKey(type.Name))
        {
            throw new ArgumentException($"device type '{type.Name}' is already registered", nameof(type));
        }

        if (type.ParentName is not null)
        {
            type.Parent = _types.TryGetValue(type.ParentName, out var parent)
                ? parent
                : throw new ArgumentException($"parent type '{type.ParentName}' of '{type.Name}' is not registered", nameof(type));
        }

        _types.Add(type.Name, type);
        if (type.Alias is not null)
        {
            _aliases[type.Alias] = type;
        }
    }

    /// <summary>The type named <paramref name="name"/> (or aliased so), or null.</summary>
    public DeviceType? Find(string name) =>
        _types.TryGetValue(name, out var type) ? type : _aliases.GetValueOrDefault(name);

    /// <summary>
    /// The type <c>-device</c> (<paramref name="fromUser"/>) or board code may instantiate, with QEMU's errors
    /// for an unknown, abstract or (for users) non-pluggable type.
    /// </summary>
    public DeviceType GetInstantiable(string name, bool fromUser)
    {
        var type = Find(name) ?? throw new QdevException($"'{name}' is not a valid device model name");
        if (type.IsAbstract)
        {
            throw new QdevException("Parameter 'driver' expects a non-abstract device type");
        }

        if (fromUser && !type.UserCreatable)
        {
            throw new QdevException("Parameter 'driver' expects a pluggable device type");
        }

        return type;
    }

    /// <summary>The <c>-device help</c> listing (see <see cref="DeviceHelp"/>).</summary>
    public string DeviceListHelp(bool showNoUser = false) => DeviceHelp.ListTypes(this, showNoUser);

    /// <summary>The <c>-device TYPE,help</c> text (see <see cref="DeviceHelp"/>).</summary>
    public string DeviceTypeHelp(string name) => DeviceHelp.DescribeType(this, name);
}
