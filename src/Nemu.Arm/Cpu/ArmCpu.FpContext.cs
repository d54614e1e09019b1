// FP context on exception entry and return (Armv7-M ARM B1.5.7 PushStack/UpdateFPCCR, B1.5.8 ExceptionReturn,
// B1.5.7 PreserveFPState; mprofile.md §2.3 step 7, §3 step 17, §3.6), as QEMU 7.2 does it (m_helper.c v7m_push_stack,
// v7m_update_fpccr, do_v7m_exception_exit, v7m_preserve_fp_state):
// - entry with CONTROL.FPCA: FPCCR.LSPEN=0 writes S0-S15 at frame+0x20 and FPSCR at +0x60 (+0x64 is reserved and
//   not written), then zeroes them when CPACR allows the interrupted code FP access (NOCP UsageFault otherwise);
//   LSPEN=1 writes nothing and records the lazy context in FPCAR/FPCCR (LSPACT, USER, THREAD and the ready bits);
// - return with EXC_RETURN.FTYPE=0: LSPACT still set means the registers were never saved, so only LSPACT is
//   cleared; otherwise S0-S15/FPSCR are popped (a failed pop zeroes them), after a CPACR check for the returning
//   privilege that tail-chains a NOCP UsageFault on the existing frame;
// - PreserveFPState, run by the first FP instruction while LSPACT is set: writes the registers at FPCAR with the
//   saved context's privilege; a fault that can preempt now is taken before the instruction executes ("Taking
//   exception 20"), LSPACT staying set so the instruction retries the save after the handler.
// Not modelled: the Security Extension variants (FPCCR.S/TS/SFRDY, NSACR, S16-S31 frames, LSERR) and MVE's VPR.
using Nemu.Arm.Exceptions;

namespace Nemu.Arm.Cpu;

/// <summary>FP context stacking.</summary>
public sealed partial class ArmCpu
{
    // The FPCCR bits v7m_update_fpccr recomputes on a lazy entry (FPCCR.S is always 0 without the Security Extension).
    // QEMU's EXCP_LAZYFP, the exception number "-d int" names when a lazy-stacking fault is taken at once.
    private const int ExcpLazyFp = 20;

    private const uint FpccrLazyEntryBits = FpccrLspact | FpccrUser | FpccrThread | FpccrHfRdy | FpccrMmRdy | FpccrBfRdy
        | FpccrMonRdy | FpccrUfRdy;

    /// <summary>
    /// The FP part of PushStack when CONTROL.FPCA is set: the frame at <paramref name="frame"/> has room for the
    /// extended words at +0x20. <paramref name="privileged"/> and <paramref name="negPri"/> describe the interrupted
    /// context (the stack owner); <paramref name="stackedOk"/> is false once an earlier write failed, which stops any
    /// further write (ignore_stackfaults is the caller's business).
    /// </summary>
    /// <returns>Whether every write so far succeeded (false also when a NOCP UsageFault was pended).</returns>
    internal bool PushFpContext(uint frame, bool privileged, bool negPri, bool stackedOk)
    {
        if ((Fpccr & FpccrLspen) != 0)
        {
            UpdateFpccr(frame + 0x20, privileged);
            return stackedOk;
        }

        var accessAllowed = FpAccessAllowed(privileged);
        if (stackedOk && !accessAllowed)
        {
            ExceptionLog.WriteIfEnabled("...UsageFault with CFSR.NOCP because CPACR.CP10 prevents stacking FP regs");
            PendOrLockUp(ExceptionNumber.UsageFault, PendRule.Normal);

            Nvic.Cfsr |= FaultStatus.NoCp;
            stackedOk = false;
        }

        var regs = ExtRegs;
        for (var i = 0; i < 16 && stackedOk; i++)
        {
            stackedOk = StackWrite(frame + 0x20 + (4u * (uint)i), regs[i], privileged, negPri, StackMode.Normal);
        }

        stackedOk = stackedOk && StackWrite(frame + 0x60, Fpscr, privileged, negPri, StackMode.Normal);
        if (accessAllowed)
        {
            Array.Clear(regs, 0, 16);
            Fpscr = 0;
        }

        return stackedOk;
    }

    /// <summary>
    /// The FP part of the return pop when EXC_RETURN.FTYPE is 0, for the frame at <paramref name="frame"/> popped with
    /// the returning context's <paramref name="privileged"/>/<paramref name="negPri"/>. A failed read pends its fault
    /// (StackRead) and zeroes S0-S15/FPSCR, but the return goes on, as in QEMU.
    /// </summary>
    /// <returns>
    /// False when CPACR denies the returning context FP access: a NOCP UsageFault is pended and logged, and the caller
    /// must tail-chain to it on the existing frame (ExceptionTaken(excret, tailChain: true, ignore: false)).
    /// </returns>
    internal bool PopFpContext(uint frame, bool privileged, bool negPri)
    {
        if ((Fpccr & FpccrLspact) != 0)
        {
            // The registers were never saved, so they still hold the returning context's values.
            Fpccr &= ~FpccrLspact;
            return true;
        }

        if (!FpAccessAllowed(privileged))
        {
            PendOrLockUp(ExceptionNumber.UsageFault, PendRule.Normal);

            Nvic.Cfsr |= FaultStatus.NoCp;
            ExceptionLog.WriteIfEnabled("...taking UsageFault on existing stackframe: CPACR.CP10 prevents unstacking FP regs");
            return false;
        }

        var regs = ExtRegs;
        var ok = true;
        for (var i = 0; i < 16 && ok; i++)
        {
            ok = StackRead(frame + 0x20 + (4u * (uint)i), privileged, negPri, out var value);
            if (ok)
            {
                regs[i] = value;
            }
        }

        if (ok && StackRead(frame + 0x60, privileged, negPri, out var fpscr))
        {
            FpscrValue = fpscr;
        }
        else
        {
            Array.Clear(regs, 0, 16);
            Fpscr = 0;
        }

        return true;
    }

    /// <summary>
    /// PreserveFPState, run before an FP instruction when FPCCR.LSPACT is set: saves S0-S15/FPSCR at FPCAR for the
    /// context recorded in FPCCR (USER gives its privilege, !HFRDY its negative priority) and clears LSPACT.
    /// </summary>
    /// <returns>
    /// False when a fault pended by the save can preempt now: the instruction must not execute (the fault is taken
    /// with the instruction as the return address and LSPACT stays set).
    /// </returns>
    internal bool PreserveFpState()
    {
        var fpccr = Fpccr;
        var privileged = (fpccr & FpccrUser) == 0;
        var negPri = (fpccr & FpccrHfRdy) == 0;
        var ok = true;
        if (!FpAccessAllowed(privileged))
        {
            if (!PendOrLockUp(ExceptionNumber.UsageFault, PendRule.LazyFp))
            {
                return false;
            }

            Nvic.Cfsr |= FaultStatus.NoCp;
            ok = false;
        }

        var regs = ExtRegs;
        var fpcar = Fpcar;
        for (var i = 0; i < 16 && ok; i++)
        {
            ok = StackWrite(fpcar + (4u * (uint)i), regs[i], privileged, negPri, StackMode.LazyFp);
        }

        ok = ok && StackWrite(fpcar + 0x40, Fpscr, privileged, negPri, StackMode.LazyFp);
        if (State != ArmCpuRunState.Running)
        {
            return false;
        }

        if (!ok && Nvic.CanTakePending())
        {
            FaultSequence++;
            if (ExceptionLog.Enabled)
            {
                ExceptionLog.Taking(ExcpLazyFp);
            }

            _entryCauseLogged = true;
            RequestExceptionCheck();
            return false;
        }

        Fpccr &= ~FpccrLspact;
        return true;
    }

    /// <summary>v7m_update_fpccr: records a lazily stacked FP context whose S0 slot is at <paramref name="s0Address"/>.</summary>
    private void UpdateFpccr(uint s0Address, bool privileged)
    {
        Fpcar = s0Address & ~7u;
        var nvic = Nvic;
        var fpccr = (Fpccr & ~FpccrLazyEntryBits) | FpccrLspact;
        fpccr |= privileged ? 0 : FpccrUser;
        fpccr |= IsHandlerMode ? 0 : FpccrThread;
        fpccr |= nvic.GetReadyStatus(ExceptionNumber.HardFault) ? FpccrHfRdy : 0;
        fpccr |= nvic.GetReadyStatus(ExceptionNumber.BusFault) ? FpccrBfRdy : 0;
        fpccr |= nvic.GetReadyStatus(ExceptionNumber.MemManage) ? FpccrMmRdy : 0;
        // QEMU keeps UFRDY in the Non-secure bank, which is the one FPCCR reads on a core without the Security
        // Extension, although ARMv7-M has no UFRDY bit; qemu-system-arm 7.2 shows it (0xC0000479).
        fpccr |= nvic.GetReadyStatus(ExceptionNumber.UsageFault) ? FpccrUfRdy : 0;
        fpccr |= nvic.GetReadyStatus(ExceptionNumber.DebugMonitor) ? FpccrMonRdy : 0;
        Fpccr = fpccr;
    }
}
