// Implements: management.md §4.3 VMSTATE_* field kinds that Nemu devices use.
// Not modelled: pointers, variable arrays (VARRAY_*), VBUFFER, QTAILQ/GTREE containers, _EQUAL checks.
namespace Nemu.Core.State;

/// <summary>The encoding of one field of a <see cref="StateDescription{TState}"/>.</summary>
public enum StateFieldKind : byte
{
    UInt8,
    UInt16,
    UInt32,
    UInt64,
    Int8,
    Int16,
    Int32,
    Int64,
    Bool,

    /// <summary>A fixed-size byte buffer, written raw (VMSTATE_BUFFER).</summary>
    Buffer,

    /// <summary>A fixed-length array of unsigned integers, element by element (VMSTATE_UINT32_ARRAY etc.).</summary>
    Array,

    /// <summary>A nested description, written inline with its own subsections (VMSTATE_STRUCT).</summary>
    Struct,

    /// <summary>A fixed-length array of nested descriptions (VMSTATE_STRUCT_ARRAY).</summary>
    StructArray,

    /// <summary>A timer's expiry in ns as be64, -1 when not pending (VMSTATE_TIMER_PTR).</summary>
    Timer,
}
