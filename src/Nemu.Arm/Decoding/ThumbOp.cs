// The semantic operations of the Thumb instruction set of ARMv6-M/ARMv7-M (Armv7-M ARM chapter A7). Several
// encodings map to one operation (e.g. ADD (immediate) T1-T4 all become AddImm); the encoding name stays
// available through DecodedInsn.Line. The ARMv8-M block follows the system operations; the DSP (v7E-M) block
// comes next and the FP operations slot in after it.
namespace Nemu.Arm.Decoding;

/// <summary>What an instruction does; the interpreter switches on it.</summary>
public enum ThumbOp : ushort
{
    /// <summary>An UNDEFINED encoding (unallocated, or a named UNDEFINED region): UsageFault UNDEFINSTR.</summary>
    Undefined = 0,

    // Data processing: the second operand is Imm (…Imm) or Rm shifted by Shift/ShiftAmount (…Reg).
    AndImm, AndReg, BicImm, BicReg, OrrImm, OrrReg, OrnImm, OrnReg, EorImm, EorReg,
    AddImm, AddReg, AdcImm, AdcReg, SbcImm, SbcReg, SubImm, SubReg, RsbImm, RsbReg,
    MovImm, MovReg, MvnImm, MvnReg, TstImm, TstReg, TeqImm, TeqReg, CmpImm, CmpReg, CmnImm, CmnReg,

    /// <summary>LSL/LSR/ASR/ROR (register): Rd = Shift(Rn, Shift, Rm[7:0]).</summary>
    ShiftReg,

    /// <summary>ADR: Rd = Align(PC,4) ± Imm.</summary>
    Adr,

    /// <summary>MOVT: Rd[31:16] = Imm.</summary>
    MovT,

    // Multiply and divide.
    Mul, Mla, Mls, Smull, Umull, Smlal, Umlal, Sdiv, Udiv,

    // Miscellaneous data processing.
    Clz, Rbit, Rev, Rev16, Revsh, Sxtb, Sxth, Uxtb, Uxth, Bfi, Bfc, Sbfx, Ubfx, Ssat, Usat,

    // Single loads/stores: offset is Imm (or Rm LSL ShiftAmount with RegisterOperand); Rn=15 is the literal form.
    Ldr, Ldrb, Ldrh, Ldrsb, Ldrsh, Str, Strb, Strh,
    Ldrd, Strd,
    Ldrex, Ldrexb, Ldrexh, Strex, Strexb, Strexh, Clrex,

    /// <summary>LDM/LDMIA/LDMFD and POP.</summary>
    Ldm,

    /// <summary>LDMDB/LDMEA.</summary>
    Ldmdb,

    /// <summary>STM/STMIA/STMEA.</summary>
    Stm,

    /// <summary>STMDB/STMFD and PUSH.</summary>
    Stmdb,

    /// <summary>PLD/PLI: no architectural effect here (no caches), never faults.</summary>
    Preload,

    // Branches.
    B, Bl, Bx, Blx, Cbz, Tbb, Tbh,

    /// <summary>IT: Cond = firstcond, Extra = mask.</summary>
    It,

    // Hints and barriers.
    Nop, Yield, Wfe, Wfi, Sev, Dbg, Dmb, Dsb, Isb,

    // System.
    Mrs, Msr, Cps, Svc, Bkpt,

    /// <summary>UDF (permanently UNDEFINED).</summary>
    Udf,

    /// <summary>Coprocessor space without a coprocessor: UsageFault NOCP.</summary>
    NoCoprocessor,

    // ARMv8-M Mainline and Security Extension additions (Armv8-M ARM C2.4): one block, FirstV8..LastV8.
    // SG, BXNS/BLXNS (Rm), TT (Extra bit 0 = T, bit 1 = A), load-acquire/store-release (Rt, Rn; STLEX status in
    // Rd) and VLSTM/VLLDM (Rn).
    Sg, Bxns, Blxns, Tt, Lda, Ldab, Ldah, Stl, Stlb, Stlh, Ldaex, Ldaexb, Ldaexh, Stlex, Stlexb, Stlexh, Vlstm, Vlldm,

    /// <summary>First ARMv8-M operation (dispatch range).</summary>
    FirstV8 = Sg,

    /// <summary>Last ARMv8-M operation (dispatch range).</summary>
    LastV8 = Vlldm,

    // ARMv7E-M DSP (Armv7-M ARM A7.7, the instructions marked ARMv7E-M). One contiguous block, bounded by
    // FirstDsp/LastDsp for the interpreter's dispatch. Multiply variants carry their operand-half, exchange (X)
    // or round (R) selector in DecodedInsn.Extra (the encoding's bits [5:4]).
    Qadd, Qsub, Qdadd, Qdsub, Ssat16, Usat16,

    // Parallel add/subtract: prefix (S, Q, SH, U, UQ, UH) × operation (ADD16, ASX, SAX, SUB16, ADD8, SUB8), in this order.
    Sadd16, Sasx, Ssax, Ssub16, Sadd8, Ssub8,
    Qadd16, Qasx, Qsax, Qsub16, Qadd8, Qsub8,
    Shadd16, Shasx, Shsax, Shsub16, Shadd8, Shsub8,
    Uadd16, Uasx, Usax, Usub16, Uadd8, Usub8,
    Uqadd16, Uqasx, Uqsax, Uqsub16, Uqadd8, Uqsub8,
    Uhadd16, Uhasx, Uhsax, Uhsub16, Uhadd8, Uhsub8,

    Sel, Usad8, Usada8,

    // Halfword multiplies (Extra bit 1: Rn top half; bit 0: Rm top half).
    Smulxy, Smlaxy, Smulwy, Smlawy, Smlalxy,

    // Dual multiplies (Extra bit 0: X, exchange Rm's halves).
    Smuad, Smlad, Smusd, Smlsd, Smlald, Smlsld,

    // Most significant word multiplies (Extra bit 0: R, round).
    Smmul, Smmla, Smmls,

    Pkhbt, Pkhtb, Umaal,

    // Extend and add (ROR rotation in ShiftAmount); SXTB16/UXTB16 extend without adding.
    Sxtab, Sxtah, Uxtab, Uxtah, Sxtab16, Uxtab16, Sxtb16, Uxtb16,

    /// <summary>First operation of the ARMv7E-M DSP block.</summary>
    FirstDsp = Qadd,

    /// <summary>Last operation of the ARMv7E-M DSP block.</summary>
    LastDsp = Uxtb16,

    // FP extension (Armv7-M ARM A6, FPv4-SP/FPv5): operands are S or D registers by the encoding's sz bit (Raw
    // bit 8); VMLA..VFNMS and VADD..VDIV keep the pseudocode operand roles Sd/Sn/Sm in Rd/Rn/Rm.
    VMla, VMls, VNmla, VNmls, VMul, VNmul, VAdd, VSub, VDiv, VFma, VFms, VFnma, VFnms,
    VMovImm, VMovReg, VAbs, VNeg, VSqrt, VCvtHalf, VCmp, VRint, VCvtDoubleSingle, VCvtFromInt, VCvtToInt, VCvtFixed,
    VSel, VMaxNm, VMinNm, VLdr, VStr, VLdm, VStm, VMovCoreSingle, VMovCoreScalar, VMovCoreTwoSingles, VMovCoreDouble,
    Vmrs, Vmsr,

    /// <summary>First FP operation (dispatch range).</summary>
    FirstFp = VMla,

    /// <summary>Last FP operation (dispatch range).</summary>
    LastFp = Vmsr,

    /// <summary>Number of operations (array sizing).</summary>
    Count,
}
