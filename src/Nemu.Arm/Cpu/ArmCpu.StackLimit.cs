// ARMv8-M stack limits outside exception entry (Armv8-M ARM B3.x "Stack limit checks"; QEMU 7.2 HELPER(v8m_stackcheck)
// and TBFLAG_M32.STACKCHECK; mprofile.md §1.1 MSPLIM/PSPLIM): an instruction that would move the SP in use below its
// limit takes a UsageFault with CFSR.STKOF in the current security state's bank and has no effect. Which
// instructions check is decided by the decoder (InsnFlags.StackCheck, v8-M cores only), so v7 cores pay nothing.
// QEMU suppresses the checks while the execution priority is negative and CCR.STKOFHFNMIGN is set; that bit is not
// writable in QEMU 7.2 (mprofile.md §8.5), but the rule is kept.
using Nemu.Arm.Exceptions;

namespace Nemu.Arm.Cpu;

/// <summary>MSPLIM/PSPLIM checks of SP-writing instructions.</summary>
public sealed partial class ArmCpu
{
    /// <summary>CFSR.STKOF (UFSR bit 4).</summary>
    internal const uint CfsrStkOf = 1u << 20;

    /// <summary>QEMU's EXCP_STKOF ("v8M STKOF UsageFault" in -d int).</summary>
    private const int ExcpStkOf = 19;

    private const uint CcrStkOfHfNmIgn = 1u << 10;

    /// <summary>
    /// HELPER(v8m_stackcheck): true when <paramref name="newSp"/> is at or above the limit of the SP in use (or the
    /// check is suppressed); otherwise raises the STKOF UsageFault and returns false.
    /// </summary>
    internal bool StackLimitAllows(uint newSp)
    {
        if (newSp >= SpLimit || ((Nvic.Ccr & CcrStkOfHfNmIgn) != 0 && Nvic.ExecutionPriority() < 0))
        {
            return true;
        }

        RaiseStackOverflow();
        return false;
    }

    /// <summary>raise_exception(EXCP_STKOF): UsageFault STKOF in the current bank; the instruction has no effect.</summary>
    internal void RaiseStackOverflow()
    {
        if (ExceptionLog.Enabled)
        {
            ExceptionLog.Taking(ExcpStkOf);
        }

        RaiseFault(ExceptionNumber.UsageFault, CfsrStkOf);
    }
}
