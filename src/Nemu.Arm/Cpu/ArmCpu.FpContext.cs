// FP context on exception entry and return (Armv7-M ARM B1.5.7 PushStack/UpdateFPCCR, B1.5.8 ExceptionReturn,
// B1.5.7 PreserveFPState; Armv8-M ARM B3.19-B3.21 with the Security Extension; mprofile.md §2.3 step 7, §3 steps 9 and
// 17, §3.6), as QEMU 7.2 does it (m_helper.c v7m_push_stack, v7m_update_fpccr, do_v7m_exception_exit,
// v7m_preserve_fp_state):
// - entry with CONTROL.FPCA: a lazy context still pending (LSPACT) is a SecureFault LSERR and Non-secure code without
//   NSACR.CP10 a Secure NOCP UsageFault (no FP words then); FPCCR.LSPEN=0 writes S0-S15 at frame+0x20 (S16-S31 at
//   +0x68 in a Secure 0xA8 frame with FPCCR.TS) and FPSCR at +0x60 (+0x64 is reserved and not written), then zeroes
//   them when CPACR allows the interrupted code FP access (NOCP UsageFault otherwise); LSPEN=1 writes nothing and
//   records the lazy context in FPCAR/FPCCR (LSPACT, USER, THREAD, S, SPLIMVIOL and the ready bits);
// - return with EXC_RETURN.FTYPE=0: a Secure lazy context left behind by a return to Non-secure state is LSERR;
//   LSPACT still set means the registers were never saved, so only LSPACT is cleared; otherwise S0-S15/FPSCR (and
//   S16-S31) are popped (a failed pop zeroes them), after the CPACR check for the returning privilege (NOCP) and the
//   NSACR check for a Non-secure one (Secure INVPC, QEMU's choice), both tail-chaining on the existing frame;
// - PreserveFPState, run by the first FP instruction while LSPACT is set: writes the registers at FPCAR with the
//   saved context's security state and privilege unless its stack limit was violated; a fault that can preempt now
//   is taken before the instruction executes ("Taking exception 20"), LSPACT staying set so the instruction retries.
// Not modelled: the two banks of FPCCR/FPCAR/FPDSCR/CPACR (one register each; FPCCR.S names the state that owns a
// pending lazy context, standing for the bank of LSPACT), MVE's VPR.
using Nemu.Arm.Exceptions;

namespace Nemu.Arm.Cpu;

/// <summary>FP context stacking.</summary>
public sealed partial class ArmCpu
{
    // The FPCCR bits v7m_update_fpccr recomputes on a lazy entry (FPCCR.S is always 0 without the Security Extension).
    // QEMU's EXCP_LAZYFP, the exception number "-d int" names when a lazy-stacking fault is taken at once.
    private const int ExcpLazyFp = 20;

    // CCR.STKOFHFNMIGN (ARMv8-M): stack-limit checks ignored at negative priority (not writable in QEMU 7.2).

    private const uint FpccrLazyEntryBits = FpccrLspact | FpccrUser | FpccrThread | FpccrHfRdy | FpccrMmRdy | FpccrBfRdy
        | FpccrMonRdy | FpccrUfRdy;

    /// <summary>
    /// The FP part of PushStack (v7m_push_stack) when CONTROL.FPCA is set, for a frame of
    /// <paramref name="frameSize"/> bytes at <paramref name="frame"/>.
    /// </summary>
    /// <returns>Whether every write so far succeeded (false also when a NOCP UsageFault was pended).</returns>
    private bool PushFpState(uint frame, uint frameSize, bool privileged, bool negPri, bool stackedOk)
    {
        if (HasSecurityExtension && (Fpccr & FpccrLspact) != 0)
        {
            ExceptionLog.WriteIfEnabled("...SecureFault because LSPACT and FPCA both set");
            Nvic.Sfsr |= SfsrLsErr;
            PendOrLockUp(ExceptionNumber.SecureFault, false, PendRule.Normal);
            return stackedOk;
        }

        if (HasSecurityExtension && !Secure && (Nvic.Nsacr & NsacrCp10) == 0)
        {
            ExceptionLog.WriteIfEnabled("...Secure UsageFault with CFSR.NOCP because NSACR.CP10 prevents stacking FP regs");
            PendOrLockUp(ExceptionNumber.UsageFault, true, PendRule.Normal);
            Nvic.CfsrOf(true) |= FaultStatus.NoCp;
            return stackedOk;
        }

        return PushFpContext(frame, privileged, negPri, stackedOk, frameSize == 0xA8);
    }

    /// <summary>
    /// The FP words of an extended frame at <paramref name="frame"/>, which has room for them at +0x20 (and S16-S31 at
    /// +0x68 when <paramref name="highRegisters"/>). <paramref name="privileged"/> and <paramref name="negPri"/>
    /// describe the interrupted context (the stack owner, in the current security state); <paramref name="stackedOk"/>
    /// is false once an earlier write failed, which stops any further write (ignore_stackfaults is the caller's
    /// business).
    /// </summary>
    /// <returns>Whether every write so far succeeded (false also when a NOCP UsageFault was pended).</returns>
    internal bool PushFpContext(uint frame, bool privileged, bool negPri, bool stackedOk, bool highRegisters = false)
    {
        if ((Fpccr & FpccrLspen) != 0)
        {
            UpdateFpccr(frame + 0x20, privileged);
            return stackedOk;
        }

        var secure = Secure;
        var accessAllowed = FpAccessAllowed(privileged);
        if (stackedOk && !accessAllowed)
        {
            ExceptionLog.WriteIfEnabled("...UsageFault with CFSR.NOCP because CPACR.CP10 prevents stacking FP regs");
            PendOrLockUp(ExceptionNumber.UsageFault, secure, PendRule.Normal);

            Nvic.Cfsr |= FaultStatus.NoCp;
            stackedOk = false;
        }

        var regs = ExtRegs;
        var count = highRegisters ? 32 : 16;
        for (var i = 0; i < count && stackedOk; i++)
        {
            stackedOk = StackWrite(FpSlot(frame + 0x20, i), regs[i], secure, privileged, negPri, StackMode.Normal);
        }

        stackedOk = stackedOk && StackWrite(frame + 0x60, Fpscr, secure, privileged, negPri, StackMode.Normal);
        if (accessAllowed)
        {
            Array.Clear(regs, 0, count);
            Fpscr = 0;
        }

        return stackedOk;
    }

    /// <summary>
    /// The FP part of the return pop when EXC_RETURN.FTYPE is 0, for the frame at <paramref name="frame"/> popped with
    /// the returning context's <paramref name="privileged"/>/<paramref name="negPri"/> in state
    /// <paramref name="returnToSecure"/>. A failed read pends its fault (StackRead) and zeroes the FP registers, but the
    /// return goes on, as in QEMU.
    /// </summary>
    /// <returns>
    /// False when a fault was pended and logged that the caller must tail-chain to on the existing frame (LSERR,
    /// CPACR NOCP, NSACR INVPC). <paramref name="highRegisters"/> tells whether the frame holds S16-S31.
    /// </returns>
    internal bool PopFpContext(uint frame, bool privileged, bool negPri, out bool highRegisters, bool returnToSecure = false)
    {
        highRegisters = false;
        var secExt = HasSecurityExtension;
        var lspact = (Fpccr & FpccrLspact) != 0;
        var lazyOwnerSecure = (Fpccr & FpccrS) != 0;
        if (secExt && !returnToSecure && lspact && lazyOwnerSecure)
        {
            PendOrLockUp(ExceptionNumber.SecureFault, false, PendRule.Normal);
            Nvic.Sfsr |= SfsrLsErr;
            ExceptionLog.WriteIfEnabled("...taking SecureFault on existing stackframe: Secure LSPACT set but exception return is not to secure state");
            return false;
        }

        highRegisters = returnToSecure && (Fpccr & FpccrTs) != 0;
        if (lspact && (!secExt || lazyOwnerSecure == returnToSecure))
        {
            // The registers were never saved, so they still hold the returning context's values.
            Fpccr &= ~FpccrLspact;
            return true;
        }

        if (!FpAccessAllowed(privileged))
        {
            PendOrLockUp(ExceptionNumber.UsageFault, returnToSecure, PendRule.Normal);

            Nvic.CfsrOf(returnToSecure) |= FaultStatus.NoCp;
            ExceptionLog.WriteIfEnabled("...taking UsageFault on existing stackframe: CPACR.CP10 prevents unstacking FP regs");
            return false;
        }

        if (secExt && !returnToSecure && (Nvic.Nsacr & NsacrCp10) == 0)
        {
            PendOrLockUp(ExceptionNumber.UsageFault, true, PendRule.Normal);
            Nvic.CfsrOf(true) |= FaultStatus.InvPc;
            ExceptionLog.WriteIfEnabled("...taking Secure UsageFault on existing stackframe: NSACR.CP10 prevents unstacking FP regs");
            return false;
        }

        var regs = ExtRegs;
        var count = highRegisters ? 32 : 16;
        var ok = true;
        for (var i = 0; i < count && ok; i++)
        {
            ok = StackRead(FpSlot(frame + 0x20, i), returnToSecure, privileged, negPri, out var value);
            if (ok)
            {
                regs[i] = value;
            }
        }

        if (ok && StackRead(frame + 0x60, returnToSecure, privileged, negPri, out var fpscr))
        {
            FpscrValue = fpscr;
        }
        else
        {
            Array.Clear(regs, 0, count);
            Fpscr = 0;
        }

        return true;
    }

    /// <summary>
    /// The CLRONRET step of ExceptionReturn (step 9): with FPCCR.CLRONRET and an active FP context, S0-S15 and FPSCR
    /// are zeroed, unless a Secure lazy context is still pending, which is a SecureFault LSERR.
    /// </summary>
    /// <returns>False when the SecureFault was pended and logged (the caller tail-chains on the existing frame).</returns>
    private bool ClearFpOnReturn()
    {
        if ((Fpccr & FpccrClrOnRet) == 0 || !ControlFpca)
        {
            return true;
        }

        if ((Fpccr & FpccrLspact) != 0)
        {
            Nvic.Sfsr |= SfsrLsErr;
            PendOrLockUp(ExceptionNumber.SecureFault, false, PendRule.Normal);
            ExceptionLog.WriteIfEnabled("...taking SecureFault on existing stackframe: error during lazy state deactivation");
            return false;
        }

        Array.Clear(ExtRegs, 0, 16);
        Fpscr = 0;
        return true;
    }

    /// <summary>
    /// PreserveFPState, run before an FP instruction when FPCCR.LSPACT is set: saves S0-S15/FPSCR (S16-S31 too for a
    /// Secure context with FPCCR.TS) at FPCAR for the context recorded in FPCCR (S its security state, USER its
    /// privilege, !HFRDY its negative priority) and clears LSPACT; nothing is written when its stack limit was
    /// violated (SPLIMVIOL).
    /// </summary>
    /// <returns>
    /// False when a fault pended by the save can preempt now: the instruction must not execute (the fault is taken
    /// with the instruction as the return address and LSPACT stays set).
    /// </returns>
    internal bool PreserveFpState()
    {
        var fpccr = Fpccr;
        var secure = HasSecurityExtension && (fpccr & FpccrS) != 0;
        var privileged = (fpccr & FpccrUser) == 0;
        var negPri = (fpccr & FpccrHfRdy) == 0;
        var highRegisters = secure && (fpccr & FpccrTs) != 0;
        var ok = true;
        if (!FpAccessAllowed(privileged))
        {
            if (!PendOrLockUp(ExceptionNumber.UsageFault, secure, PendRule.LazyFp))
            {
                return false;
            }

            Nvic.CfsrOf(secure) |= FaultStatus.NoCp;
            ok = false;
        }
        else if (HasSecurityExtension && !secure && (Nvic.Nsacr & NsacrCp10) == 0)
        {
            if (!PendOrLockUp(ExceptionNumber.UsageFault, true, PendRule.LazyFp))
            {
                return false;
            }

            Nvic.CfsrOf(true) |= FaultStatus.NoCp;
            ok = false;
        }

        if ((fpccr & FpccrSplimViol) == 0 && ok)
        {
            var regs = ExtRegs;
            var fpcar = Fpcar;
            var count = highRegisters ? 32 : 16;
            for (var i = 0; i < count && ok; i++)
            {
                ok = StackWrite(FpSlot(fpcar, i), regs[i], secure, privileged, negPri, StackMode.LazyFp);
            }

            ok = ok && StackWrite(fpcar + 0x40, Fpscr, secure, privileged, negPri, StackMode.LazyFp);
        }

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
        if (highRegisters)
        {
            Array.Clear(ExtRegs);
            Fpscr = 0;
        }

        return true;
    }

    // Where S<n> goes in an FP frame whose S0 slot is at s0Slot: S16-S31 skip the FPSCR and reserved words.
    private static uint FpSlot(uint s0Slot, int n) => s0Slot + (4u * (uint)n) + (n >= 16 ? 8u : 0);

    /// <summary>
    /// v7m_update_fpccr: records a lazily stacked FP context whose S0 slot is at <paramref name="s0Address"/>: FPCAR,
    /// LSPACT, USER, THREAD, the ready bits and on ARMv8-M SPLIMVIOL (the slot below the stack limit) and S.
    /// </summary>
    private void UpdateFpccr(uint s0Address, bool privileged)
    {
        Fpcar = s0Address & ~7u;
        var nvic = Nvic;
        var fpccr = (Fpccr & ~(FpccrLazyEntryBits | FpccrSplimViol)) | FpccrLspact;
        if (IsV8)
        {
            var ignore = nvic.NegPriRequestedFor(Secure) && (nvic.Ccr & CcrStkOfHfNmIgn) != 0;
            fpccr |= !ignore && s0Address < SpLimit ? FpccrSplimViol : 0;
        }

        fpccr |= privileged ? 0 : FpccrUser;
        fpccr |= IsHandlerMode ? 0 : FpccrThread;
        if (HasSecurityExtension)
        {
            fpccr = (fpccr & ~(FpccrS | FpccrSfRdy)) | (Secure ? FpccrS : 0);
            fpccr |= nvic.GetReadyStatus(ExceptionNumber.HardFault, false) ? FpccrHfRdy : 0;
            fpccr |= nvic.GetReadyStatus(ExceptionNumber.BusFault, false) ? FpccrBfRdy : 0;
            fpccr |= nvic.GetReadyStatus(ExceptionNumber.MemManage, Secure) ? FpccrMmRdy : 0;
            fpccr |= nvic.GetReadyStatus(ExceptionNumber.UsageFault, Secure) ? FpccrUfRdy : 0;
            fpccr |= nvic.GetReadyStatus(ExceptionNumber.DebugMonitor, false) ? FpccrMonRdy : 0;
            fpccr |= nvic.GetReadyStatus(ExceptionNumber.SecureFault, false) ? FpccrSfRdy : 0;
            Fpccr = fpccr;
            return;
        }

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
