// Generated-style table (exempt from the file-size habit): every 16-bit Thumb encoding of ARMv6-M and ARMv7-M,
// Armv7-M ARM A5.2 (ARM DDI 0403E), one line per encoding, plus BXNS/BLXNS of the ARMv8-M Security Extension
// (Armv8-M ARM C2.4). Lines sharing a group overlap on purpose and are ordered most specific first (decodetree
// "[ ]" groups); everything else must be disjoint. A core without a v8 line's feature decodes its bits as the next
// line of the group would (ThumbDecoder), so v7 cores see BX as before.
using static Nemu.Arm.Decoding.ArchFeatures;
using static Nemu.Arm.Decoding.OperandForms;
using Op = Nemu.Arm.Decoding.ThumbOp;

namespace Nemu.Arm.Decoding;

/// <summary>The 16-bit half of the decode table.</summary>
internal static class ThumbTable16
{
    private static readonly OperandForm Lsl = ShiftImm16(ShiftType.Lsl);
    private static readonly OperandForm Lsr = ShiftImm16(ShiftType.Lsr);
    private static readonly OperandForm Asr = ShiftImm16(ShiftType.Asr);
    private static readonly OperandForm Word = LsImm5(2);
    private static readonly OperandForm Half = LsImm5(1);
    private static readonly OperandForm Byte = LsImm5(0);
    private static readonly OperandForm NoOperands = OperandForms.None;

    public static ThumbEncoding[] Build() =>
    [
        // A5.2.1 Shift (immediate), add, subtract, move, and compare
        new("0000000000mmmddd", "MOV (register) T2", Op.MovReg, V6M, MovsReg16, "lsl-imm16"),
        new("00000iiiiimmmddd", "LSL (immediate) T1", Op.MovReg, V6M, Lsl, "lsl-imm16"),
        new("00001iiiiimmmddd", "LSR (immediate) T1", Op.MovReg, V6M, Lsr),
        new("00010iiiiimmmddd", "ASR (immediate) T1", Op.MovReg, V6M, Asr),
        new("0001100mmmnnnddd", "ADD (register) T1", Op.AddReg, V6M, RdRnRm16),
        new("0001101mmmnnnddd", "SUB (register) T1", Op.SubReg, V6M, RdRnRm16),
        new("0001110iiinnnddd", "ADD (immediate) T1", Op.AddImm, V6M, RdRnImm3),
        new("0001111iiinnnddd", "SUB (immediate) T1", Op.SubImm, V6M, RdRnImm3),
        new("00100dddiiiiiiii", "MOV (immediate) T1", Op.MovImm, V6M, RdImm8),
        new("00101nnniiiiiiii", "CMP (immediate) T1", Op.CmpImm, V6M, RnImm8),
        new("00110dddiiiiiiii", "ADD (immediate) T2", Op.AddImm, V6M, RdnImm8),
        new("00111dddiiiiiiii", "SUB (immediate) T2", Op.SubImm, V6M, RdnImm8),

        // A5.2.2 Data processing
        new("0100000000mmmddd", "AND (register) T1", Op.AndReg, V6M, RdnRm16),
        new("0100000001mmmddd", "EOR (register) T1", Op.EorReg, V6M, RdnRm16),
        new("0100000010mmmddd", "LSL (register) T1", Op.ShiftReg, V6M, ShiftReg16(ShiftType.Lsl)),
        new("0100000011mmmddd", "LSR (register) T1", Op.ShiftReg, V6M, ShiftReg16(ShiftType.Lsr)),
        new("0100000100mmmddd", "ASR (register) T1", Op.ShiftReg, V6M, ShiftReg16(ShiftType.Asr)),
        new("0100000101mmmddd", "ADC (register) T1", Op.AdcReg, V6M, RdnRm16),
        new("0100000110mmmddd", "SBC (register) T1", Op.SbcReg, V6M, RdnRm16),
        new("0100000111mmmddd", "ROR (register) T1", Op.ShiftReg, V6M, ShiftReg16(ShiftType.Ror)),
        new("0100001000mmmnnn", "TST (register) T1", Op.TstReg, V6M, RnRm16),
        new("0100001001nnnddd", "RSB (immediate) T1", Op.RsbImm, V6M, RsbZero16),
        new("0100001010mmmnnn", "CMP (register) T1", Op.CmpReg, V6M, RnRm16),
        new("0100001011mmmnnn", "CMN (register) T1", Op.CmnReg, V6M, RnRm16),
        new("0100001100mmmddd", "ORR (register) T1", Op.OrrReg, V6M, RdnRm16),
        new("0100001101nnnddd", "MUL T1", Op.Mul, V6M, Mul16),
        new("0100001110mmmddd", "BIC (register) T1", Op.BicReg, V6M, RdnRm16),
        new("0100001111mmmddd", "MVN (register) T1", Op.MvnReg, V6M, RdRm16S),

        // A5.2.3 Special data instructions and branch and exchange
        new("01000100dmmmmddd", "ADD (register) T2", Op.AddReg, V6M, RdnRm4),
        new("01000101nmmmmnnn", "CMP (register) T2", Op.CmpReg, V6M, RnRm4),
        new("01000110dmmmmddd", "MOV (register) T1", Op.MovReg, V6M, RdRm),
        new("010001110mmmm100", "BXNS T1", Op.Bxns, SecExt, OperandForms.Rm, "bx16"),
        new("010001110mmmmxxx", "BX T1", Op.Bx, V6M, OperandForms.Rm, "bx16"),
        new("010001111mmmm000", "BLX (register) T1", Op.Blx, V6M, OperandForms.Rm),
        new("010001111mmmm100", "BLXNS T1", Op.Blxns, SecExt, OperandForms.Rm),

        new("01001tttiiiiiiii", "LDR (literal) T1", Op.Ldr, V6M, LdrLit16),

        // A5.2.4 Load/store single data item
        new("0101000mmmnnnttt", "STR (register) T1", Op.Str, V6M, LsReg16),
        new("0101001mmmnnnttt", "STRH (register) T1", Op.Strh, V6M, LsReg16),
        new("0101010mmmnnnttt", "STRB (register) T1", Op.Strb, V6M, LsReg16),
        new("0101011mmmnnnttt", "LDRSB (register) T1", Op.Ldrsb, V6M, LsReg16),
        new("0101100mmmnnnttt", "LDR (register) T1", Op.Ldr, V6M, LsReg16),
        new("0101101mmmnnnttt", "LDRH (register) T1", Op.Ldrh, V6M, LsReg16),
        new("0101110mmmnnnttt", "LDRB (register) T1", Op.Ldrb, V6M, LsReg16),
        new("0101111mmmnnnttt", "LDRSH (register) T1", Op.Ldrsh, V6M, LsReg16),
        new("01100iiiiinnnttt", "STR (immediate) T1", Op.Str, V6M, Word),
        new("01101iiiiinnnttt", "LDR (immediate) T1", Op.Ldr, V6M, Word),
        new("01110iiiiinnnttt", "STRB (immediate) T1", Op.Strb, V6M, Byte),
        new("01111iiiiinnnttt", "LDRB (immediate) T1", Op.Ldrb, V6M, Byte),
        new("10000iiiiinnnttt", "STRH (immediate) T1", Op.Strh, V6M, Half),
        new("10001iiiiinnnttt", "LDRH (immediate) T1", Op.Ldrh, V6M, Half),
        new("10010tttiiiiiiii", "STR (immediate) T2", Op.Str, V6M, LsSp16),
        new("10011tttiiiiiiii", "LDR (immediate) T2", Op.Ldr, V6M, LsSp16),

        new("10100dddiiiiiiii", "ADR T1", Op.Adr, V6M, Adr16),
        new("10101dddiiiiiiii", "ADD (SP plus immediate) T1", Op.AddImm, V6M, AddSpImm8),

        // A5.2.5 Miscellaneous 16-bit instructions
        new("101100000iiiiiii", "ADD (SP plus immediate) T2", Op.AddImm, V6M, SpImm7),
        new("101100001iiiiiii", "SUB (SP minus immediate) T1", Op.SubImm, V6M, SpImm7),
        new("101100i1iiiiinnn", "CBZ T1", Op.Cbz, V7M, Cbz(nonZero: false)),
        new("101110i1iiiiinnn", "CBNZ T1", Op.Cbz, V7M, Cbz(nonZero: true)),
        new("1011001000mmmddd", "SXTH T1", Op.Sxth, V6M, RdRm),
        new("1011001001mmmddd", "SXTB T1", Op.Sxtb, V6M, RdRm),
        new("1011001010mmmddd", "UXTH T1", Op.Uxth, V6M, RdRm),
        new("1011001011mmmddd", "UXTB T1", Op.Uxtb, V6M, RdRm),
        new("1011010Mrrrrrrrr", "PUSH T1", Op.Stmdb, V6M, Push16),
        new("10110110011exxif", "CPS T1", Op.Cps, V6M, Cps),
        new("1011101000mmmddd", "REV T1", Op.Rev, V6M, RdRm),
        new("1011101001mmmddd", "REV16 T1", Op.Rev16, V6M, RdRm),
        new("1011101011mmmddd", "REVSH T1", Op.Revsh, V6M, RdRm),
        new("1011110Prrrrrrrr", "POP T1", Op.Ldm, V6M, Pop16),
        new("10111110iiiiiiii", "BKPT T1", Op.Bkpt, V6M, Imm),
        new("1011111100000000", "NOP T1", Op.Nop, V6M, NoOperands, "hint16"),
        new("1011111100010000", "YIELD T1", Op.Yield, V6M, NoOperands, "hint16"),
        new("1011111100100000", "WFE T1", Op.Wfe, V6M, NoOperands, "hint16"),
        new("1011111100110000", "WFI T1", Op.Wfi, V6M, NoOperands, "hint16"),
        new("1011111101000000", "SEV T1", Op.Sev, V6M, NoOperands, "hint16"),
        new("10111111xxxx0000", "NOP-compatible hint T1", Op.Nop, V6M, NoOperands, "hint16"),
        new("10111111ccccmmmm", "IT T1", Op.It, V7M, It, "hint16"),

        // A5.2.6-A5.2.8 load/store multiple, conditional branch and supervisor call, unconditional branch
        new("11000nnnrrrrrrrr", "STM T1", Op.Stm, V6M, Stm16),
        new("11001nnnrrrrrrrr", "LDM T1", Op.Ldm, V6M, Ldm16),
        new("11011110iiiiiiii", "UDF T1", Op.Udf, V6M, Imm, "bcond16"),
        new("11011111iiiiiiii", "SVC T1", Op.Svc, V6M, Imm, "bcond16"),
        new("1101cccciiiiiiii", "B T1", Op.B, V6M, BCond16, "bcond16"),
        new("11100iiiiiiiiiii", "B T2", Op.B, V6M, B16),
    ];
}
