// Implements: management.md §4.3 VMSTATE_TIMER_PTR: be64 expiry in ns, -1 when the timer is not pending.
namespace Nemu.Core.State;

/// <summary>A timer's expiry through a getter/setter pair; reset leaves the timer not pending (-1).</summary>
internal sealed class TimerStateField<TState> : StateField<TState>
    where TState : class
{
    private readonly Func<TState, long> _get;
    private readonly Action<TState, long> _set;

    public TimerStateField(StateFieldInfo info, Func<TState, long> get, Action<TState, long> set)
        : base(info)
    {
        _get = get;
        _set = set;
    }

    public override void Save(TState state, StateWriter writer) => writer.WriteUInt64((ulong)_get(state));

    public override void Load(TState state, StateReader reader) => _set(state, (long)reader.ReadUInt64());

    public override void Reset(TState state) => _set(state, -1);
}
