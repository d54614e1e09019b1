// Implements: management.md §4.3 scalars (VMSTATE_UINT8..64, INT8..64, BOOL): big-endian, bool as one byte.
using System.Runtime.CompilerServices;

namespace Nemu.Core.State;

/// <summary>A scalar field accessed by reference; <typeparamref name="T"/> is a 1, 2, 4 or 8 byte primitive.</summary>
internal sealed class ScalarStateField<TState, T> : StateField<TState>
    where TState : class
    where T : unmanaged
{
    private readonly StateRef<TState, T> _ref;
    private readonly T _reset;
    private readonly bool _isBool;

    public ScalarStateField(StateFieldInfo info, StateRef<TState, T> reference, T reset)
        : base(info)
    {
        _ref = reference;
        _reset = reset;
        _isBool = info.Kind == StateFieldKind.Bool;
    }

    public override void Save(TState state, StateWriter writer)
    {
        ref var value = ref _ref(state);
        writer.WriteSized(ToRaw(ref value), Unsafe.SizeOf<T>());
    }

    public override void Load(TState state, StateReader reader)
    {
        var raw = reader.ReadSized(Unsafe.SizeOf<T>());
        ref var value = ref _ref(state);
        if (_isBool)
        {
            // QEMU's get_bool accepts any non-zero byte as true; keep the bool canonical.
            Unsafe.As<T, bool>(ref value) = raw != 0;
            return;
        }

        FromRaw(ref value, raw);
    }

    public override void Reset(TState state) => _ref(state) = _reset;

    private static ulong ToRaw(ref T value) => Unsafe.SizeOf<T>() switch
    {
        1 => Unsafe.As<T, byte>(ref value),
        2 => Unsafe.As<T, ushort>(ref value),
        4 => Unsafe.As<T, uint>(ref value),
        _ => Unsafe.As<T, ulong>(ref value),
    };

    private static void FromRaw(ref T value, ulong raw)
    {
        switch (Unsafe.SizeOf<T>())
        {
            case 1: Unsafe.As<T, byte>(ref value) = (byte)raw; break;
            case 2: Unsafe.As<T, ushort>(ref value) = (ushort)raw; break;
            case 4: Unsafe.As<T, uint>(ref value) = (uint)raw; break;
            default: Unsafe.As<T, ulong>(ref value) = raw; break;
        }
    }
}
