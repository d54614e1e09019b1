// Implements: a qdev property whose value is parsed and printed by a PropertyCodec and stored through a
// getter/setter pair over the device (the builder derives the pair from a ref accessor).
namespace Nemu.Qdev.Properties;

/// <summary>A property of <typeparamref name="TDevice"/> carrying a <typeparamref name="TValue"/>.</summary>
public sealed class CodecProperty<TDevice, TValue> : DeviceProperty
    where TDevice : Device
{
    private readonly PropertyCodec<TValue> _codec;
    private readonly Func<TDevice, TValue> _get;
    private readonly Action<TDevice, TValue> _set;
    private readonly TValue _default;
    private readonly bool _hasDefault;
    private readonly bool _isChardev;

    public CodecProperty(
        string name,
        string? description,
        PropertyCodec<TValue> codec,
        Func<TDevice, TValue> get,
        Action<TDevice, TValue> set,
        TValue defaultValue,
        bool hasDefault,
        bool isChardev = false)
        : base(name, description)
    {
        _codec = codec;
        _get = get;
        _set = set;
        _default = defaultValue;
        _hasDefault = hasDefault;
        _isChardev = isChardev;
    }

    public override string TypeName => _codec.TypeName;

    public override string? DefaultJson => _hasDefault ? _codec.DefaultJson(_default) : null;

    public override bool IsChardev => _isChardev;

    public override bool HasLegacyPrint => _codec.HasLegacyPrint;

    public override string? Print(Device device) => _codec.Print(_get((TDevice)device));

    internal override ParseOutcome TrySet(Device device, string text, IChardevResolver? chardevs, PropertySource source, out string expects)
    {
        var outcome = _codec.Parse(text, out var value);
        if (outcome == ParseOutcome.Ok && _isChardev && text.Length != 0 && chardevs is not null && !chardevs.Exists(text))
        {
            outcome = ParseOutcome.NotFound;
        }

        if (outcome != ParseOutcome.Ok)
        {
            expects = _codec.Expects(outcome, source);
            return outcome;
        }

        // An empty chardev id means "no backend", as in QEMU's set_chr.
        if (_isChardev && text.Length == 0)
        {
            value = default!;
        }

        _set((TDevice)device, value);
        expects = string.Empty;
        return ParseOutcome.Ok;
    }

    internal override void ApplyDefault(Device device) => _set((TDevice)device, _default);
}
