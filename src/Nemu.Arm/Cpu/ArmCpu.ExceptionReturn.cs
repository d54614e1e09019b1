// Exception return (Armv7-M ARM B1.5.8 ExceptionReturn/PopStack, Armv8-M ARM B3.21 with the Security Extension;
// QEMU do_v7m_exception_exit as of 7.2; mprofile.md §3 steps 1-21, §2.8 tail-chaining). The order is QEMU's: the
// EXC_RETURN.ES validity check (Non-secure code returning with ES or without DCRS: SecureFault INVER), FAULTMASK
// auto-clear (of the ES bank, only at a non-negative raw priority with the Security Extension), deactivation in the
// ES bank, the EXC_RETURN integrity checks (v7-M low nibble and NONBASETHRDENA; v8-M RES0 bit 1, and S/ES/DCRS without
// the Security Extension), CONTROL.SPSEL of the ES bank, CLRONRET, then the faults found so far tail-chain on the
// existing frame with LR = EXC_RETURN (SecureFault before UsageFault), tail-chaining to a pending exception that can
// preempt the priority being returned to (no unstack/restack), the switch to the returning security state, the
// additional state context pop with its integrity signature (SecureFault INVIS, nothing popped), the basic pop with
// the return privilege and state (registers already popped keep their values; a fault tail-chains in Handler mode),
// PC bit 0, the v8-M IPSR/mode check before anything is committed, the FP pop, SP, xPSR and CONTROL_S.SFPA, and last
// the v7-M IPSR/mode check that takes INVPC on a new frame.
// Not modelled: v8.1-M's CLRONRET NOCP checks.
using System.Globalization;
using Nemu.Arm.Exceptions;

namespace Nemu.Arm.Cpu;

/// <summary>Exception return.</summary>
public sealed partial class ArmCpu
{
    /// <summary>
    /// ExceptionReturn for an EXC_RETURN value (bit 0 included) written to PC in Handler mode by BX, POP, LDR or LDM.
    /// </summary>
    internal void ExceptionReturn(uint excReturn)
    {
        var nvic = Nvic;
        var exc = Ipsr;
        var log = ExceptionLog.Enabled;
        if (log)
        {
            ExceptionLog.Taking(ExceptionLog.ExcpExceptionExit);
            ExceptionLog.Write(string.Create(CultureInfo.InvariantCulture, $"Exception return: magic PC {excReturn:x} previous exception {exc}"));
        }

        if ((excReturn & 0xFFFFFF80) != 0xFFFFFF80)
        {
            LogGuestError(string.Create(CultureInfo.InvariantCulture, $"M profile: zero high bits in exception exit PC value 0x{excReturn:x} are UNPREDICTABLE"));
        }

        var ftype = (excReturn & ExcReturnFtype) != 0;
        if (!ftype && !HasFp)
        {
            LogGuestError(string.Create(CultureInfo.InvariantCulture, $"M profile: zero FTYPE in exception exit PC value 0x{excReturn:x} is UNPREDICTABLE if FPU not present"));
            ftype = true;
        }

        var secExt = HasSecurityExtension;
        var sfault = false;
        var excSecure = false;
        if (secExt)
        {
            // R_SMFL: Non-secure code cannot return from a Secure exception; ES counts as 0 from here on (R_HXSR).
            if (!Secure && ((excReturn & ExcReturnEs) != 0 || (excReturn & ExcReturnDcrs) == 0))
            {
                sfault = true;
                excReturn &= ~ExcReturnEs;
            }

            excSecure = (excReturn & ExcReturnEs) != 0;
        }

        if (exc != ExceptionNumber.Nmi)
        {
            if (!secExt)
            {
                Faultmask = false;
            }
            else if (nvic.ExceptionPriority >= 0)
            {
                SetFaultmaskOf(excSecure, false);
            }
        }

        var retToBase = secExt ? nvic.Complete(exc, excSecure) : nvic.Complete(exc);
        var ufault = retToBase < 0;
        var returnToHandler = (excReturn & ExcReturnMode) == 0;
        var returnToPsp = (excReturn & ExcReturnSpsel) != 0;
        var returnToSecure = secExt && (excReturn & ExcReturnS) != 0;
        if (IsV8)
        {
            ufault |= !secExt && ((excReturn & (ExcReturnS | ExcReturnEs)) != 0 || (excReturn & ExcReturnDcrs) == 0);
            ufault |= (excReturn & ExcReturnRes0) != 0;
        }
        else
        {
            switch (excReturn & 0xF)
            {
                case 0x1:
                    break;
                case 0x9:
                case 0xD:
                    ufault |= retToBase == 0 && (nvic.Ccr & CcrNonBaseThrdEna) == 0;
                    break;
                default:
                    ufault = true;
                    break;
            }
        }

        // Still in Handler mode: this selects the stack without swapping SP, and must precede any tail-chain so the
        // next handler's EXC_RETURN carries it.
        SetControlSpselOf(excSecure, returnToPsp);
        if (HasFp && !ClearFpOnReturn())
        {
            ExceptionTaken(excReturn, tailChain: true, ignoreStackFaults: false);
            return;
        }

        if (sfault)
        {
            nvic.Sfsr |= SfsrInvEr;
            if (!PendOrLockUp(ExceptionNumber.SecureFault, false, PendRule.Normal))
            {
                return;
            }

            ExceptionLog.WriteIfEnabled("...taking SecureFault on existing stackframe: failed EXC_RETURN.ES validity check");
            ExceptionTaken(excReturn, tailChain: true, ignoreStackFaults: false);
            return;
        }

        if (ufault)
        {
            nvic.Cfsr |= FaultStatus.InvPc;
            if (!PendOrLockUp(ExceptionNumber.UsageFault, Secure, PendRule.Normal))
            {
                return;
            }

            ExceptionLog.WriteIfEnabled("...taking UsageFault on existing stackframe: failed exception return integrity check");
            ExceptionTaken(excReturn, tailChain: true, ignoreStackFaults: false);
            return;
        }

        if (nvic.CanTakePending())
        {
            ExceptionLog.WriteIfEnabled("...tailchaining to pending exception");
            ExceptionTaken(excReturn, tailChain: true, ignoreStackFaults: false);
            return;
        }

        SwitchSecurityState(returnToSecure);
        if (!PopStack(excReturn, returnToHandler, returnToPsp, ftype))
        {
            return;
        }

        // v7-M checks the mode only now, after xPSR was written: a mismatch takes INVPC on a new frame.
        if (returnToHandler != (Ipsr != 0))
        {
            if (!PendOrLockUp(ExceptionNumber.UsageFault, PendRule.Normal))
            {
                return;
            }

            nvic.Cfsr |= FaultStatus.InvPc;
            var ignoreStackFaults = PushStack();
            ExceptionLog.WriteIfEnabled("...taking UsageFault on new stackframe: failed exception return integrity check");
            ExceptionTaken(excReturn, tailChain: false, ignoreStackFaults);
            return;
        }

        ExclusiveValid = false;
        EventRegister = true;
        ExceptionLog.WriteIfEnabled("...successful exception return");
        // No exception check is needed here: the tail-chain test above ran with the execution priority this return
        // leaves (the exception was deactivated and FAULTMASK cleared before it), so nothing pending can preempt.
        OnMmuIndexChanged();
    }

    /// <summary>
    /// The unstacking part of ExceptionReturn, in the returning security state (already switched to): pops the
    /// additional state context (when returning to Secure code whose callee registers were stacked) and the frame from
    /// the stack EXC_RETURN selects, then switches mode and SP. A fault or a failed check tail-chains to the pended
    /// exception on the existing frame (false returned).
    /// </summary>
    private bool PopStack(uint excReturn, bool returnToHandler, bool returnToPsp, bool ftype)
    {
        var fromPsp = !returnToHandler && returnToPsp;
        var frame = fromPsp ? Psp : Msp;
        var secure = Secure;
        var privileged = returnToHandler || !ControlNPriv;
        var negPri = Nvic.NegPriRequestedFor(secure);
        var v8 = IsV8;
        if (v8 && (frame & 7) != 0)
        {
            LogGuestError("M profile exception return with non-8-aligned SP for destination state is UNPREDICTABLE");
        }

        if (secure && HasSecurityExtension && ((excReturn & ExcReturnEs) == 0 || (excReturn & ExcReturnDcrs) == 0))
        {
            var popped = PopCalleeStack(excReturn, frame, privileged, negPri);
            if (popped != 0)
            {
                if (popped == 1 && State != ArmCpuRunState.Lockup)
                {
                    ExceptionLog.WriteIfEnabled("...derived exception on unstacking");
                }

                if (State != ArmCpuRunState.Lockup)
                {
                    ExceptionTaken(excReturn, tailChain: true, ignoreStackFaults: false);
                }

                return false;
            }

            frame += 0x28;
        }

        var xpsr = 0u;
        var ok = ReadBasicFrame(frame, secure, privileged, negPri, out xpsr)
            || (Pop(frame, secure, privileged, negPri, ref R[0])
            && Pop(frame + 0x04, secure, privileged, negPri, ref R[1])
            && Pop(frame + 0x08, secure, privileged, negPri, ref R[2])
            && Pop(frame + 0x0C, secure, privileged, negPri, ref R[3])
            && Pop(frame + 0x10, secure, privileged, negPri, ref R[12])
            && Pop(frame + 0x14, secure, privileged, negPri, ref R[14])
            && Pop(frame + 0x18, secure, privileged, negPri, ref R[15])
            && Pop(frame + 0x1C, secure, privileged, negPri, ref xpsr));
        if (!ok)
        {
            if (State == ArmCpuRunState.Lockup)
            {
                return false;
            }

            ExceptionLog.WriteIfEnabled("...derived exception on unstacking");
            ExceptionTaken(excReturn, tailChain: true, ignoreStackFaults: false);
            return false;
        }

        if ((R[15] & 1) != 0)
        {
            R[15] &= ~1u;
            if (!v8)
            {
                LogGuestError("M profile return from interrupt with misaligned PC is UNPREDICTABLE on v7M");
            }
        }

        // v8-M checks the mode before committing SP and xPSR; the UsageFault targets the state returned to.
        if (v8 && returnToHandler != ((xpsr & 0x1FF) != 0))
        {
            if (!PendOrLockUp(ExceptionNumber.UsageFault, secure, PendRule.Normal))
            {
                return false;
            }

            Nvic.Cfsr |= FaultStatus.InvPc;
            ExceptionLog.WriteIfEnabled("...taking UsageFault on existing stackframe: failed exception return integrity check");
            ExceptionTaken(excReturn, tailChain: true, ignoreStackFaults: false);
            return false;
        }

        var highRegisters = false;
        if (!ftype && !PopFpContext(frame, privileged, negPri, out highRegisters, secure))
        {
            if (State != ArmCpuRunState.Lockup)
            {
                ExceptionTaken(excReturn, tailChain: true, ignoreStackFaults: false);
            }

            return false;
        }

        if (HasFp)
        {
            ControlFpca = !ftype;
        }

        var sp = frame + (ftype ? 0x20u : highRegisters ? 0xA8u : 0x68u);
        if ((xpsr & XpsrSpRealign) != 0)
        {
            sp |= 4;
        }

        if (fromPsp)
        {
            Psp = sp;
        }
        else
        {
            Msp = sp;
        }

        // xPSR without SPREALIGN (bit 9) and the v8-M SFPA bit (20); GE only with the DSP extension (the setter).
        Xpsr = xpsr;
        Ipsr = (int)(xpsr & 0x1FF);
        SwitchStack(UsingPsp);
        if (secure && HasSecurityExtension)
        {
            ControlSfpa = (xpsr & XpsrSfpa) != 0;
        }

        return true;
    }

    /// <summary>One word of the frame into <paramref name="destination"/>, left unchanged when the read faults.</summary>
    private bool Pop(uint address, bool secure, bool privileged, bool negPri, ref uint destination)
    {
        if (!StackRead(address, secure, privileged, negPri, out var value))
        {
            return false;
        }

        destination = value;
        return true;
    }
}
