// The operand forms of the FP encodings (Armv7-M ARM A6.4-A6.6, A7.7; FPv5 encodings of the ARMv8-M ARM). A
// register field Vx with its extra bit X names S(Vx:X) for single precision or D(X:Vx) for double, chosen by the
// sz bit the line fixes (Raw bit 8). Rd/Rn/Rm hold FP register numbers, Rt/Ra core registers; Extra holds a
// rounding mode (FpRounding value, or FpscrRounding), a VSEL condition or a fixed-point size.
namespace Nemu.Arm.Decoding;

/// <summary>Operand forms of FP encodings.</summary>
public static class OperandFormsFp
{
    /// <summary>Extra value meaning "use FPSCR.RMode".</summary>
    public const byte FpscrRounding = 0xFF;

    public static bool IsDouble(uint raw) => (raw & 0x100) != 0;

    private static byte Reg(uint v, uint bit, bool dp) => (byte)(dp ? (bit << 4) | v : (v << 1) | bit);

    private static byte Single(uint v, uint bit) => (byte)((v << 1) | bit);

    private static byte Double(uint v, uint bit) => (byte)((bit << 4) | v);

    public static readonly OperandForm Three = new("Fd,Fn,Fm", "DdNnMm", static (ref x, in f) =>
    {
        var dp = IsDouble(f.Raw);
        x.Rd = Reg(f['d'], f['D'], dp);
        x.Rn = Reg(f['n'], f['N'], dp);
        x.Rm = Reg(f['m'], f['M'], dp);
    });

    public static readonly OperandForm Two = new("Fd,Fm", "DdMm", static (ref x, in f) =>
    {
        var dp = IsDouble(f.Raw);
        x.Rd = Reg(f['d'], f['D'], dp);
        x.Rm = Reg(f['m'], f['M'], dp);
    });

    public static readonly OperandForm MovImm = new("Fd,#imm", "Ddi", static (ref x, in f) =>
    {
        x.Rd = Reg(f['d'], f['D'], IsDouble(f.Raw));
        x.Imm = f['i'];
    });

    /// <summary>VCVTB/VCVTT: Extra = 1 for the top half; Variant = to half precision (the half is always in an S register).</summary>
    public static OperandForm Half(bool toHalf) => new("Fd,Fm (half)", "DdTMm", (ref x, in f) =>
    {
        var dp = IsDouble(f.Raw);
        x.Rd = toHalf ? Single(f['d'], f['D']) : Reg(f['d'], f['D'], dp);
        x.Rm = toHalf ? Reg(f['m'], f['M'], dp) : Single(f['m'], f['M']);
        x.Extra = (byte)f['T'];
        if (toHalf)
        {
            x.Flags |= InsnFlags.Variant;
        }
    });

    /// <summary>VCMP/VCMPE: Extra = E (quiet NaNs signal too).</summary>
    public static readonly OperandForm Compare = new("Fd,Fm (cmp)", "DdEMm", static (ref x, in f) =>
    {
        var dp = IsDouble(f.Raw);
        x.Rd = Reg(f['d'], f['D'], dp);
        x.Rm = Reg(f['m'], f['M'], dp);
        x.Extra = (byte)f['E'];
    });

    /// <summary>VCMP with #0.0: Variant marks the zero operand.</summary>
    public static readonly OperandForm CompareZero = new("Fd,#0 (cmp)", "DdE", static (ref x, in f) =>
    {
        x.Rd = Reg(f['d'], f['D'], IsDouble(f.Raw));
        x.Extra = (byte)f['E'];
        x.Flags |= InsnFlags.Variant;
    });

    /// <summary>VRINTR/Z/X: a fixed rounding (or FPSCR's); Variant = exact (VRINTX signals Inexact).</summary>
    public static OperandForm Rint(byte rounding, bool exact) => new("Fd,Fm (vrint)", "DdMm", (ref x, in f) =>
    {
        var dp = IsDouble(f.Raw);
        x.Rd = Reg(f['d'], f['D'], dp);
        x.Rm = Reg(f['m'], f['M'], dp);
        x.Extra = rounding;
        if (exact)
        {
            x.Flags |= InsnFlags.Variant;
        }
    });

    /// <summary>VRINTA/N/P/M: the rounding from the rm field.</summary>
    public static readonly OperandForm RintDirected = new("Fd,Fm (vrint rm)", "DdMmr", static (ref x, in f) =>
    {
        var dp = IsDouble(f.Raw);
        x.Rd = Reg(f['d'], f['D'], dp);
        x.Rm = Reg(f['m'], f['M'], dp);
        x.Extra = DirectedRounding(f['r']);
    });

    /// <summary>VCVT between double and single: sz=0 converts S(m) to D(d), sz=1 D(m) to S(d).</summary>
    public static readonly OperandForm DoubleSingle = new("Fd,Fm (f64<->f32)", "DdMm", static (ref x, in f) =>
    {
        var dp = IsDouble(f.Raw);
        x.Rd = dp ? Single(f['d'], f['D']) : Double(f['d'], f['D']);
        x.Rm = dp ? Double(f['m'], f['M']) : Single(f['m'], f['M']);
    });

    /// <summary>VCVT from a 32-bit integer in S(m); Signed when E.</summary>
    public static readonly OperandForm FromInt = new("Fd,Sm (from int)", "DdEMm", static (ref x, in f) =>
    {
        x.Rd = Reg(f['d'], f['D'], IsDouble(f.Raw));
        x.Rm = Single(f['m'], f['M']);
        if (f['E'] != 0)
        {
            x.Flags |= InsnFlags.Signed;
        }
    });

    /// <summary>VCVT/VCVTR to a 32-bit integer in S(d): R selects round-to-zero, else FPSCR rounding.</summary>
    public static readonly OperandForm ToInt = new("Sd,Fm (to int)", "DdMmRU", static (ref x, in f) =>
    {
        x.Rd = Single(f['d'], f['D']);
        x.Rm = Reg(f['m'], f['M'], IsDouble(f.Raw));
        x.Extra = f['R'] != 0 ? (byte)3 : FpscrRounding;
        if (f['U'] != 0)
        {
            x.Flags |= InsnFlags.Signed;
        }
    });

    /// <summary>VCVTA/N/P/M to a 32-bit integer: rounding from rm, Signed when E.</summary>
    public static readonly OperandForm ToIntDirected = new("Sd,Fm (to int rm)", "DdEMmr", static (ref x, in f) =>
    {
        x.Rd = Single(f['d'], f['D']);
        x.Rm = Reg(f['m'], f['M'], IsDouble(f.Raw));
        x.Extra = DirectedRounding(f['r']);
        if (f['E'] != 0)
        {
            x.Flags |= InsnFlags.Signed;
        }
    });

    /// <summary>VCVT between floating point and fixed point in place: Variant = to fixed, Extra = size, Imm = fraction bits.</summary>
    public static readonly OperandForm Fixed = new("Fd,Fd,#fbits", "DdoUzai", static (ref x, in f) =>
    {
        x.Rd = Reg(f['d'], f['D'], IsDouble(f.Raw));
        x.Rm = x.Rd;
        var size = f['z'] != 0 ? 32 : 16;
        x.Extra = (byte)size;
        x.Imm = (uint)(size - (int)((f['i'] << 1) | f['a']));
        if (f['o'] != 0)
        {
            x.Flags |= InsnFlags.Variant;
        }

        if (f['U'] == 0)
        {
            x.Flags |= InsnFlags.Signed;
        }
    });

    /// <summary>VSEL: Extra = cc (eq, vs, ge, gt).</summary>
    public static readonly OperandForm Select = new("Fd,Fn,Fm (vsel)", "DdNnMmc", static (ref x, in f) =>
    {
        Three.Extract(ref x, in f);
        x.Extra = (byte)f['c'];
    });

    /// <summary>VLDR/VSTR: Imm = imm8*4, Add when U.</summary>
    public static readonly OperandForm LoadStore = new("Fd,[Rn,#imm]", "UDndi", static (ref x, in f) =>
    {
        x.Rd = Reg(f['d'], f['D'], IsDouble(f.Raw));
        x.Rn = (byte)f['n'];
        x.Imm = f['i'] << 2;
        x.Flags |= InsnFlags.Index | (f['U'] != 0 ? InsnFlags.Add : 0);
    });

    /// <summary>VLDM/VSTM/VPUSH/VPOP: Rd first register, RegList = imm8 (words), Add for increment-after.</summary>
    public static OperandForm Multiple(bool increment, bool fixedWriteBack) => new("Rn!,{list}", fixedWriteBack ? "Ddni" : "DdniW", (ref x, in f) =>
    {
        x.Rd = Reg(f['d'], f['D'], IsDouble(f.Raw));
        x.Rn = (byte)f['n'];
        x.RegList = (ushort)f['i'];
        x.Flags |= increment ? InsnFlags.Add : InsnFlags.Index;
        if (fixedWriteBack || f['W'] != 0)
        {
            x.Flags |= InsnFlags.WriteBack;
        }
    });

    /// <summary>VPUSH/VPOP: the SP forms of VSTMDB/VLDMIA.</summary>
    public static OperandForm Stack(bool pop) => new("{list}", "Ddi", (ref x, in f) =>
    {
        x.Rd = Reg(f['d'], f['D'], IsDouble(f.Raw));
        x.Rn = 13;
        x.RegList = (ushort)f['i'];
        x.Flags |= (pop ? InsnFlags.Add : InsnFlags.Index) | InsnFlags.WriteBack;
    });

    /// <summary>VMOV between Rt and S(n): Variant = to the core register.</summary>
    public static readonly OperandForm CoreSingle = new("Rt,Sn", "onNt", static (ref x, in f) =>
    {
        x.Rn = Single(f['n'], f['N']);
        x.Rt = (byte)f['t'];
        if (f['o'] != 0)
        {
            x.Flags |= InsnFlags.Variant;
        }
    });

    /// <summary>VMOV Dd[x], Rt.</summary>
    public static readonly OperandForm ToScalar = new("Dd[x],Rt", "HdDt", static (ref x, in f) =>
    {
        x.Rn = Double(f['d'], f['D']);
        x.Rt = (byte)f['t'];
        x.Extra = (byte)f['H'];
    });

    /// <summary>VMOV Rt, Dn[x]: Variant = to the core register.</summary>
    public static readonly OperandForm FromScalar = new("Rt,Dn[x]", "HnNt", static (ref x, in f) =>
    {
        x.Rn = Double(f['n'], f['N']);
        x.Rt = (byte)f['t'];
        x.Extra = (byte)f['H'];
        x.Flags |= InsnFlags.Variant;
    });

    /// <summary>VMOV between Rt, Rt2 (in Ra) and S(m), S(m+1) or D(m): Variant = to the core registers.</summary>
    public static OperandForm CoreTwo(bool dp) => new("Rt,Rt2,Fm", "ouMmt", (ref x, in f) =>
    {
        x.Rm = dp ? Double(f['m'], f['M']) : Single(f['m'], f['M']);
        x.Rt = (byte)f['t'];
        x.Ra = (byte)f['u'];
        if (f['o'] != 0)
        {
            x.Flags |= InsnFlags.Variant;
        }
    });

    public static readonly OperandForm Rt = new("Rt", "t", static (ref x, in f) => x.Rt = (byte)f['t']);

    // FPDecodeRM: 00 TIEAWAY (A), 01 TIEEVEN (N), 10 POSINF (P), 11 NEGINF (M).
    private static byte DirectedRounding(uint rm) => rm switch
    {
        0 => 4,
        1 => 0,
        2 => 1,
        _ => 2,
    };
}
