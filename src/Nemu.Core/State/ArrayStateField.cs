// Implements: management.md §4.3 fixed arrays (VMSTATE_UINT16/32/64_ARRAY): element by element, no count.
using System.Runtime.CompilerServices;

namespace Nemu.Core.State;

/// <summary>A fixed-length array of unsigned integers; reset clears it to zero.</summary>
internal sealed class ArrayStateField<TState, T> : StateField<TState>
    where TState : class
    where T : unmanaged
{
    private readonly Func<TState, T[]> _get;
    private readonly int _length;

    public ArrayStateField(StateFieldInfo info, Func<TState, T[]> get, int length)
        : base(info)
    {
        _get = get;
        _length = length;
    }

    public override void Save(TState state, StateWriter writer)
    {
        var array = CheckLength(_get(state), _length, Info.Name);
        for (var i = 0; i < array.Length; i++)
        {
            writer.WriteSized(ToRaw(ref array[i]), Unsafe.SizeOf<T>());
        }
    }

    public override void Load(TState state, StateReader reader)
    {
        var array = CheckLength(_get(state), _length, Info.Name);
        for (var i = 0; i < array.Length; i++)
        {
            var raw = reader.ReadSized(Unsafe.SizeOf<T>());
            switch (Unsafe.SizeOf<T>())
            {
                case 1: Unsafe.As<T, byte>(ref array[i]) = (byte)raw; break;
                case 2: Unsafe.As<T, ushort>(ref array[i]) = (ushort)raw; break;
                case 4: Unsafe.As<T, uint>(ref array[i]) = (uint)raw; break;
                default: Unsafe.As<T, ulong>(ref array[i]) = raw; break;
            }
        }
    }

    public override void Reset(TState state) => Array.Clear(_get(state));

    private static ulong ToRaw(ref T value) => Unsafe.SizeOf<T>() switch
    {
        1 => Unsafe.As<T, byte>(ref value),
        2 => Unsafe.As<T, ushort>(ref value),
        4 => Unsafe.As<T, uint>(ref value),
        _ => Unsafe.As<T, ulong>(ref value),
    };
}
