// Implements: the typed side of StateBinding (a description and its opaque).
namespace Nemu.Core.State;

/// <summary>The typed binding made by <see cref="StateDescription{TState}.Bind"/>.</summary>
internal sealed class BoundState<TState> : StateBinding
    where TState : class
{
    private readonly StateDescription<TState> _description;
    private readonly TState _state;

    public BoundState(StateDescription<TState> description, TState state)
    {
        _description = description;
        _state = state;
    }

    public override IStateDescription Description => _description;

    public override byte[] Save() => _description.Save(_state);

    public override void SaveTo(StateWriter writer) => _description.SaveTo(_state, writer);

    public override void Load(ReadOnlyMemory<byte> data, int versionId) => _description.Load(_state, data, versionId);

    public override void LoadFrom(StateReader reader, int versionId) => _description.LoadFrom(_state, reader, versionId);

    public override void Reset() => _description.Reset(_state);
}
