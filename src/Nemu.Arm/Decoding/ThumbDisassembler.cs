// A Thumb disassembler driven by the decode table (the same lines and DecodedInsn the interpreter uses), for
// -d in_asm and the monitor. Text follows the capstone style QEMU prints ("ldr      r0, [pc, #0x10]"):
// mnemonic padded to 8 columns, lower-case registers, hexadecimal immediates. Not exact capstone output yet:
// alias choices (e.g. "negs" for RSB #0) and some operand spellings differ. The ARMv8-M additions are in
// ThumbDisassembler.V8.cs.
using System.Globalization;
using System.Text;

namespace Nemu.Arm.Decoding;

/// <summary>Formats decoded Thumb instructions as assembler text.</summary>
public static partial class ThumbDisassembler
{
    private static readonly string[] RegNames = ["r0", "r1", "r2", "r3", "r4", "r5", "r6", "r7", "r8", "sb", "sl", "fp", "ip", "sp", "lr", "pc"];
    private static readonly string[] CondNames = ["eq", "ne", "hs", "lo", "mi", "pl", "vs", "vc", "hi", "ls", "ge", "lt", "gt", "le", "", ""];
    private static readonly string[] ShiftNames = ["lsl", "lsr", "asr", "ror", "rrx"];

    private static readonly Dictionary<string, string> MnemonicOverrides = new(StringComparer.Ordinal)
    {
        ["ADD (immediate) T4"] = "addw",
        ["SUB (immediate) T4"] = "subw",
        ["MOV (immediate) T3"] = "movw",
        ["NOP-compatible hint T1"] = "nop",
        ["NOP-compatible hint T2"] = "nop",
        ["LSL (immediate) T1"] = "lsl",
        ["LSR (immediate) T1"] = "lsr",
        ["ASR (immediate) T1"] = "asr",
        ["RSB (immediate) T1"] = "rsb",
        ["Coprocessor instructions"] = "cdp",
    };

    private static readonly HashSet<string> Has16BitForm = [.. ThumbEncodingTable.Lines.Where(l => l.Length == 2).Select(MnemonicOf)];

    /// <summary>Decodes and formats the instruction at <paramref name="pc"/>.</summary>
    public static string Disassemble(ushort hw1, ushort hw2, uint pc, ArchFeatures features = ArchFeatures.V6M | ArchFeatures.V7M)
    {
        ThumbDecoder.Decode(hw1, hw2, features, out var insn);
        return Format(in insn, pc);
    }

    /// <summary>The mnemonic alone (with S and condition suffixes, without .w/.n), as the oracle test compares it.</summary>
    public static string Mnemonic(in DecodedInsn insn)
    {
        if (insn.Op == ThumbOp.Undefined)
        {
            return "undefined";
        }

        var line = ThumbEncodingTable.Lines[insn.Line];
        var m = MnemonicOf(line);
        switch (insn.Op)
        {
            case ThumbOp.B:
                return "b" + CondNames[insn.Cond];
            case ThumbOp.It:
                return ItMnemonic(insn.Cond, insn.Extra);
            case ThumbOp.Cps:
                return insn.Has(InsnFlags.Variant) ? "cpsid" : "cpsie";
            case ThumbOp.Cbz:
                return insn.Has(InsnFlags.Variant) ? "cbnz" : "cbz";
            case ThumbOp.Tt:
                return TtMnemonics[insn.Extra & 3];
            case ThumbOp.TstImm or ThumbOp.TstReg or ThumbOp.TeqImm or ThumbOp.TeqReg or ThumbOp.CmpImm or ThumbOp.CmpReg
                or ThumbOp.CmnImm or ThumbOp.CmnReg:
                return m;
        }

        if (insn.Has(InsnFlags.SetFlags) || insn.Has(InsnFlags.SetFlagsOutsideIt))
        {
            m += "s";
        }

        return m;
    }

    /// <summary>Formats <paramref name="insn"/> located at <paramref name="pc"/>.</summary>
    public static string Format(in DecodedInsn insn, uint pc) => Format(in insn, pc, -1);

    /// <summary>
    /// Formats <paramref name="insn"/> as capstone prints it in QEMU's "-d in_asm" (CapstoneSyntax has the rules);
    /// <paramref name="itCondition"/> is the condition of the enclosing IT block, or -1 outside one.
    /// </summary>
    public static string FormatCapstone(in DecodedInsn insn, uint pc, int itCondition) =>
        insn.Op is ThumbOp.Sg or ThumbOp.Bxns or ThumbOp.Blxns or ThumbOp.Tt or ThumbOp.Vlstm or ThumbOp.Vlldm
            ? FormatAsCapstoneSees(in insn, pc, itCondition)
            : Format(in insn, pc, itCondition);

    private static string Format(in DecodedInsn insn, uint pc, int itCondition)
    {
        if (insn.Op == ThumbOp.Undefined)
        {
            return insn.Length == 4 ? $"udf      #0x{insn.Raw:x8} (undefined)" : $"udf      #0x{insn.Raw:x4} (undefined)";
        }

        if (insn.Op is >= ThumbOp.FirstFp and <= ThumbOp.LastFp)
        {
            return ThumbDisassemblerFp.Format(in insn);
        }

        var line = ThumbEncodingTable.Lines[insn.Line];
        var m = Mnemonic(in insn);
        if (itCondition >= 0)
        {
            m = CapstoneSyntax.InItBlock(in insn, m, CondNames[itCondition & 15]);
        }

        if (insn.Length == 4 && Has16BitForm.Contains(MnemonicOf(line)) && insn.Op is not (ThumbOp.Bl or ThumbOp.Mrs or ThumbOp.Msr)
            && CapstoneSyntax.HasWideSuffix(in insn))
        {
            m += ".w";
        }

        var ops = CapstoneSyntax.TwoOperandForm(line.Name, in insn) ?? Operands(in insn, pc);
        return ops.Length == 0 ? m : m.PadRight(8) + " " + ops;
    }

    private static string MnemonicOf(ThumbEncoding line) =>
        MnemonicOverrides.TryGetValue(line.Name, out var m) ? m : line.Mnemonic;

    private static string ItMnemonic(byte firstCond, byte mask)
    {
        var sb = new StringBuilder("it");
        var tz = System.Numerics.BitOperations.TrailingZeroCount(mask);
        for (var bit = 3; bit > tz; bit--)
        {
            sb.Append((((mask >> bit) & 1) == (firstCond & 1)) ? 't' : 'e');
        }

        return sb.ToString();
    }

    internal static string R(int r) => RegNames[r & 15];

    internal static string Hex(uint v) => v < 10 ? v.ToString(CultureInfo.InvariantCulture) : "0x" + v.ToString("x", CultureInfo.InvariantCulture);

    // Capstone prints negative offsets in hexadecimal whatever their size ("#-0x1").
    private static string SignedHex(uint v, bool add) => add ? "#" + Hex(v) : "#-0x" + v.ToString("x", CultureInfo.InvariantCulture);

    private static string ShiftSuffix(in DecodedInsn x) => x.Shift switch
    {
        ShiftType.Rrx => ", rrx",
        ShiftType.Lsl when x.ShiftAmount == 0 => string.Empty,
        _ => $", {ShiftNames[(int)x.Shift]} #{x.ShiftAmount}",
    };

    private static string RegList(ushort list)
    {
        var parts = new List<string>();
        for (var i = 0; i < 16; i++)
        {
            if ((list & (1 << i)) != 0)
            {
                parts.Add(R(i));
            }
        }

        return "{" + string.Join(", ", parts) + "}";
    }

    private static string Address(in DecodedInsn x, uint pc)
    {
        var wb = x.Has(InsnFlags.WriteBack);
        if (x.Has(InsnFlags.RegisterOperand))
        {
            return x.ShiftAmount == 0 ? $"[{R(x.Rn)}, {R(x.Rm)}]" : $"[{R(x.Rn)}, {R(x.Rm)}, lsl #{x.ShiftAmount}]";
        }

        var imm = SignedHex(x.Imm, x.Has(InsnFlags.Add));
        if (!x.Has(InsnFlags.Index))
        {
            return $"[{R(x.Rn)}], {imm}";
        }

        if (x.Imm == 0 && x.Has(InsnFlags.Add) && !wb)
        {
            return $"[{R(x.Rn)}]";
        }

        return $"[{R(x.Rn)}, {imm}]" + (wb ? "!" : string.Empty);
    }

    private static string Operands(in DecodedInsn x, uint pc)
    {
        var target = pc + 4 + x.Imm;
        switch (x.Op)
        {
            case ThumbOp.AndImm or ThumbOp.BicImm or ThumbOp.OrrImm or ThumbOp.OrnImm or ThumbOp.EorImm or ThumbOp.AddImm
                or ThumbOp.AdcImm or ThumbOp.SbcImm or ThumbOp.SubImm or ThumbOp.RsbImm:
                return $"{R(x.Rd)}, {R(x.Rn)}, #{Hex(x.Imm)}";
            case ThumbOp.MovImm or ThumbOp.MvnImm or ThumbOp.MovT:
                return $"{R(x.Rd)}, #{Hex(x.Imm)}";
            case ThumbOp.TstImm or ThumbOp.TeqImm or ThumbOp.CmpImm or ThumbOp.CmnImm:
                return $"{R(x.Rn)}, #{Hex(x.Imm)}";
            case ThumbOp.AndReg or ThumbOp.BicReg or ThumbOp.OrrReg or ThumbOp.OrnReg or ThumbOp.EorReg or ThumbOp.AddReg
                or ThumbOp.AdcReg or ThumbOp.SbcReg or ThumbOp.SubReg or ThumbOp.RsbReg:
                return $"{R(x.Rd)}, {R(x.Rn)}, {R(x.Rm)}{ShiftSuffix(in x)}";
            case ThumbOp.MovReg:
                return x.Shift is ShiftType.Rrx || (x.Shift == ShiftType.Lsl && x.ShiftAmount == 0)
                    ? $"{R(x.Rd)}, {R(x.Rm)}"
                    : $"{R(x.Rd)}, {R(x.Rm)}, #{Hex(x.ShiftAmount)}";
            case ThumbOp.MvnReg:
                return $"{R(x.Rd)}, {R(x.Rm)}{ShiftSuffix(in x)}";
            case ThumbOp.TstReg or ThumbOp.TeqReg or ThumbOp.CmpReg or ThumbOp.CmnReg:
                return $"{R(x.Rn)}, {R(x.Rm)}{ShiftSuffix(in x)}";
            case ThumbOp.ShiftReg or ThumbOp.Mul or ThumbOp.Sdiv or ThumbOp.Udiv:
                return $"{R(x.Rd)}, {R(x.Rn)}, {R(x.Rm)}";
            case ThumbOp.Mla or ThumbOp.Mls:
                return $"{R(x.Rd)}, {R(x.Rn)}, {R(x.Rm)}, {R(x.Ra)}";
            case ThumbOp.Smull or ThumbOp.Umull or ThumbOp.Smlal or ThumbOp.Umlal:
                return $"{R(x.Ra)}, {R(x.Rd)}, {R(x.Rn)}, {R(x.Rm)}";
            case ThumbOp.Adr:
                return $"{R(x.Rd)}, #0x{((pc + 4) & ~3u) + (x.Has(InsnFlags.Add) ? x.Imm : (uint)-x.Imm):x}";
            case ThumbOp.Clz or ThumbOp.Rbit or ThumbOp.Rev or ThumbOp.Rev16 or ThumbOp.Revsh:
                return $"{R(x.Rd)}, {R(x.Rm)}";
            case ThumbOp.Sxtb or ThumbOp.Sxth or ThumbOp.Uxtb or ThumbOp.Uxth:
                return x.ShiftAmount == 0 ? $"{R(x.Rd)}, {R(x.Rm)}" : $"{R(x.Rd)}, {R(x.Rm)}, ror #{x.ShiftAmount}";
            case ThumbOp.Bfi:
                return $"{R(x.Rd)}, {R(x.Rn)}, #{x.ShiftAmount}, #{x.Ra - x.ShiftAmount + 1}";
            case ThumbOp.Bfc:
                return $"{R(x.Rd)}, #{x.ShiftAmount}, #{x.Ra - x.ShiftAmount + 1}";
            case ThumbOp.Sbfx or ThumbOp.Ubfx:
                return $"{R(x.Rd)}, {R(x.Rn)}, #{x.ShiftAmount}, #{x.Ra + 1}";
            case ThumbOp.Ssat or ThumbOp.Usat:
                return $"{R(x.Rd)}, #{x.Ra}, {R(x.Rn)}{ShiftSuffix(in x)}";
            case ThumbOp.Ldr or ThumbOp.Ldrb or ThumbOp.Ldrh or ThumbOp.Ldrsb or ThumbOp.Ldrsh or ThumbOp.Str or ThumbOp.Strb or ThumbOp.Strh:
                return $"{R(x.Rt)}, {Address(in x, pc)}";
            case ThumbOp.Ldrd or ThumbOp.Strd:
                return $"{R(x.Rt)}, {R(x.Ra)}, {Address(in x, pc)}";
            case ThumbOp.Preload:
                return Address(in x, pc);
            case ThumbOp.Ldrex:
                return x.Imm == 0 ? $"{R(x.Rt)}, [{R(x.Rn)}]" : $"{R(x.Rt)}, [{R(x.Rn)}, #{Hex(x.Imm)}]";
            case ThumbOp.Ldrexb or ThumbOp.Ldrexh:
                return $"{R(x.Rt)}, [{R(x.Rn)}]";
            case ThumbOp.Strex:
                return x.Imm == 0 ? $"{R(x.Rd)}, {R(x.Rt)}, [{R(x.Rn)}]" : $"{R(x.Rd)}, {R(x.Rt)}, [{R(x.Rn)}, #{Hex(x.Imm)}]";
            case ThumbOp.Strexb or ThumbOp.Strexh:
                return $"{R(x.Rd)}, {R(x.Rt)}, [{R(x.Rn)}]";
            case ThumbOp.Tbb:
                return $"[{R(x.Rn)}, {R(x.Rm)}]";
            case ThumbOp.Tbh:
                return $"[{R(x.Rn)}, {R(x.Rm)}, lsl #1]";
            case ThumbOp.Ldm or ThumbOp.Ldmdb or ThumbOp.Stm or ThumbOp.Stmdb:
                var name = ThumbEncodingTable.Lines[x.Line].Name;
                return name.StartsWith("PUSH", StringComparison.Ordinal) || name.StartsWith("POP", StringComparison.Ordinal)
                    ? RegList(x.RegList)
                    : $"{R(x.Rn)}{(x.Has(InsnFlags.WriteBack) ? "!" : string.Empty)}, {RegList(x.RegList)}";
            case ThumbOp.B or ThumbOp.Bl:
                return $"#0x{target:x}";
            case ThumbOp.Cbz:
                return $"{R(x.Rn)}, #0x{target:x}";
            case ThumbOp.Bx or ThumbOp.Blx:
                return R(x.Rm);
            case ThumbOp.It:
                return CondNames[x.Cond];
            case ThumbOp.Svc or ThumbOp.Bkpt or ThumbOp.Udf:
                return "#" + Hex(x.Imm);
            case ThumbOp.Dmb or ThumbOp.Dsb or ThumbOp.Isb:
                return x.Extra == 15 ? "sy" : "#" + x.Extra;
            case ThumbOp.Dbg:
                return "#" + x.Extra;
            case ThumbOp.Cps:
                return ((x.Extra & 2) != 0 ? "i" : string.Empty) + ((x.Extra & 1) != 0 ? "f" : string.Empty);
            case ThumbOp.Mrs:
                return $"{R(x.Rd)}, {SpecialRegisters.Name(x.Imm)}";
            case ThumbOp.Msr:
                return $"{SpecialRegisters.Name(x.Imm)}, {R(x.Rn)}";
            case >= ThumbOp.FirstV8 and <= ThumbOp.LastV8:
                return V8Operands(in x);
            default:
                return DspOperands(in x);
        }
    }
}
