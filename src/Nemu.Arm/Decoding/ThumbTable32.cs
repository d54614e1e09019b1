// Generated-style table (exempt from the file-size habit): every 32-bit Thumb encoding of ARMv6-M and ARMv7-M,
// Armv7-M ARM A5.3 (ARM DDI 0403E), one line per encoding, plus named UNDEFINED regions. Lines sharing a group
// overlap on purpose and are ordered most specific first; all other lines are disjoint (checked by
// ThumbTableValidator). DSP (ARMv7E-M) encodings that carve out of v7-M lines are declared already with
// ThumbOp.Undefined so that a v7-M core treats them as UNDEFINED; the DSP step replaces their op.
using static Nemu.Arm.Decoding.ArchFeatures;
using static Nemu.Arm.Decoding.OperandForms32;
using Op = Nemu.Arm.Decoding.ThumbOp;

namespace Nemu.Arm.Decoding;

/// <summary>The 32-bit half of the decode table.</summary>
internal static class ThumbTable32
{
    private static readonly OperandForm None = OperandForms.None;

    public static ThumbEncoding[] Build() =>
    [
        // A5.3.5 Load Multiple and Store Multiple
        new("1110100010111101 PMxrrrrrrrrrrrrr", "POP T2", Op.Ldm, V7M, Pop32, "ldm32"),
        new("1110100010W1nnnn PMxrrrrrrrrrrrrr", "LDM T2", Op.Ldm, V7M, Ldm32, "ldm32"),
        new("1110100010W0nnnn xMxrrrrrrrrrrrrr", "STM T2", Op.Stm, V7M, Stm32),
        new("1110100100W1nnnn PMxrrrrrrrrrrrrr", "LDMDB T1", Op.Ldmdb, V7M, Ldm32),
        new("1110100100101101 xMxrrrrrrrrrrrrr", "PUSH T2", Op.Stmdb, V7M, Push32, "stmdb32"),
        new("1110100100W0nnnn xMxrrrrrrrrrrrrr", "STMDB T1", Op.Stmdb, V7M, Stm32, "stmdb32"),

        // A5.3.6 Load/store dual or exclusive, table branch
        new("111010000100nnnn ttttddddiiiiiiii", "STREX T1", Op.Strex, V7M, Strex),
        new("111010000101nnnn tttt1111iiiiiiii", "LDREX T1", Op.Ldrex, V7M, Ldrex),
        new("111010001100nnnn tttt11110100dddd", "STREXB T1", Op.Strexb, V7M, StrexNarrow),
        new("111010001100nnnn tttt11110101dddd", "STREXH T1", Op.Strexh, V7M, StrexNarrow),
        new("111010001101nnnn 111100000000mmmm", "TBB T1", Op.Tbb, V7M, TableBranch),
        new("111010001101nnnn 111100000001mmmm", "TBH T1", Op.Tbh, V7M, TableBranch),
        new("111010001101nnnn tttt111101001111", "LDREXB T1", Op.Ldrexb, V7M, LdrexNarrow),
        new("111010001101nnnn tttt111101011111", "LDREXH T1", Op.Ldrexh, V7M, LdrexNarrow),
        new("11101001U1W0nnnn ttttaaaaiiiiiiii", "STRD (immediate) T1", Op.Strd, V7M, DualPre),
        new("11101000U110nnnn ttttaaaaiiiiiiii", "STRD (immediate) T1, post-indexed", Op.Strd, V7M, DualPost),
        new("11101001U1x11111 ttttaaaaiiiiiiii", "LDRD (literal) T1", Op.Ldrd, V7M, DualLiteral, "ldrd"),
        new("11101001U1W1nnnn ttttaaaaiiiiiiii", "LDRD (immediate) T1", Op.Ldrd, V7M, DualPre, "ldrd"),
        new("11101000U111nnnn ttttaaaaiiiiiiii", "LDRD (immediate) T1, post-indexed", Op.Ldrd, V7M, DualPost),

        // A5.3.11 Data processing (shifted register)
        new("111010100001nnnn 0iii1111iiyymmmm", "TST (register) T2", Op.TstReg, V7M, ShiftedRegCompare, "and-sr"),
        new("11101010000snnnn 0iiiddddiiyymmmm", "AND (register) T2", Op.AndReg, V7M, ShiftedReg, "and-sr"),
        new("11101010001snnnn 0iiiddddiiyymmmm", "BIC (register) T2", Op.BicReg, V7M, ShiftedReg),
        new("11101010010s1111 0000dddd0000mmmm", "MOV (register) T3", Op.MovReg, V7M, MovReg32, "orr-sr"),
        new("11101010010s1111 0000dddd0011mmmm", "RRX T1", Op.MovReg, V7M, ShiftImm32(ShiftType.Rrx), "orr-sr"),
        new("11101010010s1111 0iiiddddii00mmmm", "LSL (immediate) T2", Op.MovReg, V7M, ShiftImm32(ShiftType.Lsl), "orr-sr"),
        new("11101010010s1111 0iiiddddii01mmmm", "LSR (immediate) T2", Op.MovReg, V7M, ShiftImm32(ShiftType.Lsr), "orr-sr"),
        new("11101010010s1111 0iiiddddii10mmmm", "ASR (immediate) T2", Op.MovReg, V7M, ShiftImm32(ShiftType.Asr), "orr-sr"),
        new("11101010010s1111 0iiiddddii11mmmm", "ROR (immediate) T1", Op.MovReg, V7M, ShiftImm32(ShiftType.Ror), "orr-sr"),
        new("11101010010snnnn 0iiiddddiiyymmmm", "ORR (register) T2", Op.OrrReg, V7M, ShiftedReg, "orr-sr"),
        new("11101010011s1111 0iiiddddiiyymmmm", "MVN (register) T2", Op.MvnReg, V7M, ShiftedRegNoRn, "orn-sr"),
        new("11101010011snnnn 0iiiddddiiyymmmm", "ORN (register) T1", Op.OrnReg, V7M, ShiftedReg, "orn-sr"),
        new("111010101001nnnn 0iii1111iiyymmmm", "TEQ (register) T1", Op.TeqReg, V7M, ShiftedRegCompare, "eor-sr"),
        new("11101010100snnnn 0iiiddddiiyymmmm", "EOR (register) T2", Op.EorReg, V7M, ShiftedReg, "eor-sr"),
        new("11101010110xxxxx xxxxxxxxxxxxxxxx", "PKHBT, PKHTB T1 (DSP)", Op.Undefined, Dsp, None),
        new("111010110001nnnn 0iii1111iiyymmmm", "CMN (register) T2", Op.CmnReg, V7M, ShiftedRegCompare, "add-sr"),
        new("11101011000snnnn 0iiiddddiiyymmmm", "ADD (register) T3", Op.AddReg, V7M, ShiftedReg, "add-sr"),
        new("11101011010snnnn 0iiiddddiiyymmmm", "ADC (register) T2", Op.AdcReg, V7M, ShiftedReg),
        new("11101011011snnnn 0iiiddddiiyymmmm", "SBC (register) T2", Op.SbcReg, V7M, ShiftedReg),
        new("111010111011nnnn 0iii1111iiyymmmm", "CMP (register) T3", Op.CmpReg, V7M, ShiftedRegCompare, "sub-sr"),
        new("11101011101snnnn 0iiiddddiiyymmmm", "SUB (register) T2", Op.SubReg, V7M, ShiftedReg, "sub-sr"),
        new("11101011110snnnn 0iiiddddiiyymmmm", "RSB (register) T1", Op.RsbReg, V7M, ShiftedReg),

        // A5.3.15 Coprocessor instructions: what no FP line (ThumbTableFp) claims raises NOCP (UNDEFINED for CP10/11 when enabled)
        new("111x11xxxxxxxxxx xxxxxxxxxxxxxxxx", "Coprocessor instructions", Op.NoCoprocessor, V7M, None, "cp"),

        // A5.3.1 Data processing (modified immediate)
        new("11110i000001nnnn 0iii1111iiiiiiii", "TST (immediate) T1", Op.TstImm, V7M, ModImmCompare, "and-mi"),
        new("11110i00000snnnn 0iiiddddiiiiiiii", "AND (immediate) T1", Op.AndImm, V7M, ModImm, "and-mi"),
        new("11110i00001snnnn 0iiiddddiiiiiiii", "BIC (immediate) T1", Op.BicImm, V7M, ModImm),
        new("11110i00010s1111 0iiiddddiiiiiiii", "MOV (immediate) T2", Op.MovImm, V7M, ModImmNoRn, "orr-mi"),
        new("11110i00010snnnn 0iiiddddiiiiiiii", "ORR (immediate) T1", Op.OrrImm, V7M, ModImm, "orr-mi"),
        new("11110i00011s1111 0iiiddddiiiiiiii", "MVN (immediate) T1", Op.MvnImm, V7M, ModImmNoRn, "orn-mi"),
        new("11110i00011snnnn 0iiiddddiiiiiiii", "ORN (immediate) T1", Op.OrnImm, V7M, ModImm, "orn-mi"),
        new("11110i001001nnnn 0iii1111iiiiiiii", "TEQ (immediate) T1", Op.TeqImm, V7M, ModImmCompare, "eor-mi"),
        new("11110i00100snnnn 0iiiddddiiiiiiii", "EOR (immediate) T1", Op.EorImm, V7M, ModImm, "eor-mi"),
        new("11110i010001nnnn 0iii1111iiiiiiii", "CMN (immediate) T1", Op.CmnImm, V7M, ModImmCompare, "add-mi"),
        new("11110i01000snnnn 0iiiddddiiiiiiii", "ADD (immediate) T3", Op.AddImm, V7M, ModImm, "add-mi"),
        new("11110i01010snnnn 0iiiddddiiiiiiii", "ADC (immediate) T1", Op.AdcImm, V7M, ModImm),
        new("11110i01011snnnn 0iiiddddiiiiiiii", "SBC (immediate) T1", Op.SbcImm, V7M, ModImm),
        new("11110i011011nnnn 0iii1111iiiiiiii", "CMP (immediate) T2", Op.CmpImm, V7M, ModImmCompare, "sub-mi"),
        new("11110i01101snnnn 0iiiddddiiiiiiii", "SUB (immediate) T3", Op.SubImm, V7M, ModImm, "sub-mi"),
        new("11110i01110snnnn 0iiiddddiiiiiiii", "RSB (immediate) T2", Op.RsbImm, V7M, ModImm),

        // A5.3.3 Data processing (plain binary immediate)
        new("11110i1000001111 0iiiddddiiiiiiii", "ADR T3", Op.Adr, V7M, Adr32(add: true), "addw"),
        new("11110i100000nnnn 0iiiddddiiiiiiii", "ADD (immediate) T4", Op.AddImm, V7M, Imm12, "addw"),
        new("11110i100100jjjj 0iiiddddiiiiiiii", "MOV (immediate) T3", Op.MovImm, V7M, MovW),
        new("11110i1010101111 0iiiddddiiiiiiii", "ADR T2", Op.Adr, V7M, Adr32(add: false), "subw"),
        new("11110i101010nnnn 0iiiddddiiiiiiii", "SUB (immediate) T4", Op.SubImm, V7M, Imm12, "subw"),
        new("11110i101100jjjj 0iiiddddiiiiiiii", "MOVT T1", Op.MovT, V7M, MovW),
        new("111100110010xxxx 0000xxxx00xxxxxx", "SSAT16 T1 (DSP)", Op.Undefined, Dsp, None, "ssat"),
        new("1111001100h0nnnn 0iiiddddii0bbbbb", "SSAT T1", Op.Ssat, V7M, Saturate(signed: true), "ssat"),
        new("111100110100nnnn 0iiiddddii0wwwww", "SBFX T1", Op.Sbfx, V7M, Bitfield),
        new("1111001101101111 0iiiddddii0wwwww", "BFC T1", Op.Bfc, V7M, BitfieldClear, "bfi"),
        new("111100110110nnnn 0iiiddddii0wwwww", "BFI T1", Op.Bfi, V7M, Bitfield, "bfi"),
        new("111100111010xxxx 0000xxxx00xxxxxx", "USAT16 T1 (DSP)", Op.Undefined, Dsp, None, "usat"),
        new("1111001110h0nnnn 0iiiddddii0bbbbb", "USAT T1", Op.Usat, V7M, Saturate(signed: false), "usat"),
        new("111100111100nnnn 0iiiddddii0wwwww", "UBFX T1", Op.Ubfx, V7M, Bitfield),

        // A5.3.4 Branches and miscellaneous control
        new("111100111000nnnn 1000kk00ssssssss", "MSR T1", Op.Msr, V6M, Msr, "bmisc"),
        new("1111001110101111 1000000000000000", "NOP T2", Op.Nop, V7M, None, "bmisc"),
        new("1111001110101111 1000000000000001", "YIELD T2", Op.Yield, V7M, None, "bmisc"),
        new("1111001110101111 1000000000000010", "WFE T2", Op.Wfe, V7M, None, "bmisc"),
        new("1111001110101111 1000000000000011", "WFI T2", Op.Wfi, V7M, None, "bmisc"),
        new("1111001110101111 1000000000000100", "SEV T2", Op.Sev, V7M, None, "bmisc"),
        new("1111001110101111 100000001111oooo", "DBG T1", Op.Dbg, V7M, BarrierOption, "bmisc"),
        new("1111001110101111 10000000xxxxxxxx", "NOP-compatible hint T2", Op.Nop, V7M, None, "bmisc"),
        new("1111001110111111 1000111100101111", "CLREX T1", Op.Clrex, V7M, None, "bmisc"),
        new("1111001110111111 100011110100oooo", "DSB T1", Op.Dsb, V6M, BarrierOption, "bmisc"),
        new("1111001110111111 100011110101oooo", "DMB T1", Op.Dmb, V6M, BarrierOption, "bmisc"),
        new("1111001110111111 100011110110oooo", "ISB T1", Op.Isb, V6M, BarrierOption, "bmisc"),
        new("11110011111xxxxx 10x0ddddssssssss", "MRS T1", Op.Mrs, V6M, Mrs, "bmisc"),
        new("111101111111iiii 1010iiiiiiiiiiii", "UDF T2", Op.Udf, V6M, OperandForms.Imm, "bmisc"),
        new("11110x111xxxxxxx 10x0xxxxxxxxxxxx", "UNDEFINED (branches and miscellaneous control)", Op.Undefined, V6M, None, "bmisc"),
        new("11110scccciiiiii 10j0kiiiiiiiiiii", "B T3", Op.B, V7M, BCond32, "bmisc"),
        new("11110siiiiiiiiii 10j1kiiiiiiiiiii", "B T4", Op.B, V7M, Branch24),
        new("11110xxxxxxxxxxx 11x0xxxxxxxxxxxx", "UNDEFINED (BLX immediate, not in M-profile)", Op.Undefined, V6M, None),
        new("11110siiiiiiiiii 11j1kiiiiiiiiiii", "BL T1", Op.Bl, V6M, Branch24),

        // A5.3.10 Store single data item
        new("11111000x0001111 xxxxxxxxxxxxxxxx", "UNDEFINED (STRB with Rn=PC)", Op.Undefined, V7M, None, "strb"),
        new("111110001000nnnn ttttiiiiiiiiiiii", "STRB (immediate) T2", Op.Strb, V7M, LsImm12, "strb"),
        new("111110000000nnnn tttt1110iiiiiiii", "STRBT T1", Op.Strb, V7M, LsUnprivileged, "strb"),
        new("111110000000xxxx xxxx10x0xxxxxxxx", "UNDEFINED (STRB P=0 W=0)", Op.Undefined, V7M, None, "strb"),
        new("111110000000nnnn tttt1PUWiiiiiiii", "STRB (immediate) T3", Op.Strb, V7M, LsImm8, "strb"),
        new("111110000000nnnn tttt000000iimmmm", "STRB (register) T2", Op.Strb, V7M, LsReg32, "strb"),
        new("11111000x0101111 xxxxxxxxxxxxxxxx", "UNDEFINED (STRH with Rn=PC)", Op.Undefined, V7M, None, "strh"),
        new("111110001010nnnn ttttiiiiiiiiiiii", "STRH (immediate) T2", Op.Strh, V7M, LsImm12, "strh"),
        new("111110000010nnnn tttt1110iiiiiiii", "STRHT T1", Op.Strh, V7M, LsUnprivileged, "strh"),
        new("111110000010xxxx xxxx10x0xxxxxxxx", "UNDEFINED (STRH P=0 W=0)", Op.Undefined, V7M, None, "strh"),
        new("111110000010nnnn tttt1PUWiiiiiiii", "STRH (immediate) T3", Op.Strh, V7M, LsImm8, "strh"),
        new("111110000010nnnn tttt000000iimmmm", "STRH (register) T2", Op.Strh, V7M, LsReg32, "strh"),
        new("11111000x1001111 xxxxxxxxxxxxxxxx", "UNDEFINED (STR with Rn=PC)", Op.Undefined, V7M, None, "str"),
        new("111110001100nnnn ttttiiiiiiiiiiii", "STR (immediate) T3", Op.Str, V7M, LsImm12, "str"),
        new("111110000100nnnn tttt1110iiiiiiii", "STRT T1", Op.Str, V7M, LsUnprivileged, "str"),
        new("111110000100xxxx xxxx10x0xxxxxxxx", "UNDEFINED (STR P=0 W=0)", Op.Undefined, V7M, None, "str"),
        new("111110000100nnnn tttt1PUWiiiiiiii", "STR (immediate) T4", Op.Str, V7M, LsImm8, "str"),
        new("111110000100nnnn tttt000000iimmmm", "STR (register) T2", Op.Str, V7M, LsReg32, "str"),

        // A5.3.9 Load byte, memory hints
        new("11111000U0011111 1111iiiiiiiiiiii", "PLD (literal) T1", Op.Preload, V7M, PreloadLiteral, "ldrb"),
        new("11111000U0011111 ttttiiiiiiiiiiii", "LDRB (literal) T1", Op.Ldrb, V7M, LsLiteral, "ldrb"),
        new("111110001001nnnn 1111iiiiiiiiiiii", "PLD (immediate) T1", Op.Preload, V7M, PreloadImm, "ldrb"),
        new("111110001001nnnn ttttiiiiiiiiiiii", "LDRB (immediate) T2", Op.Ldrb, V7M, LsImm12, "ldrb"),
        new("111110000001nnnn 11111100iiiiiiii", "PLD (immediate) T2", Op.Preload, V7M, PreloadImm, "ldrb"),
        new("111110000001nnnn 1111000000iimmmm", "PLD (register) T1", Op.Preload, V7M, PreloadReg, "ldrb"),
        new("111110000001nnnn tttt1110iiiiiiii", "LDRBT T1", Op.Ldrb, V7M, LsUnprivileged, "ldrb"),
        new("111110000001xxxx xxxx10x0xxxxxxxx", "UNDEFINED (LDRB P=0 W=0)", Op.Undefined, V7M, None, "ldrb"),
        new("111110000001nnnn tttt1PUWiiiiiiii", "LDRB (immediate) T3", Op.Ldrb, V7M, LsImm8, "ldrb"),
        new("111110000001nnnn tttt000000iimmmm", "LDRB (register) T2", Op.Ldrb, V7M, LsReg32, "ldrb"),
        new("11111001U0011111 1111iiiiiiiiiiii", "PLI (immediate, literal) T3", Op.Preload, V7M, PreloadLiteral, "ldrsb"),
        new("11111001U0011111 ttttiiiiiiiiiiii", "LDRSB (literal) T1", Op.Ldrsb, V7M, LsLiteral, "ldrsb"),
        new("111110011001nnnn 1111iiiiiiiiiiii", "PLI (immediate, literal) T1", Op.Preload, V7M, PreloadImm, "ldrsb"),
        new("111110011001nnnn ttttiiiiiiiiiiii", "LDRSB (immediate) T1", Op.Ldrsb, V7M, LsImm12, "ldrsb"),
        new("111110010001nnnn 11111100iiiiiiii", "PLI (immediate, literal) T2", Op.Preload, V7M, PreloadImm, "ldrsb"),
        new("111110010001nnnn 1111000000iimmmm", "PLI (register) T1", Op.Preload, V7M, PreloadReg, "ldrsb"),
        new("111110010001nnnn tttt1110iiiiiiii", "LDRSBT T1", Op.Ldrsb, V7M, LsUnprivileged, "ldrsb"),
        new("111110010001xxxx xxxx10x0xxxxxxxx", "UNDEFINED (LDRSB P=0 W=0)", Op.Undefined, V7M, None, "ldrsb"),
        new("111110010001nnnn tttt1PUWiiiiiiii", "LDRSB (immediate) T2", Op.Ldrsb, V7M, LsImm8, "ldrsb"),
        new("111110010001nnnn tttt000000iimmmm", "LDRSB (register) T2", Op.Ldrsb, V7M, LsReg32, "ldrsb"),

        // A5.3.8 Load halfword, memory hints
        new("11111000U0111111 ttttiiiiiiiiiiii", "LDRH (literal) T1", Op.Ldrh, V7M, LsLiteral, "ldrh"),
        new("111110001011nnnn ttttiiiiiiiiiiii", "LDRH (immediate) T2", Op.Ldrh, V7M, LsImm12, "ldrh"),
        new("111110000011nnnn tttt1110iiiiiiii", "LDRHT T1", Op.Ldrh, V7M, LsUnprivileged, "ldrh"),
        new("111110000011xxxx xxxx10x0xxxxxxxx", "UNDEFINED (LDRH P=0 W=0)", Op.Undefined, V7M, None, "ldrh"),
        new("111110000011nnnn tttt1PUWiiiiiiii", "LDRH (immediate) T3", Op.Ldrh, V7M, LsImm8, "ldrh"),
        new("111110000011nnnn tttt000000iimmmm", "LDRH (register) T2", Op.Ldrh, V7M, LsReg32, "ldrh"),
        new("11111001U0111111 ttttiiiiiiiiiiii", "LDRSH (literal) T1", Op.Ldrsh, V7M, LsLiteral, "ldrsh"),
        new("111110011011nnnn ttttiiiiiiiiiiii", "LDRSH (immediate) T1", Op.Ldrsh, V7M, LsImm12, "ldrsh"),
        new("111110010011nnnn tttt1110iiiiiiii", "LDRSHT T1", Op.Ldrsh, V7M, LsUnprivileged, "ldrsh"),
        new("111110010011xxxx xxxx10x0xxxxxxxx", "UNDEFINED (LDRSH P=0 W=0)", Op.Undefined, V7M, None, "ldrsh"),
        new("111110010011nnnn tttt1PUWiiiiiiii", "LDRSH (immediate) T2", Op.Ldrsh, V7M, LsImm8, "ldrsh"),
        new("111110010011nnnn tttt000000iimmmm", "LDRSH (register) T2", Op.Ldrsh, V7M, LsReg32, "ldrsh"),

        // A5.3.7 Load word
        new("11111000U1011111 ttttiiiiiiiiiiii", "LDR (literal) T2", Op.Ldr, V7M, LsLiteral, "ldr"),
        new("111110001101nnnn ttttiiiiiiiiiiii", "LDR (immediate) T3", Op.Ldr, V7M, LsImm12, "ldr"),
        new("111110000101nnnn tttt1110iiiiiiii", "LDRT T1", Op.Ldr, V7M, LsUnprivileged, "ldr"),
        new("111110000101xxxx xxxx10x0xxxxxxxx", "UNDEFINED (LDR P=0 W=0)", Op.Undefined, V7M, None, "ldr"),
        new("111110000101nnnn tttt1PUWiiiiiiii", "LDR (immediate) T4", Op.Ldr, V7M, LsImm8, "ldr"),
        new("111110000101nnnn tttt000000iimmmm", "LDR (register) T2", Op.Ldr, V7M, LsReg32, "ldr"),

        // A5.3.12 Data processing (register)
        new("11111010000snnnn 1111dddd0000mmmm", "LSL (register) T2", Op.ShiftReg, V7M, ShiftReg32(ShiftType.Lsl)),
        new("11111010001snnnn 1111dddd0000mmmm", "LSR (register) T2", Op.ShiftReg, V7M, ShiftReg32(ShiftType.Lsr)),
        new("11111010010snnnn 1111dddd0000mmmm", "ASR (register) T2", Op.ShiftReg, V7M, ShiftReg32(ShiftType.Asr)),
        new("11111010011snnnn 1111dddd0000mmmm", "ROR (register) T2", Op.ShiftReg, V7M, ShiftReg32(ShiftType.Ror)),
        new("1111101000001111 1111dddd1xrrmmmm", "SXTH T2", Op.Sxth, V7M, Extend),
        new("1111101000011111 1111dddd1xrrmmmm", "UXTH T2", Op.Uxth, V7M, Extend),
        new("1111101001001111 1111dddd1xrrmmmm", "SXTB T2", Op.Sxtb, V7M, Extend),
        new("1111101001011111 1111dddd1xrrmmmm", "UXTB T2", Op.Uxtb, V7M, Extend),
        new("111110101001kkkk 1111dddd1000mmmm", "REV T2", Op.Rev, V7M, RdRmTwice),
        new("111110101001kkkk 1111dddd1001mmmm", "REV16 T2", Op.Rev16, V7M, RdRmTwice),
        new("111110101001kkkk 1111dddd1010mmmm", "RBIT T1", Op.Rbit, V7M, RdRmTwice),
        new("111110101001kkkk 1111dddd1011mmmm", "REVSH T2", Op.Revsh, V7M, RdRmTwice),
        new("111110101011kkkk 1111dddd1000mmmm", "CLZ T1", Op.Clz, V7M, RdRmTwice),

        // A5.3.16 Multiply, multiply accumulate, and absolute difference
        new("111110110000nnnn 1111dddd0000mmmm", "MUL T2", Op.Mul, V7M, RdRnRm, "mla"),
        new("111110110000nnnn aaaadddd0000mmmm", "MLA T1", Op.Mla, V7M, RdRnRmRa, "mla"),
        new("111110110000nnnn aaaadddd0001mmmm", "MLS T1", Op.Mls, V7M, RdRnRmRa),

        // A5.3.17 Long multiply, long multiply accumulate, and divide
        new("111110111000nnnn llllhhhh0000mmmm", "SMULL T1", Op.Smull, V7M, LongMultiply),
        new("111110111001nnnn 1111dddd1111mmmm", "SDIV T1", Op.Sdiv, V7M, RdRnRm),
        new("111110111010nnnn llllhhhh0000mmmm", "UMULL T1", Op.Umull, V7M, LongMultiply),
        new("111110111011nnnn 1111dddd1111mmmm", "UDIV T1", Op.Udiv, V7M, RdRnRm),
        new("111110111100nnnn llllhhhh0000mmmm", "SMLAL T1", Op.Smlal, V7M, LongMultiply),
        new("111110111110nnnn llllhhhh0000mmmm", "UMLAL T1", Op.Umlal, V7M, LongMultiply),
    ];
}
