// Implements: management.md §4.3 (VMState encoding and load rules) and §4.4 (vmdesc JSON) for one
// VMStateDescription: fields in order, then "needed" subsections tagged 0x05 + name + be32 version.
// Not modelled: field_exists predicates, _EQUAL fields, unmigratable/priority/early_setup members.
using System.Text;
using System.Text.Json;

namespace Nemu.Core.State;

/// <summary>
/// A versioned, declarative description of a device's plain-data state (QEMU's VMStateDescription).
/// Build one with <see cref="Builder"/>, keep it in a static field, and bind it to each instance's state
/// object with <see cref="Bind"/>. Saving writes QEMU's big-endian field encoding; loading checks versions
/// and fails only with <see cref="StateLoadException"/>.
/// </summary>
public sealed class StateDescription<TState> : IStateDescription
    where TState : class
{
    /// <summary>The tag before each subsection (QEMU_VM_SUBSECTION).</summary>
    public const byte SubsectionTag = 0x05;

    private readonly StateField<TState>[] _fields;
    private readonly StateSubsection<TState>[] _subsections;
    private readonly Action<TState>? _preSave;
    private readonly Action<TState>? _preLoad;
    private readonly Action<TState, int>? _postLoad;

    internal StateDescription(
        string name,
        int versionId,
        int minimumVersionId,
        StateField<TState>[] fields,
        StateSubsection<TState>[] subsections,
        Action<TState>? preSave,
        Action<TState>? preLoad,
        Action<TState, int>? postLoad)
    {
        Name = name;
        VersionId = versionId;
        MinimumVersionId = minimumVersionId;
        _fields = fields;
        _subsections = subsections;
        _preSave = preSave;
        _preLoad = preLoad;
        _postLoad = postLoad;
        Fields = Array.ConvertAll(fields, f => f.Info);
        Subsections = Array.ConvertAll(subsections, s => (IStateDescription)s.Description);
    }

    public string Name { get; }

    public int VersionId { get; }

    public int MinimumVersionId { get; }

    public IReadOnlyList<StateFieldInfo> Fields { get; }

    public IReadOnlyList<IStateDescription> Subsections { get; }

    /// <summary>Starts a description named <paramref name="name"/> at <paramref name="version"/>.</summary>
    public static StateDescriptionBuilder<TState> Builder(string name, int version, int minimumVersion) =>
        new(name, version, minimumVersion);

    /// <summary>Ties this description to one state object, for callers that do not know <typeparamref name="TState"/>.</summary>
    public StateBinding Bind(TState state) => new BoundState<TState>(this, state);

    /// <summary>The section body of <paramref name="state"/>: fields, then needed subsections.</summary>
    public byte[] Save(TState state)
    {
        var writer = new StateWriter();
        SaveTo(state, writer);
        return writer.ToArray();
    }

    /// <summary>Appends the section body of <paramref name="state"/> to <paramref name="writer"/>.</summary>
    public void SaveTo(TState state, StateWriter writer)
    {
        _preSave?.Invoke(state);
        foreach (var field in _fields)
        {
            field.Save(state, writer);
        }

        foreach (var sub in _subsections)
        {
            if (!sub.Needed(state))
            {
                continue;
            }

            var name = Encoding.UTF8.GetBytes(sub.Description.Name);
            writer.WriteUInt8(SubsectionTag);
            writer.WriteUInt8((byte)name.Length);
            writer.WriteBytes(name);
            writer.WriteUInt32((uint)sub.Description.VersionId);
            sub.Description.SaveTo(state, writer);
        }
    }

    /// <summary>Loads a whole section body written at <paramref name="versionId"/>; trailing bytes are an error.</summary>
    public void Load(TState state, ReadOnlyMemory<byte> data, int versionId)
    {
        var reader = new StateReader(data);
        LoadFrom(state, reader, versionId);
        if (reader.Remaining != 0)
        {
            throw new StateLoadException($"{Name}: {reader.Remaining} unexpected byte(s) after the last field at offset {reader.Position}") { HasContext = true };
        }
    }

    /// <summary>Loads fields and subsections from <paramref name="reader"/>, leaving it after this description's data.</summary>
    public void LoadFrom(TState state, StateReader reader, int versionId)
    {
        if (versionId > VersionId)
        {
            throw new StateLoadException($"{Name}: incoming version_id {versionId} is too new for local version_id {VersionId}") { HasContext = true };
        }

        if (versionId < MinimumVersionId)
        {
            throw new StateLoadException($"{Name}: incoming version_id {versionId} is too old for local minimum version_id {MinimumVersionId}") { HasContext = true };
        }

        _preLoad?.Invoke(state);
        foreach (var field in _fields)
        {
            // A field added in a later version than the stream's is absent from the stream (§4.3).
            if (field.Info.SinceVersion > versionId)
            {
                continue;
            }

            try
            {
                field.Load(state, reader);
            }
            catch (StateLoadException ex) when (!ex.HasContext)
            {
                throw new StateLoadException($"{Name}: field '{field.Info.Name}': {ex.Message}", ex) { HasContext = true };
            }
        }

        try
        {
            LoadSubsections(state, reader);
        }
        catch (StateLoadException ex) when (!ex.HasContext)
        {
            throw new StateLoadException($"{Name}: subsection header: {ex.Message}", ex) { HasContext = true };
        }

        _postLoad?.Invoke(state, versionId);
    }

    /// <summary>Restores every field (and subsection field) to its declared reset value.</summary>
    public void Reset(TState state)
    {
        foreach (var field in _fields)
        {
            field.Reset(state);
        }

        foreach (var sub in _subsections)
        {
            sub.Description.Reset(state);
        }
    }

    public void WriteDescription(Utf8JsonWriter writer) => StateDescriptionJson.Write(this, writer);

    public string DescribeJson() => StateDescriptionJson.ToJson(this);

    private void LoadSubsections(TState state, StateReader reader)
    {
        Span<byte> nameBuffer = stackalloc byte[255];
        while (reader.PeekByte() == SubsectionTag)
        {
            var start = reader.Position;
            reader.ReadUInt8();
            var length = reader.ReadUInt8();
            var raw = nameBuffer[..length];
            reader.ReadBytes(raw);
            var name = Encoding.UTF8.GetString(raw);

            // A subsection not prefixed by our name belongs to an enclosing description (QEMU's strncmp check).
            if (!name.StartsWith(Name, StringComparison.Ordinal))
            {
                reader.Seek(start);
                return;
            }

            var sub = Array.Find(_subsections, s => s.Description.Name == name)
                ?? throw new StateLoadException($"{Name}: unknown subsection '{name}'") { HasContext = true };
            var version = reader.ReadUInt32();
            sub.Description.LoadFrom(state, reader, version > int.MaxValue ? int.MaxValue : (int)version);
        }
    }
}
