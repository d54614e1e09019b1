// Implements: management.md §4.3 VMSTATE_STRUCT / VMSTATE_STRUCT_ARRAY: nested fields inline, then their subsections.
namespace Nemu.Core.State;

/// <summary>One nested object, or a fixed-length array of them, described by another description.</summary>
internal sealed class StructStateField<TState, TNested> : StateField<TState>
    where TState : class
    where TNested : class
{
    private readonly Func<TState, TNested>? _getOne;
    private readonly Func<TState, TNested[]>? _getArray;
    private readonly StateDescription<TNested> _description;

    public StructStateField(StateFieldInfo info, Func<TState, TNested>? getOne, Func<TState, TNested[]>? getArray, StateDescription<TNested> description)
        : base(info)
    {
        _getOne = getOne;
        _getArray = getArray;
        _description = description;
    }

    public override void Save(TState state, StateWriter writer)
    {
        if (_getOne is not null)
        {
            _description.SaveTo(_getOne(state), writer);
            return;
        }

        foreach (var element in CheckLength(_getArray!(state), Info.ArrayLength!.Value, Info.Name))
        {
            _description.SaveTo(element, writer);
        }
    }

    public override void Load(TState state, StateReader reader)
    {
        // QEMU loads a nested VMSD at its own version_id: the stream carries no version for it.
        if (_getOne is not null)
        {
            _description.LoadFrom(_getOne(state), reader, _description.VersionId);
            return;
        }

        foreach (var element in CheckLength(_getArray!(state), Info.ArrayLength!.Value, Info.Name))
        {
            _description.LoadFrom(element, reader, _description.VersionId);
        }
    }

    public override void Reset(TState state)
    {
        if (_getOne is not null)
        {
            _description.Reset(_getOne(state));
            return;
        }

        foreach (var element in _getArray!(state))
        {
            _description.Reset(element);
        }
    }
}
