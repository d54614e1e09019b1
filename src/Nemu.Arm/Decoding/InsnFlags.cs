// Boolean operands of a decoded instruction (Armv7-M ARM pseudocode names: setflags, index, add, wback).
namespace Nemu.Arm.Decoding;

/// <summary>Flags carried by a <see cref="DecodedInsn"/>.</summary>
[Flags]
public enum InsnFlags : ushort
{
    None = 0,

    /// <summary>setflags is TRUE.</summary>
    SetFlags = 1 << 0,

    /// <summary>A 16-bit encoding whose setflags is !InITBlock(): the interpreter decides at execution time.</summary>
    SetFlagsOutsideIt = 1 << 1,

    /// <summary>index: the offset is applied before the access.</summary>
    Index = 1 << 2,

    /// <summary>add: the offset is added (else subtracted).</summary>
    Add = 1 << 3,

    /// <summary>wback: the base register is written back.</summary>
    WriteBack = 1 << 4,

    /// <summary>ThumbExpandImm_C produced a carry out (<see cref="ImmCarry"/> holds it); else carry is unchanged.</summary>
    ImmCarryValid = 1 << 5,

    /// <summary>The carry out of ThumbExpandImm_C.</summary>
    ImmCarry = 1 << 6,

    /// <summary>An unprivileged (LDRT/STRT) access.</summary>
    Unprivileged = 1 << 7,

    /// <summary>The second operand is a register (Rm), not the immediate.</summary>
    RegisterOperand = 1 << 8,

    /// <summary>Signed variant (loads: sign-extend; multiplies/divides: signed).</summary>
    Signed = 1 << 9,

    /// <summary>Branch with link.</summary>
    Link = 1 << 10,

    /// <summary>CBNZ (branch if non-zero) / TBH (halfword table) / CPSID (disable) variant selector.</summary>
    Variant = 1 << 11,

    /// <summary>
    /// The instruction writes SP and is checked against the v8-M stack limit (set by the decoder for V8M cores
    /// only, following QEMU's v8m_stackcheck call sites; ThumbInterpreter.StackLimit.cs).
    /// </summary>
    StackCheck = 1 << 12,
}
