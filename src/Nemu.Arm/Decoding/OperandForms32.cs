// The 32-bit operand forms of the Thumb decode table (Armv7-M ARM A5.3).
using static Nemu.Arm.Decoding.ThumbImmediates;

namespace Nemu.Arm.Decoding;

/// <summary>Operand forms of 32-bit encodings.</summary>
public static class OperandForms32
{
    private const InsnFlags Offset = InsnFlags.Index | InsnFlags.Add;

    // ---- data processing (modified immediate): i:imm3:imm8 → ThumbExpandImm_C ----
    public static readonly OperandForm ModImm = new("Rd,Rn,#const", "dins", static (ref x, in f) =>
    {
        x.Rd = (byte)f['d'];
        x.Rn = (byte)f['n'];
        SetModImm(ref x, in f);
    });

    public static readonly OperandForm ModImmNoRn = new("Rd,#const", "dis", static (ref x, in f) =>
    {
        x.Rd = (byte)f['d'];
        SetModImm(ref x, in f);
    });

    public static readonly OperandForm ModImmCompare = new("Rn,#const", "in", static (ref x, in f) =>
    {
        x.Rn = (byte)f['n'];
        SetModImm(ref x, in f);
        x.Flags |= InsnFlags.SetFlags;
    });

    // ---- data processing (shifted register): imm3:imm2 with type ----
    public static readonly OperandForm ShiftedReg = new("Rd,Rn,Rm,shift", "dimnsy", static (ref x, in f) =>
    {
        x.Rd = (byte)f['d'];
        x.Rn = (byte)f['n'];
        SetShiftedRm(ref x, in f);
    });

    public static readonly OperandForm ShiftedRegNoRn = new("Rd,Rm,shift", "dimsy", static (ref x, in f) =>
    {
        x.Rd = (byte)f['d'];
        SetShiftedRm(ref x, in f);
    });

    public static readonly OperandForm ShiftedRegCompare = new("Rn,Rm,shift", "imny", static (ref x, in f) =>
    {
        x.Rn = (byte)f['n'];
        SetShiftedRm(ref x, in f);
        x.Flags |= InsnFlags.SetFlags;
    });

    public static readonly OperandForm MovReg32 = new("Rd,Rm", "dms", static (ref x, in f) =>
    {
        x.Rd = (byte)f['d'];
        x.Rm = (byte)f['m'];
        SetS(ref x, in f);
    });

    public static OperandForm ShiftImm32(ShiftType type) => new("Rd,Rm,#imm (" + type + ")", type == ShiftType.Rrx ? "dms" : "dims", (ref x, in f) =>
    {
        x.Rd = (byte)f['d'];
        x.Rm = (byte)f['m'];
        (x.Shift, x.ShiftAmount) = type == ShiftType.Rrx ? (ShiftType.Rrx, (byte)1) : DecodeImmShift((uint)type, f['i']);
        SetS(ref x, in f);
    });

    // ---- data processing (plain binary immediate) ----
    public static readonly OperandForm Imm12 = new("Rd,Rn,#imm12", "din", static (ref x, in f) =>
    {
        x.Rd = (byte)f['d'];
        x.Rn = (byte)f['n'];
        x.Imm = f['i'];
    });

    public static OperandForm Adr32(bool add) => new("Rd,label", "di", (ref x, in f) =>
    {
        x.Rd = (byte)f['d'];
        x.Rn = 15;
        x.Imm = f['i'];
        if (add)
        {
            x.Flags |= InsnFlags.Add;
        }
    });

    public static readonly OperandForm MovW = new("Rd,#imm16", "dij", static (ref x, in f) =>
    {
        x.Rd = (byte)f['d'];
        x.Imm = (f['j'] << 12) | f['i'];
    });

    public static OperandForm Saturate(bool signed) => new("Rd,#sat,Rn,shift", "bdhin", (ref x, in f) =>
    {
        x.Rd = (byte)f['d'];
        x.Rn = (byte)f['n'];
        x.Ra = (byte)(f['b'] + (signed ? 1u : 0u));
        (x.Shift, x.ShiftAmount) = DecodeImmShift(f['h'] << 1, f['i']);
    });

    public static readonly OperandForm Bitfield = new("Rd,Rn,#lsb,#width", "dinw", static (ref x, in f) =>
    {
        x.Rd = (byte)f['d'];
        x.Rn = (byte)f['n'];
        x.ShiftAmount = (byte)f['i'];
        x.Ra = (byte)f['w'];
    });

    public static readonly OperandForm BitfieldClear = new("Rd,#lsb,#width", "diw", static (ref x, in f) =>
    {
        x.Rd = (byte)f['d'];
        x.Rn = 15;
        x.ShiftAmount = (byte)f['i'];
        x.Ra = (byte)f['w'];
    });

    // ---- branches and miscellaneous control ----
    public static readonly OperandForm Msr = new("spec_reg,Rn", "kns", static (ref x, in f) =>
    {
        x.Rn = (byte)f['n'];
        x.Extra = (byte)f['k'];
        x.Imm = f['s'];
    });

    public static readonly OperandForm Mrs = new("Rd,spec_reg", "ds", static (ref x, in f) =>
    {
        x.Rd = (byte)f['d'];
        x.Imm = f['s'];
    });

    public static readonly OperandForm BarrierOption = new("#option", "o", static (ref x, in f) => x.Extra = (byte)f['o']);

    public static readonly OperandForm BCond32 = new("B<c>.W label", "cijks", static (ref x, in f) =>
    {
        x.Cond = (byte)f['c'];
        var imm = (f['s'] << 20) | (f['k'] << 19) | (f['j'] << 18) | (f['i'] << 1);
        x.Imm = SignExtend(imm, 21);
    });

    public static readonly OperandForm Branch24 = new("B.W/BL label", "ijks", static (ref x, in f) =>
    {
        x.Cond = 0xE;
        var s = f['s'];
        var i1 = ~(f['j'] ^ s) & 1;
        var i2 = ~(f['k'] ^ s) & 1;
        x.Imm = SignExtend((s << 24) | (i1 << 23) | (i2 << 22) | (f['i'] << 1), 25);
    });

    // ---- load/store multiple, dual, exclusive, table branch ----
    public static readonly OperandForm Ldm32 = new("Rn{!},{list}", "MPWnr", static (ref x, in f) =>
    {
        x.Rn = (byte)f['n'];
        x.RegList = (ushort)((f['P'] << 15) | (f['M'] << 14) | f['r']);
        SetW(ref x, in f);
    });

    public static readonly OperandForm Stm32 = new("Rn{!},{list}", "MWnr", static (ref x, in f) =>
    {
        x.Rn = (byte)f['n'];
        x.RegList = (ushort)((f['M'] << 14) | f['r']);
        SetW(ref x, in f);
    });

    public static readonly OperandForm Pop32 = new("POP.W {list}", "MPr", static (ref x, in f) =>
    {
        x.Rn = 13;
        x.RegList = (ushort)((f['P'] << 15) | (f['M'] << 14) | f['r']);
        x.Flags |= InsnFlags.WriteBack;
    });

    public static readonly OperandForm Push32 = new("PUSH.W {list}", "Mr", static (ref x, in f) =>
    {
        x.Rn = 13;
        x.RegList = (ushort)((f['M'] << 14) | f['r']);
        x.Flags |= InsnFlags.WriteBack;
    });

    public static readonly OperandForm Strex = new("Rd,Rt,[Rn,#imm]", "dint", static (ref x, in f) =>
    {
        x.Rd = (byte)f['d'];
        x.Rt = (byte)f['t'];
        x.Rn = (byte)f['n'];
        x.Imm = f['i'] << 2;
    });

    public static readonly OperandForm Ldrex = new("Rt,[Rn,#imm]", "int", static (ref x, in f) =>
    {
        x.Rt = (byte)f['t'];
        x.Rn = (byte)f['n'];
        x.Imm = f['i'] << 2;
    });

    public static readonly OperandForm StrexNarrow = new("Rd,Rt,[Rn]", "dnt", static (ref x, in f) =>
    {
        x.Rd = (byte)f['d'];
        x.Rt = (byte)f['t'];
        x.Rn = (byte)f['n'];
    });

    public static readonly OperandForm LdrexNarrow = new("Rt,[Rn]", "nt", static (ref x, in f) =>
    {
        x.Rt = (byte)f['t'];
        x.Rn = (byte)f['n'];
    });

    public static readonly OperandForm TableBranch = new("[Rn,Rm]", "mn", static (ref x, in f) =>
    {
        x.Rn = (byte)f['n'];
        x.Rm = (byte)f['m'];
    });

    public static readonly OperandForm DualPre = new("Rt,Rt2,[Rn,#±imm]{!}", "UWaint", static (ref x, in f) =>
    {
        SetDual(ref x, in f);
        x.Flags |= InsnFlags.Index;
        SetW(ref x, in f);
    });

    public static readonly OperandForm DualPost = new("Rt,Rt2,[Rn],#±imm", "Uaint", static (ref x, in f) =>
    {
        SetDual(ref x, in f);
        x.Flags |= InsnFlags.WriteBack;
    });

    public static readonly OperandForm DualLiteral = new("Rt,Rt2,label", "Uait", static (ref x, in f) =>
    {
        x.Rt = (byte)f['t'];
        x.Ra = (byte)f['a'];
        x.Rn = 15;
        x.Imm = f['i'] << 2;
        x.Flags |= InsnFlags.Index | (f['U'] != 0 ? InsnFlags.Add : 0);
    });

    // ---- single loads/stores ----
    public static readonly OperandForm LsImm12 = new("Rt,[Rn,#imm12]", "int", static (ref x, in f) =>
    {
        x.Rt = (byte)f['t'];
        x.Rn = (byte)f['n'];
        x.Imm = f['i'];
        x.Flags |= Offset;
    });

    public static readonly OperandForm LsImm8 = new("Rt,[Rn,#±imm8]{!}", "PUWint", static (ref x, in f) =>
    {
        x.Rt = (byte)f['t'];
        x.Rn = (byte)f['n'];
        x.Imm = f['i'];
        x.Flags |= (f['P'] != 0 ? InsnFlags.Index : 0) | (f['U'] != 0 ? InsnFlags.Add : 0) | (f['W'] != 0 ? InsnFlags.WriteBack : 0);
    });

    public static readonly OperandForm LsUnprivileged = new("Rt,[Rn,#imm8] (T)", "int", static (ref x, in f) =>
    {
        x.Rt = (byte)f['t'];
        x.Rn = (byte)f['n'];
        x.Imm = f['i'];
        x.Flags |= Offset | InsnFlags.Unprivileged;
    });

    public static readonly OperandForm LsReg32 = new("Rt,[Rn,Rm,LSL #imm2]", "imnt", static (ref x, in f) =>
    {
        x.Rt = (byte)f['t'];
        x.Rn = (byte)f['n'];
        x.Rm = (byte)f['m'];
        x.ShiftAmount = (byte)f['i'];
        x.Flags |= Offset | InsnFlags.RegisterOperand;
    });

    public static readonly OperandForm LsLiteral = new("Rt,label", "Uit", static (ref x, in f) =>
    {
        x.Rt = (byte)f['t'];
        x.Rn = 15;
        x.Imm = f['i'];
        x.Flags |= InsnFlags.Index | (f['U'] != 0 ? InsnFlags.Add : 0);
    });

    public static readonly OperandForm PreloadImm = new("[Rn,#imm]", "in", static (ref x, in f) =>
    {
        x.Rn = (byte)f['n'];
        x.Imm = f['i'];
        x.Flags |= Offset;
    });

    public static readonly OperandForm PreloadLiteral = new("label", "Ui", static (ref x, in f) =>
    {
        x.Rn = 15;
        x.Imm = f['i'];
        x.Flags |= InsnFlags.Index | (f['U'] != 0 ? InsnFlags.Add : 0);
    });

    public static readonly OperandForm PreloadReg = new("[Rn,Rm,LSL #imm2]", "imn", static (ref x, in f) =>
    {
        x.Rn = (byte)f['n'];
        x.Rm = (byte)f['m'];
        x.ShiftAmount = (byte)f['i'];
        x.Flags |= Offset | InsnFlags.RegisterOperand;
    });

    // ---- data processing (register), multiplies, divides ----
    public static OperandForm ShiftReg32(ShiftType type) => new("Rd,Rn,Rm (" + type + ")", "dmns", (ref x, in f) =>
    {
        x.Rd = (byte)f['d'];
        x.Rn = (byte)f['n'];
        x.Rm = (byte)f['m'];
        x.Shift = type;
        SetS(ref x, in f);
    });

    public static readonly OperandForm Extend = new("Rd,Rm,ROR #rot", "dmr", static (ref x, in f) =>
    {
        x.Rd = (byte)f['d'];
        x.Rm = (byte)f['m'];
        x.ShiftAmount = (byte)(f['r'] << 3);
    });

    public static readonly OperandForm RdRmTwice = new("Rd,Rm", "dkm", static (ref x, in f) =>
    {
        x.Rd = (byte)f['d'];
        x.Rm = (byte)f['m'];
    });

    public static readonly OperandForm RdRnRm = new("Rd,Rn,Rm", "dmn", static (ref x, in f) =>
    {
        x.Rd = (byte)f['d'];
        x.Rn = (byte)f['n'];
        x.Rm = (byte)f['m'];
    });

    public static readonly OperandForm RdRnRmRa = new("Rd,Rn,Rm,Ra", "admn", static (ref x, in f) =>
    {
        x.Rd = (byte)f['d'];
        x.Rn = (byte)f['n'];
        x.Rm = (byte)f['m'];
        x.Ra = (byte)f['a'];
    });

    public static readonly OperandForm LongMultiply = new("RdLo,RdHi,Rn,Rm", "hlmn", static (ref x, in f) =>
    {
        x.Rd = (byte)f['h'];
        x.Ra = (byte)f['l'];
        x.Rn = (byte)f['n'];
        x.Rm = (byte)f['m'];
    });

    private static void SetModImm(ref DecodedInsn x, in FieldValues f)
    {
        x.Imm = ThumbExpandImm(f['i'], out var carryValid, out var carry);
        if (carryValid)
        {
            x.Flags |= InsnFlags.ImmCarryValid | (carry ? InsnFlags.ImmCarry : 0);
        }

        SetS(ref x, in f);
    }

    private static void SetShiftedRm(ref DecodedInsn x, in FieldValues f)
    {
        x.Rm = (byte)f['m'];
        (x.Shift, x.ShiftAmount) = DecodeImmShift(f['y'], f['i']);
        SetS(ref x, in f);
    }

    private static void SetS(ref DecodedInsn x, in FieldValues f)
    {
        if (f['s'] != 0)
        {
            x.Flags |= InsnFlags.SetFlags;
        }
    }

    private static void SetW(ref DecodedInsn x, in FieldValues f)
    {
        if (f['W'] != 0)
        {
            x.Flags |= InsnFlags.WriteBack;
        }
    }

    private static void SetDual(ref DecodedInsn x, in FieldValues f)
    {
        x.Rt = (byte)f['t'];
        x.Ra = (byte)f['a'];
        x.Rn = (byte)f['n'];
        x.Imm = f['i'] << 2;
        if (f['U'] != 0)
        {
            x.Flags |= InsnFlags.Add;
        }
    }
}
