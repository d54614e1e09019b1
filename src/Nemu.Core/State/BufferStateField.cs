// Implements: management.md §4.3 VMSTATE_BUFFER: raw bytes of a fixed size.
namespace Nemu.Core.State;

/// <summary>A fixed-size byte buffer written raw; reset clears it to zero.</summary>
internal sealed class BufferStateField<TState> : StateField<TState>
    where TState : class
{
    private readonly Func<TState, byte[]> _get;

    public BufferStateField(StateFieldInfo info, Func<TState, byte[]> get)
        : base(info)
    {
        _get = get;
    }

    public override void Save(TState state, StateWriter writer) => writer.WriteBytes(CheckLength(_get(state), Info.Size, Info.Name));

    public override void Load(TState state, StateReader reader) => reader.ReadBytes(CheckLength(_get(state), Info.Size, Info.Name));

    public override void Reset(TState state) => Array.Clear(_get(state));
}
