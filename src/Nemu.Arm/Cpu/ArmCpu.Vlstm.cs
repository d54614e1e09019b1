// VLSTM / VLLDM (Armv8-M ARM C2.4; QEMU 7.2 HELPER(v7m_vlstm) / HELPER(v7m_vlldm)): Secure code saves and restores
// the FP context around a call to Non-secure code. Both do nothing unless CONTROL.SFPA is set (no Secure FP
// context). VLSTM stores S0-S15 (S0-S31 with FPCCR.TS) and FPSCR at Rn with normal data stores when lazy
// preservation is off, else records the frame for lazy stacking (UpdateFPCCR); it clears CONTROL.FPCA. VLLDM
// clears FPCCR.LSPACT if the state was never stored, else loads it back; it sets CONTROL.FPCA. The Non-secure UNDEF
// and the no-FPU NOP are decided by the interpreter. Faults: NOCP when CPACR denies access, SecureFault LSERR when
// VLSTM finds LSPACT set, UsageFault UNALIGNED for a frame not 8-byte aligned (QEMU's EXCP_NOCP, EXCP_LSERR,
// EXCP_UNALIGNED, with their "-d int" names). Not modelled: the banked FPCCR of piece B2 (the one FPCCR is used).
using Nemu.Arm.Exceptions;

namespace Nemu.Arm.Cpu;

/// <summary>VLSTM and VLLDM.</summary>
public sealed partial class ArmCpu
{
    private const int ExcpLsErr = 21, ExcpUnaligned = 22;

    /// <summary>HELPER(v7m_vlstm) with the frame address <paramref name="frame"/>; false when it faulted.</summary>
    internal bool LazyStoreMultiple(uint frame)
    {
        if (!ControlSfpa)
        {
            return true;
        }

        if (!FpAccessAllowed(IsPrivileged))
        {
            RaiseFault(ExceptionNumber.UsageFault, FaultStatus.NoCp);
            return false;
        }

        if ((Fpccr & FpccrLspact) != 0)
        {
            Nvic.Sfsr |= SfsrLsErr;
            RaiseFaultAs(ExcpLsErr, ExceptionNumber.SecureFault, 0);
            return false;
        }

        if ((frame & 7) != 0)
        {
            RaiseFaultAs(ExcpUnaligned, ExceptionNumber.UsageFault, FaultStatus.Unaligned);
            return false;
        }

        if ((Fpccr & FpccrLspen) == 0)
        {
            var ts = (Fpccr & FpccrTs) != 0;
            var count = ts ? 32 : 16;
            for (var i = 0; i < count; i++)
            {
                if (!Store(FpFrameSlot(frame, i), 4, ExtRegs[i]))
                {
                    return false;
                }
            }

            if (!Store(frame + 0x40, 4, FpscrValue))
            {
                return false;
            }

            if (ts)
            {
                Array.Clear(ExtRegs);
                FpscrValue = 0;
            }
        }
        else
        {
            UpdateFpccr(frame, IsPrivileged);
        }

        ControlFpca = false;
        return true;
    }

    /// <summary>HELPER(v7m_vlldm) with the frame address <paramref name="frame"/>; false when it faulted.</summary>
    internal bool LazyLoadMultiple(uint frame)
    {
        if (!ControlSfpa)
        {
            return true;
        }

        if (!FpAccessAllowed(IsPrivileged))
        {
            RaiseFault(ExceptionNumber.UsageFault, FaultStatus.NoCp);
            return false;
        }

        if ((Fpccr & FpccrLspact) != 0)
        {
            // The state is still in the registers: it was never stored.
            Fpccr &= ~FpccrLspact;
        }
        else
        {
            if ((frame & 7) != 0)
            {
                RaiseFaultAs(ExcpUnaligned, ExceptionNumber.UsageFault, FaultStatus.Unaligned);
                return false;
            }

            var count = (Fpccr & FpccrTs) != 0 ? 32 : 16;
            for (var i = 0; i < count; i++)
            {
                if (!Load(FpFrameSlot(frame, i), 4, out var value))
                {
                    return false;
                }

                ExtRegs[i] = value;
            }

            if (!Load(frame + 0x40, 4, out var fpscr))
            {
                return false;
            }

            FpscrValue = fpscr;
        }

        ControlFpca = true;
        return true;
    }

    // S0-S15 at +0, FPSCR at +0x40, S16-S31 from +0x48 (the extended frame layout).
    private static uint FpFrameSlot(uint frame, int register) => frame + (4u * (uint)register) + (register >= 16 ? 8u : 0);

    /// <summary>
    /// A synchronous fault whose "-d int" line is QEMU's exception <paramref name="excp"/> (not the data-abort
    /// wording ExceptionLog uses for an access fault): the status bits go to the current bank's CFSR.
    /// </summary>
    private void RaiseFaultAs(int excp, int exception, uint cfsrBits)
    {
        FaultSequence++;
        _entryCauseLogged = true;
        if (ExceptionLog.Enabled)
        {
            ExceptionLog.Taking(excp);
        }

        Nvic.Cfsr |= cfsrBits;
        if (PendOrLockUp(exception, PendRule.Normal))
        {
            RequestExceptionCheck();
        }
    }
}
