// Implements: management.md §4.3, one field of a VMStateDescription (save, load, reset, vmdesc entry).
namespace Nemu.Core.State;

/// <summary>One declared field: how to write it, read it back and reset it on a state object.</summary>
internal abstract class StateField<TState>
    where TState : class
{
    protected StateField(StateFieldInfo info)
    {
        Info = info;
    }

    public StateFieldInfo Info { get; }

    public abstract void Save(TState state, StateWriter writer);

    public abstract void Load(TState state, StateReader reader);

    public abstract void Reset(TState state);

    /// <summary>Checks the live object matches the declared shape (array lengths); a mismatch is a device bug.</summary>
    protected static T[] CheckLength<T>(T[] array, int length, string field) =>
        array.Length == length
            ? array
            : throw new InvalidOperationException($"state field '{field}' holds {array.Length} element(s), its description declares {length}");
}
