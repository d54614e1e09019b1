// Operand forms of the ARMv7E-M DSP encodings (Armv7-M ARM A5.3.3, A5.3.11-A5.3.17). The multiply forms also
// copy the encoding's bits [5:4] to DecodedInsn.Extra: N:M (operand halves) of SMUL/SMLA/SMLAL<x><y>, M of
// SMULW/SMLAW<y>, X of the dual multiplies and R of SMMUL/SMMLA/SMMLS; each table line fixes them.
using static Nemu.Arm.Decoding.ThumbImmediates;

namespace Nemu.Arm.Decoding;

/// <summary>Operand forms of the DSP extension.</summary>
public static class OperandFormsDsp
{
    /// <summary>Rd, Rn, Rm (parallel add/subtract, SEL, saturating add/subtract, USAD8, two-operand multiplies).</summary>
    public static readonly OperandForm RdRnRmSelector = new("Rd,Rn,Rm (dsp)", "dmn", static (ref x, in f) =>
    {
        x.Rd = (byte)f['d'];
        x.Rn = (byte)f['n'];
        x.Rm = (byte)f['m'];
        x.Extra = Selector(in f);
    });

    /// <summary>Rd, Rn, Rm, Ra (accumulating multiplies, USADA8).</summary>
    public static readonly OperandForm RdRnRmRaSelector = new("Rd,Rn,Rm,Ra (dsp)", "admn", static (ref x, in f) =>
    {
        x.Rd = (byte)f['d'];
        x.Rn = (byte)f['n'];
        x.Rm = (byte)f['m'];
        x.Ra = (byte)f['a'];
        x.Extra = Selector(in f);
    });

    /// <summary>RdLo, RdHi, Rn, Rm (long multiplies): RdHi in Rd, RdLo in Ra as for <see cref="OperandForms32.LongMultiply"/>.</summary>
    public static readonly OperandForm LongMultiplySelector = new("RdLo,RdHi,Rn,Rm (dsp)", "hlmn", static (ref x, in f) =>
    {
        x.Rd = (byte)f['h'];
        x.Ra = (byte)f['l'];
        x.Rn = (byte)f['n'];
        x.Rm = (byte)f['m'];
        x.Extra = Selector(in f);
    });

    /// <summary>SSAT16/USAT16 Rd, #sat, Rn: saturate_to in Ra (sat_imm + 1 for SSAT16).</summary>
    public static OperandForm Saturate16(bool signed) => new("Rd,#sat,Rn (16)", "bdn", (ref x, in f) =>
    {
        x.Rd = (byte)f['d'];
        x.Rn = (byte)f['n'];
        x.Ra = (byte)(f['b'] + (signed ? 1u : 0u));
    });

    /// <summary>PKHBT (LSL) / PKHTB (ASR) Rd, Rn, Rm, shift.</summary>
    public static OperandForm Pack(ShiftType type) => new("Rd,Rn,Rm,shift (" + type + ")", "dimn", (ref x, in f) =>
    {
        x.Rd = (byte)f['d'];
        x.Rn = (byte)f['n'];
        x.Rm = (byte)f['m'];
        (x.Shift, x.ShiftAmount) = DecodeImmShift((uint)type, f['i']);
    });

    /// <summary>SXTAB and friends: Rd, Rn, Rm, ROR #rotation.</summary>
    public static readonly OperandForm ExtendAdd = new("Rd,Rn,Rm,ROR #rot", "dmnr", static (ref x, in f) =>
    {
        x.Rd = (byte)f['d'];
        x.Rn = (byte)f['n'];
        x.Rm = (byte)f['m'];
        x.ShiftAmount = (byte)(f['r'] << 3);
    });

    private static byte Selector(in FieldValues f) => (byte)((f.Raw >> 4) & 3);
}
