// The operand forms of the Thumb decode table (Armv7-M ARM A5.2/A5.3 field layouts). Letters per form:
// d Rd, n Rn, m Rm, t Rt, a Ra/Rt2, h/l RdHi/RdLo, i j k immediate pieces, s S bit, y shift type, c cond,
// r register list, P U W index/add/wback, M/P list extra bits. Each form states its letters; the validator
// checks every line against them.
using static Nemu.Arm.Decoding.ThumbImmediates;

namespace Nemu.Arm.Decoding;

/// <summary>The shared operand forms.</summary>
public static class OperandForms
{
    private const InsnFlags Offset = InsnFlags.Index | InsnFlags.Add;

    public static readonly OperandForm None = new("none", string.Empty, static (ref _, in _) => { });

    // ---- 16-bit ----
    public static OperandForm ShiftImm16(ShiftType type) => new("Rd,Rm,#imm5 (" + type + ")", "dim", (ref x, in f) =>
    {
        x.Rd = (byte)f['d'];
        x.Rm = (byte)f['m'];
        (x.Shift, x.ShiftAmount) = DecodeImmShift((uint)type, f['i']);
        x.Flags |= InsnFlags.SetFlagsOutsideIt;
    });

    public static readonly OperandForm MovsReg16 = new("MOVS Rd,Rm", "dm", static (ref x, in f) =>
    {
        x.Rd = (byte)f['d'];
        x.Rm = (byte)f['m'];
        x.Flags |= InsnFlags.SetFlags;
    });

    public static readonly OperandForm RdRnRm16 = new("Rd,Rn,Rm", "dmn", static (ref x, in f) =>
    {
        x.Rd = (byte)f['d'];
        x.Rn = (byte)f['n'];
        x.Rm = (byte)f['m'];
        x.Flags |= InsnFlags.SetFlagsOutsideIt;
    });

    public static readonly OperandForm RdRnImm3 = new("Rd,Rn,#imm3", "din", static (ref x, in f) =>
    {
        x.Rd = (byte)f['d'];
        x.Rn = (byte)f['n'];
        x.Imm = f['i'];
        x.Flags |= InsnFlags.SetFlagsOutsideIt;
    });

    public static readonly OperandForm RdImm8 = new("Rd,#imm8", "di", static (ref x, in f) =>
    {
        x.Rd = (byte)f['d'];
        x.Imm = f['i'];
        x.Flags |= InsnFlags.SetFlagsOutsideIt;
    });

    public static readonly OperandForm RdnImm8 = new("Rdn,#imm8", "di", static (ref x, in f) =>
    {
        x.Rd = x.Rn = (byte)f['d'];
        x.Imm = f['i'];
        x.Flags |= InsnFlags.SetFlagsOutsideIt;
    });

    public static readonly OperandForm RnImm8 = new("Rn,#imm8", "in", static (ref x, in f) =>
    {
        x.Rn = (byte)f['n'];
        x.Imm = f['i'];
        x.Flags |= InsnFlags.SetFlags;
    });

    public static readonly OperandForm RdnRm16 = new("Rdn,Rm", "dm", static (ref x, in f) =>
    {
        x.Rd = x.Rn = (byte)f['d'];
        x.Rm = (byte)f['m'];
        x.Flags |= InsnFlags.SetFlagsOutsideIt;
    });

    public static OperandForm ShiftReg16(ShiftType type) => new("Rdn,Rm (" + type + ")", "dm", (ref x, in f) =>
    {
        x.Rd = x.Rn = (byte)f['d'];
        x.Rm = (byte)f['m'];
        x.Shift = type;
        x.Flags |= InsnFlags.SetFlagsOutsideIt;
    });

    public static readonly OperandForm RnRm16 = new("Rn,Rm", "mn", static (ref x, in f) =>
    {
        x.Rn = (byte)f['n'];
        x.Rm = (byte)f['m'];
        x.Flags |= InsnFlags.SetFlags;
    });

    public static readonly OperandForm RsbZero16 = new("Rd,Rn,#0", "dn", static (ref x, in f) =>
    {
        x.Rd = (byte)f['d'];
        x.Rn = (byte)f['n'];
        x.Flags |= InsnFlags.SetFlagsOutsideIt;
    });

    public static readonly OperandForm Mul16 = new("Rdm,Rn", "dn", static (ref x, in f) =>
    {
        x.Rd = x.Rm = (byte)f['d'];
        x.Rn = (byte)f['n'];
        x.Flags |= InsnFlags.SetFlagsOutsideIt;
    });

    public static readonly OperandForm RdRm16S = new("Rd,Rm (S outside IT)", "dm", static (ref x, in f) =>
    {
        x.Rd = (byte)f['d'];
        x.Rm = (byte)f['m'];
        x.Flags |= InsnFlags.SetFlagsOutsideIt;
    });

    public static readonly OperandForm RdRm = new("Rd,Rm", "dm", static (ref x, in f) =>
    {
        x.Rd = (byte)f['d'];
        x.Rm = (byte)f['m'];
    });

    public static readonly OperandForm RdnRm4 = new("Rdn,Rm (high)", "dm", static (ref x, in f) =>
    {
        x.Rd = x.Rn = (byte)f['d'];
        x.Rm = (byte)f['m'];
    });

    public static readonly OperandForm RnRm4 = new("Rn,Rm (high)", "mn", static (ref x, in f) =>
    {
        x.Rn = (byte)f['n'];
        x.Rm = (byte)f['m'];
        x.Flags |= InsnFlags.SetFlags;
    });

    public static readonly OperandForm Rm = new("Rm", "m", static (ref x, in f) => x.Rm = (byte)f['m']);

    public static readonly OperandForm LdrLit16 = new("Rt,[PC,#imm8*4]", "it", static (ref x, in f) =>
    {
        x.Rt = (byte)f['t'];
        x.Rn = 15;
        x.Imm = f['i'] << 2;
        x.Flags |= Offset;
    });

    public static readonly OperandForm LsReg16 = new("Rt,[Rn,Rm]", "mnt", static (ref x, in f) =>
    {
        x.Rt = (byte)f['t'];
        x.Rn = (byte)f['n'];
        x.Rm = (byte)f['m'];
        x.Flags |= Offset | InsnFlags.RegisterOperand;
    });

    public static OperandForm LsImm5(int scaleShift) => new("Rt,[Rn,#imm5]", "int", (ref x, in f) =>
    {
        x.Rt = (byte)f['t'];
        x.Rn = (byte)f['n'];
        x.Imm = f['i'] << scaleShift;
        x.Flags |= Offset;
    });

    public static readonly OperandForm LsSp16 = new("Rt,[SP,#imm8*4]", "it", static (ref x, in f) =>
    {
        x.Rt = (byte)f['t'];
        x.Rn = 13;
        x.Imm = f['i'] << 2;
        x.Flags |= Offset;
    });

    public static readonly OperandForm Adr16 = new("Rd,PC,#imm8*4", "di", static (ref x, in f) =>
    {
        x.Rd = (byte)f['d'];
        x.Rn = 15;
        x.Imm = f['i'] << 2;
        x.Flags |= InsnFlags.Add;
    });

    public static readonly OperandForm AddSpImm8 = new("Rd,SP,#imm8*4", "di", static (ref x, in f) =>
    {
        x.Rd = (byte)f['d'];
        x.Rn = 13;
        x.Imm = f['i'] << 2;
    });

    public static readonly OperandForm SpImm7 = new("SP,SP,#imm7*4", "i", static (ref x, in f) =>
    {
        x.Rd = x.Rn = 13;
        x.Imm = f['i'] << 2;
    });

    public static OperandForm Cbz(bool nonZero) => new("Rn,label", "in", (ref x, in f) =>
    {
        x.Rn = (byte)f['n'];
        x.Imm = f['i'] << 1;
        if (nonZero)
        {
            x.Flags |= InsnFlags.Variant;
        }
    });

    public static readonly OperandForm Push16 = new("{list,LR}", "Mr", static (ref x, in f) =>
    {
        x.Rn = 13;
        x.RegList = (ushort)(f['r'] | (f['M'] << 14));
        x.Flags |= InsnFlags.WriteBack;
    });

    public static readonly OperandForm Pop16 = new("{list,PC}", "Pr", static (ref x, in f) =>
    {
        x.Rn = 13;
        x.RegList = (ushort)(f['r'] | (f['P'] << 15));
        x.Flags |= InsnFlags.WriteBack;
    });

    public static readonly OperandForm Cps = new("CPS<effect> iflags", "efi", static (ref x, in f) =>
    {
        x.Extra = (byte)((f['i'] << 1) | f['f']);
        if (f['e'] != 0)
        {
            x.Flags |= InsnFlags.Variant;
        }
    });

    public static readonly OperandForm Imm = new("#imm", "i", static (ref x, in f) => x.Imm = f['i']);

    public static readonly OperandForm It = new("IT firstcond,mask", "cm", static (ref x, in f) =>
    {
        x.Cond = (byte)f['c'];
        x.Extra = (byte)f['m'];
    });

    public static readonly OperandForm Stm16 = new("Rn!,{list}", "nr", static (ref x, in f) =>
    {
        x.Rn = (byte)f['n'];
        x.RegList = (ushort)f['r'];
        x.Flags |= InsnFlags.WriteBack;
    });

    public static readonly OperandForm Ldm16 = new("Rn{!},{list}", "nr", static (ref x, in f) =>
    {
        x.Rn = (byte)f['n'];
        x.RegList = (ushort)f['r'];
        if ((x.RegList & (1 << x.Rn)) == 0)
        {
            x.Flags |= InsnFlags.WriteBack;
        }
    });

    public static readonly OperandForm BCond16 = new("B<c> label", "ci", static (ref x, in f) =>
    {
        x.Cond = (byte)f['c'];
        x.Imm = SignExtend(f['i'] << 1, 9);
    });

    public static readonly OperandForm B16 = new("B label", "i", static (ref x, in f) =>
    {
        x.Cond = 0xE;
        x.Imm = SignExtend(f['i'] << 1, 12);
    });
}
