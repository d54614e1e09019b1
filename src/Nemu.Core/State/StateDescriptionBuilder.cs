// Implements: management.md §4.3 VMSTATE_* declarations as a fluent list: scalars, buffers, arrays,
// structs, struct arrays, timers (each with an optional sinceVersion, QEMU's _V variants) and subsections.
namespace Nemu.Core.State;

/// <summary>
/// Declares the fields of a <see cref="StateDescription{TState}"/> in stream order. Each scalar takes a
/// reset value (what device reset restores); arrays and buffers reset to zero, timers to not pending.
/// </summary>
public sealed class StateDescriptionBuilder<TState>
    where TState : class
{
    private readonly string _name;
    private readonly int _version;
    private readonly int _minimumVersion;
    private readonly List<StateField<TState>> _fields = [];
    private readonly List<StateSubsection<TState>> _subsections = [];
    private Action<TState>? _preSave;
    private Action<TState>? _preLoad;
    private Action<TState, int>? _postLoad;

    internal StateDescriptionBuilder(string name, int version, int minimumVersion)
    {
        if (string.IsNullOrEmpty(name) || name.Length > 255)
        {
            throw new ArgumentException("a state description name has 1 to 255 characters", nameof(name));
        }

        if (minimumVersion > version || minimumVersion < 0)
        {
            throw new ArgumentException($"minimum version {minimumVersion} must be between 0 and version {version}", nameof(minimumVersion));
        }

        _name = name;
        _version = version;
        _minimumVersion = minimumVersion;
    }

    public StateDescriptionBuilder<TState> UInt8(string name, StateRef<TState, byte> field, byte reset = 0, int sinceVersion = 0) =>
        Scalar(name, StateFieldKind.UInt8, "uint8", field, reset, sinceVersion);

    public StateDescriptionBuilder<TState> UInt16(string name, StateRef<TState, ushort> field, ushort reset = 0, int sinceVersion = 0) =>
        Scalar(name, StateFieldKind.UInt16, "uint16", field, reset, sinceVersion);

    public StateDescriptionBuilder<TState> UInt32(string name, StateRef<TState, uint> field, uint reset = 0, int sinceVersion = 0) =>
        Scalar(name, StateFieldKind.UInt32, "uint32", field, reset, sinceVersion);

    public StateDescriptionBuilder<TState> UInt64(string name, StateRef<TState, ulong> field, ulong reset = 0, int sinceVersion = 0) =>
        Scalar(name, StateFieldKind.UInt64, "uint64", field, reset, sinceVersion);

    public StateDescriptionBuilder<TState> Int8(string name, StateRef<TState, sbyte> field, sbyte reset = 0, int sinceVersion = 0) =>
        Scalar(name, StateFieldKind.Int8, "int8", field, reset, sinceVersion);

    public StateDescriptionBuilder<TState> Int16(string name, StateRef<TState, short> field, short reset = 0, int sinceVersion = 0) =>
        Scalar(name, StateFieldKind.Int16, "int16", field, reset, sinceVersion);

    public StateDescriptionBuilder<TState> Int32(string name, StateRef<TState, int> field, int reset = 0, int sinceVersion = 0) =>
        Scalar(name, StateFieldKind.Int32, "int32", field, reset, sinceVersion);

    public StateDescriptionBuilder<TState> Int64(string name, StateRef<TState, long> field, long reset = 0, int sinceVersion = 0) =>
        Scalar(name, StateFieldKind.Int64, "int64", field, reset, sinceVersion);

    public StateDescriptionBuilder<TState> Bool(string name, StateRef<TState, bool> field, bool reset = false, int sinceVersion = 0) =>
        Scalar(name, StateFieldKind.Bool, "bool", field, reset, sinceVersion);

    /// <summary>A fixed-size byte buffer of <paramref name="size"/> bytes (VMSTATE_BUFFER).</summary>
    public StateDescriptionBuilder<TState> Buffer(string name, Func<TState, byte[]> field, int size, int sinceVersion = 0) =>
        Add(new BufferStateField<TState>(Info(name, StateFieldKind.Buffer, "buffer", size, null, sinceVersion, null), field));

    public StateDescriptionBuilder<TState> UInt8Array(string name, Func<TState, byte[]> field, int length, int sinceVersion = 0) =>
        Array(name, "uint8", field, length, sinceVersion);

    public StateDescriptionBuilder<TState> UInt16Array(string name, Func<TState, ushort[]> field, int length, int sinceVersion = 0) =>
        Array(name, "uint16", field, length, sinceVersion);

    public StateDescriptionBuilder<TState> UInt32Array(string name, Func<TState, uint[]> field, int length, int sinceVersion = 0) =>
        Array(name, "uint32", field, length, sinceVersion);

    public StateDescriptionBuilder<TState> UInt64Array(string name, Func<TState, ulong[]> field, int length, int sinceVersion = 0) =>
        Array(name, "uint64", field, length, sinceVersion);

    /// <summary>A nested object written inline with <paramref name="description"/> (VMSTATE_STRUCT).</summary>
    public StateDescriptionBuilder<TState> Struct<TNested>(string name, Func<TState, TNested> field, StateDescription<TNested> description, int sinceVersion = 0)
        where TNested : class =>
        Add(new StructStateField<TState, TNested>(
            Info(name, StateFieldKind.Struct, "struct", StateDescriptionJson.EncodedSize(description), null, sinceVersion, description), field, null, description));

    /// <summary>A fixed-length array of nested objects (VMSTATE_STRUCT_ARRAY).</summary>
    public StateDescriptionBuilder<TState> StructArray<TNested>(string name, Func<TState, TNested[]> field, int length, StateDescription<TNested> description, int sinceVersion = 0)
        where TNested : class =>
        Add(new StructStateField<TState, TNested>(
            Info(name, StateFieldKind.StructArray, "struct", StateDescriptionJson.EncodedSize(description), length, sinceVersion, description), null, field, description));

    /// <summary>A timer expiry in ns (-1 = not pending) through a getter/setter pair (VMSTATE_TIMER_PTR).</summary>
    public StateDescriptionBuilder<TState> Timer(string name, Func<TState, long> get, Action<TState, long> set, int sinceVersion = 0) =>
        Add(new TimerStateField<TState>(Info(name, StateFieldKind.Timer, "timer", 8, null, sinceVersion, null), get, set));

    /// <summary>
    /// A subsection sent after the fields when <paramref name="needed"/> is true. Its name must start with
    /// this description's name and a slash (e.g. <c>cpu/m</c>).
    /// </summary>
    public StateDescriptionBuilder<TState> Subsection(StateDescription<TState> subsection, Func<TState, bool> needed)
    {
        if (!subsection.Name.StartsWith(_name + "/", StringComparison.Ordinal))
        {
            throw new ArgumentException($"subsection '{subsection.Name}' must be named '{_name}/…'", nameof(subsection));
        }

        _subsections.Add(new StateSubsection<TState>(subsection, needed));
        return this;
    }

    /// <summary>Runs before the fields are written (QEMU's pre_save).</summary>
    public StateDescriptionBuilder<TState> PreSave(Action<TState> hook)
    {
        _preSave = hook;
        return this;
    }

    /// <summary>Runs before the fields are read (QEMU's pre_load).</summary>
    public StateDescriptionBuilder<TState> PreLoad(Action<TState> hook)
    {
        _preLoad = hook;
        return this;
    }

    /// <summary>Runs after fields and subsections are read, with the stream's version (QEMU's post_load).</summary>
    public StateDescriptionBuilder<TState> PostLoad(Action<TState, int> hook)
    {
        _postLoad = hook;
        return this;
    }

    public StateDescription<TState> Build() =>
        new(_name, _version, _minimumVersion, [.. _fields], [.. _subsections], _preSave, _preLoad, _postLoad);

    private StateDescriptionBuilder<TState> Scalar<T>(string name, StateFieldKind kind, string type, StateRef<TState, T> field, T reset, int sinceVersion)
        where T : unmanaged =>
        Add(new ScalarStateField<TState, T>(Info(name, kind, type, System.Runtime.CompilerServices.Unsafe.SizeOf<T>(), null, sinceVersion, null), field, reset));

    private StateDescriptionBuilder<TState> Array<T>(string name, string type, Func<TState, T[]> field, int length, int sinceVersion)
        where T : unmanaged =>
        Add(new ArrayStateField<TState, T>(
            Info(name, StateFieldKind.Array, type, System.Runtime.CompilerServices.Unsafe.SizeOf<T>(), length, sinceVersion, null), field, length));

    private StateFieldInfo Info(string name, StateFieldKind kind, string type, int size, int? length, int sinceVersion, IStateDescription? nested)
    {
        if (sinceVersion > _version)
        {
            throw new ArgumentException($"field '{name}' is since version {sinceVersion}, after the description's version {_version}", nameof(sinceVersion));
        }

        if (length is < 0 || size < 0)
        {
            throw new ArgumentException($"field '{name}' has a negative size", nameof(name));
        }

        foreach (var existing in _fields)
        {
            if (existing.Info.Name == name)
            {
                throw new ArgumentException($"field '{name}' is declared twice in '{_name}'", nameof(name));
            }
        }

        return new StateFieldInfo(name, kind, type, size, length, sinceVersion, nested);
    }

    private StateDescriptionBuilder<TState> Add(StateField<TState> field)
    {
        _fields.Add(field);
        return this;
    }
}
