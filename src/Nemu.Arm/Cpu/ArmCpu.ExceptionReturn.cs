// Exception return (Armv7-M ARM B1.5.8 ExceptionReturn/PopStack; QEMU do_v7m_exception_exit as of the Feb-2018
// series; mprofile.md §3 steps 1-21 for a core without the Security Extension, §2.8 tail-chaining). The order is
// QEMU's: FAULTMASK auto-clear, deactivation, the v7-M EXC_RETURN integrity checks (a failure takes UsageFault INVPC
// on the existing frame as a tail-chain with LR = EXC_RETURN), tail-chaining to a pending exception that can
// preempt the priority being returned to (no unstack/restack), the pop through the MPU with the return privilege
// (registers already popped keep their values; a fault tail-chains in Handler mode), PC bit 0, the FP pop, SP and
// xPSR, and last the v7-M IPSR/mode check that takes INVPC on a new frame.
// Not modelled: v8-M checks (ES/DCRS/S bits, RES0 bit 1, callee pop, stack limits), CLRONRET.
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

        if (exc != ExceptionNumber.Nmi)
        {
            Faultmask = false;
        }

        var retToBase = nvic.Complete(exc);
        var ufault = retToBase < 0;
        var returnToHandler = (excReturn & ExcReturnMode) == 0;
        var returnToPsp = (excReturn & ExcReturnSpsel) != 0;
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

        // Still in Handler mode: this selects the stack without swapping SP, and must precede any tail-chain so the
        // next handler's EXC_RETURN carries it.
        ControlSpsel = returnToPsp;
        if (ufault)
        {
            nvic.Cfsr |= FaultStatus.InvPc;
            if (!PendOrLockUp(ExceptionNumber.UsageFault, PendRule.Normal))
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
    /// The unstacking part of ExceptionReturn: pops the frame from the stack EXC_RETURN selects, then switches mode
    /// and SP. A read fault tail-chains to the pended fault on the existing frame (false returned).
    /// </summary>
    private bool PopStack(uint excReturn, bool returnToHandler, bool returnToPsp, bool ftype)
    {
        var fromPsp = !returnToHandler && returnToPsp;
        var frame = fromPsp ? Psp : Msp;
        var privileged = returnToHandler || !ControlNPriv;
        var negPri = Nvic.NegPriRequested;
        var xpsr = 0u;
        var ok = ReadBasicFrame(frame, privileged, negPri, out xpsr)
            || (Pop(frame, privileged, negPri, ref R[0])
            && Pop(frame + 0x04, privileged, negPri, ref R[1])
            && Pop(frame + 0x08, privileged, negPri, ref R[2])
            && Pop(frame + 0x0C, privileged, negPri, ref R[3])
            && Pop(frame + 0x10, privileged, negPri, ref R[12])
            && Pop(frame + 0x14, privileged, negPri, ref R[14])
            && Pop(frame + 0x18, privileged, negPri, ref R[15])
            && Pop(frame + 0x1C, privileged, negPri, ref xpsr));
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
            LogGuestError("M profile return from interrupt with misaligned PC is UNPREDICTABLE on v7M");
        }

        if (!ftype && !PopFpContext(frame, privileged, negPri))
        {
            ExceptionTaken(excReturn, tailChain: true, ignoreStackFaults: false);
            return false;
        }

        if (HasFp)
        {
            ControlFpca = !ftype;
        }

        var sp = frame + (ftype ? 0x20u : 0x68u);
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
        return true;
    }

    /// <summary>One word of the frame into <paramref name="destination"/>, left unchanged when the read faults.</summary>
    private bool Pop(uint address, bool privileged, bool negPri, ref uint destination)
    {
        if (!StackRead(address, privileged, negPri, out var value))
        {
            return false;
        }

        destination = value;
        return true;
    }
}
