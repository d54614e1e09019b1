// Implements: the declarative part of a DeviceClass: class properties (DEFINE_PROP_BOOL/UINT8..64/INT32/
// INT64/SIZE/STRING/CHR/LINK with defaults and descriptions) and class metadata.
using Nemu.Qdev.Properties;

namespace Nemu.Qdev;

/// <summary>
/// Declares a <see cref="DeviceType"/> for <typeparamref name="TDevice"/>; properties bind to device fields
/// through ref accessors such as <c>d =&gt; ref d._pclkFrq</c>.
/// </summary>
public sealed class DeviceTypeBuilder<TDevice>
    where TDevice : Device
{
    private readonly string _name;
    private readonly Func<TDevice>? _factory;
    private readonly List<DeviceProperty> _properties = [];
    private string? _parent = Device.TypeName;
    private string? _description;
    private DeviceCategories _categories;
    private bool _userCreatable;
    private string? _busType;
    private string? _alias;

    internal DeviceTypeBuilder(string name, Func<TDevice>? factory)
    {
        _name = name;
        _factory = factory;
    }

    public DeviceTypeBuilder<TDevice> Parent(string? parentTypeName)
    {
        _parent = parentTypeName;
        return this;
    }

    public DeviceTypeBuilder<TDevice> Description(string description)
    {
        _description = description;
        return this;
    }

    public DeviceTypeBuilder<TDevice> Category(DeviceCategories categories)
    {
        _categories |= categories;
        return this;
    }

    /// <summary>Lets <c>-device</c> create it (QEMU's user_creatable; sysbus devices default to false).</summary>
    public DeviceTypeBuilder<TDevice> UserCreatable(bool value = true)
    {
        _userCreatable = value;
        return this;
    }

    public DeviceTypeBuilder<TDevice> Bus(string busType)
    {
        _busType = busType;
        return this;
    }

    public DeviceTypeBuilder<TDevice> Alias(string alias)
    {
        _alias = alias;
        return this;
    }

    public DeviceTypeBuilder<TDevice> Bool(string name, PropertyRef<TDevice, bool> field, bool defaultValue = false, string? description = null) =>
        Add(new CodecProperty<TDevice, bool>(name, description, BoolCodec.Instance, d => field(d), (d, v) => field(d) = v, defaultValue, true));

    public DeviceTypeBuilder<TDevice> UInt8(string name, PropertyRef<TDevice, byte> field, byte defaultValue = 0, string? description = null) =>
        Add(new CodecProperty<TDevice, ulong>(name, description, UnsignedCodec.UInt8, d => field(d), (d, v) => field(d) = (byte)v, defaultValue, true));

    public DeviceTypeBuilder<TDevice> UInt16(string name, PropertyRef<TDevice, ushort> field, ushort defaultValue = 0, string? description = null) =>
        Add(new CodecProperty<TDevice, ulong>(name, description, UnsignedCodec.UInt16, d => field(d), (d, v) => field(d) = (ushort)v, defaultValue, true));

    public DeviceTypeBuilder<TDevice> UInt32(string name, PropertyRef<TDevice, uint> field, uint defaultValue = 0, string? description = null) =>
        Add(new CodecProperty<TDevice, ulong>(name, description, UnsignedCodec.UInt32, d => field(d), (d, v) => field(d) = (uint)v, defaultValue, true));

    public DeviceTypeBuilder<TDevice> UInt64(string name, PropertyRef<TDevice, ulong> field, ulong defaultValue = 0, string? description = null) =>
        Add(new CodecProperty<TDevice, ulong>(name, description, UnsignedCodec.UInt64, d => field(d), (d, v) => field(d) = v, defaultValue, true));

    public DeviceTypeBuilder<TDevice> Int32(string name, PropertyRef<TDevice, int> field, int defaultValue = 0, string? description = null) =>
        Add(new CodecProperty<TDevice, long>(name, description, SignedCodec.Int32, d => field(d), (d, v) => field(d) = (int)v, defaultValue, true));

    public DeviceTypeBuilder<TDevice> Int64(string name, PropertyRef<TDevice, long> field, long defaultValue = 0, string? description = null) =>
        Add(new CodecProperty<TDevice, long>(name, description, SignedCodec.Int64, d => field(d), (d, v) => field(d) = v, defaultValue, true));

    public DeviceTypeBuilder<TDevice> Size(string name, PropertyRef<TDevice, ulong> field, ulong defaultValue = 0, string? description = null) =>
        Add(new CodecProperty<TDevice, ulong>(name, description, SizeCodec.Instance, d => field(d), (d, v) => field(d) = v, defaultValue, true));

    /// <summary>A string property; like QEMU's DEFINE_PROP_STRING it shows no default in help.</summary>
    public DeviceTypeBuilder<TDevice> String(string name, PropertyRef<TDevice, string?> field, string? defaultValue = null, string? description = null) =>
        Add(new CodecProperty<TDevice, string?>(name, description, StringCodec.Str, d => field(d), (d, v) => field(d) = v, defaultValue, false));

    /// <summary>A chardev backend id (DEFINE_PROP_CHR); the id must exist when a resolver is present.</summary>
    public DeviceTypeBuilder<TDevice> Chardev(string name, PropertyRef<TDevice, string?> field, string description = "ID of a chardev to use as a backend") =>
        Add(new CodecProperty<TDevice, string?>(name, description, StringCodec.Chardev, d => field(d), (d, v) => field(d) = v, null, false, isChardev: true));

    /// <summary>A link to another object by QOM path (DEFINE_PROP_LINK), resolved by the System layer; not printed by qtree.</summary>
    public DeviceTypeBuilder<TDevice> Link(string name, string targetType, PropertyRef<TDevice, string?> field, string? description = null) =>
        Add(new CodecProperty<TDevice, string?>(name, description, new StringCodec($"link<{targetType}>", printable: false, nullText: string.Empty), d => field(d), (d, v) => field(d) = v, null, false));

    /// <summary>Any other property kind.</summary>
    public DeviceTypeBuilder<TDevice> Property(DeviceProperty property) => Add(property);

    public DeviceType Build() =>
        new(_name, _name == Device.TypeName ? null : _parent, _description, _categories, _userCreatable, _busType, _alias, _factory, [.. _properties]);

    private DeviceTypeBuilder<TDevice> Add(DeviceProperty property)
    {
        if (_properties.Exists(p => p.Name == property.Name))
        {
            throw new ArgumentException($"property '{property.Name}' is declared twice on '{_name}'", nameof(property));
        }

        _properties.Add(property);
        return this;
    }
}
