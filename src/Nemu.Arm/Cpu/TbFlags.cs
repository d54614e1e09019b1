// The translation-block key QEMU 7.2 prints in "-d exec" ("[cs_base/pc/flags/cflags]"), computed from the CPU state
// the way target/arm/helper.c rebuild_hflags_m32/rebuild_hflags_common and cpu_get_tb_cpu_state do for M-profile
// (target/arm/cpu.h TBFLAG_* fields). flags: TBFLAG_ANY.MMUIDX (bits 4-7: 0 user, 1 privileged, +2 when the execution
// priority is negative), FPEXC_EL (bits 8-9: 1, the FPU is absent or CPACR denies it) and ALIGN_MEM (bit 10,
// CCR.UNALIGN_TRP). cs_base: TBFLAG_M32.HANDLER (bit 0), TBFLAG_A32.NS (bit 10, always 1 without the Security
// Extension), TBFLAG_AM32.THUMB (bit 23) and CONDEXEC (bits 24-31, the IT state). cflags: CF_CLUSTER_MASK (0xff000000
// for the default cluster) and CF_NO_GOTO_TB (0x200) with -d nochain.
// TBFLAG_M32.LSPACT (bit 2) mirrors FPCCR.LSPACT (a lazily stacked FP context is waiting for PreserveFPState) and
// TBFLAG_M32.NEW_FP_CTXT_NEEDED (bit 3) is set on FP cores while FPCCR.ASPEN=1 and CONTROL.FPCA=0; FPEXC_EL drops to 0
// once CPACR.CP10 grants the current privilege level access.
// Not modelled: STACKCHECK and SECURE (v8-M), CF_USE_ICOUNT and the instruction-count bits of cflags.
using Nemu.Core.Logging;

namespace Nemu.Arm.Cpu;

/// <summary>QEMU's TB flags of the current CPU state (the values "-d exec" prints).</summary>
internal static class TbFlags
{
    private const uint ClusterDefault = 0xFF000000;
    private const uint NoGotoTb = 0x200;
    private const uint LazyFpActive = 1u << 2;
    private const uint NewFpContextNeeded = 1u << 3;

    /// <summary>The 32-bit tb->flags word.</summary>
    public static uint Flags(ArmCpu cpu)
    {
        var negativePriority = cpu.Nvic.ExecutionPriority() < 0;
        var mmuIndex = (cpu.IsPrivileged ? 1u : 0u) | (negativePriority ? 2u : 0u);
        var alignMem = (cpu.Nvic.Ccr & (1u << 3)) != 0;
        var fpExceptionLevel = cpu.FpAccessAllowed() ? 0u : 1u;
        return (mmuIndex << 4) | (fpExceptionLevel << 8) | (alignMem ? 1u << 10 : 0);
    }

    /// <summary>tb->cs_base, which holds the AArch32/M-profile flag word.</summary>
    public static uint CsBase(ArmCpu cpu) =>
        (cpu.IsHandlerMode ? 1u : 0) | ((cpu.FpccrValue & ArmCpu.FpccrLspact) != 0 ? LazyFpActive : 0)
        | (NewFpContext(cpu) ? NewFpContextNeeded : 0) | (1u << 10) | (cpu.Thumb ? 1u << 23 : 0)
        | ((uint)cpu.ItState << 24);

    // An FP instruction now would start a new FP context (FPCCR.ASPEN set, CONTROL.FPCA clear).
    private static bool NewFpContext(ArmCpu cpu) => cpu.HasFp && (cpu.FpccrValue & ArmCpu.FpccrAspen) != 0 && !cpu.ControlFpca;

    /// <summary>tb->cflags for a block translated now.</summary>
    public static uint CFlags() => ClusterDefault | (Log.IsEnabled(LogItem.Nochain) ? NoGotoTb : 0);
}
