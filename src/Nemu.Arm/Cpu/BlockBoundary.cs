// Where QEMU 7.2's Thumb translator (target/arm/translate.c) ends a translation block, for "-d in_asm/exec" block
// emulation by the interpreter: after a branch or any write to the PC (B, BL, BX, BLX, CBZ/CBNZ, TBB/TBH, LDR PC,
// LDM/POP with PC, MOV/ADD PC), after an exception-generating or undefined instruction (SVC, BKPT, UDF, NOCP),
// after WFI/WFE, after MSR and CPS (M-profile rebuilds the TB flags and looks up a new block) and after ISB; on
// ARMv8-M after BXNS/BLXNS and VLSTM/VLLDM (DISAS_UPDATE_EXIT: they change FP control state). A block
// also ends at a 1 KB target page boundary (M-profile TARGET_PAGE_BITS 10), before a 32-bit instruction that would
// cross it, and after TCG_MAX_INSNS (512) instructions. Not modelled: blocks cut by a full op buffer.
using Nemu.Arm.Decoding;

namespace Nemu.Arm.Cpu;

/// <summary>QEMU's translation-block boundaries for Thumb code.</summary>
internal static class BlockBoundary
{
    /// <summary>QEMU's target page size for M-profile CPUs.</summary>
    public const uint PageSize = 0x400;

    /// <summary>TCG_MAX_INSNS.</summary>
    public const int MaxInsns = 512;

    /// <summary>True when QEMU ends the block after <paramref name="insn"/>.</summary>
    public static bool EndsBlock(in DecodedInsn insn) => insn.Op switch
    {
        ThumbOp.B or ThumbOp.Bl or ThumbOp.Bx or ThumbOp.Blx or ThumbOp.Cbz or ThumbOp.Tbb or ThumbOp.Tbh => true,
        ThumbOp.Bxns or ThumbOp.Blxns or ThumbOp.Vlstm or ThumbOp.Vlldm => true,
        ThumbOp.Svc or ThumbOp.Bkpt or ThumbOp.Udf or ThumbOp.Undefined or ThumbOp.NoCoprocessor => true,
        ThumbOp.Wfi or ThumbOp.Wfe or ThumbOp.Msr or ThumbOp.Cps or ThumbOp.Isb => true,
        ThumbOp.Ldr => insn.Rt == 15,
        ThumbOp.Ldm or ThumbOp.Ldmdb => (insn.RegList & 0x8000) != 0,
        ThumbOp.MovReg or ThumbOp.AddReg => insn.Rd == 15,
        _ => false,
    };
}
