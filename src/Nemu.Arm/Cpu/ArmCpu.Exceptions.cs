// The exception model entry points, named after the Armv7-M ARM pseudocode (B1.5.5 TakeReset, B1.5.6
// ExceptionEntry/PushStack/ExceptionTaken, B1.5.8 ExceptionReturn) with the structure QEMU gave them in the Feb-2018
// series (seed 000; m_helper.c arm_v7m_cpu_do_interrupt, v7m_push_stack, v7m_exception_taken, arm_v7m_load_vector,
// do_v7m_exception_exit; mprofile.md §1.2, §2.2-§2.8, §3, §6.1). Every step that can fault (the frame push through
// StackWrite, the vector load through the memory system) runs before the NVIC acknowledges anything: a fault there
// pends a derived exception that competes with the original in the next "get pending info", and the original stays
// pending. Exception return runs QEMU's order: integrity checks and tail-chaining act on the existing frame, the
// unstacking keeps partial pops and tail-chains on a fault, and only a v7-M IPSR/EXC_RETURN mode mismatch pushes a
// new frame. Lockup (a terminal derived HardFault that cannot be taken, an escalation that cannot be made) stops the
// core through EnterLockup where QEMU aborts (mprofile.md §8.1).
// The ARMv8-M Security Extension parts (EXC_RETURN S/ES/DCRS, the additional state context, register clearing, the
// target state's vector table and security state) are in ArmCpu.CalleeStack.cs and the v8 branches here.
// Not modelled: v8.1-M (register clearing for Secure targets, no FORCED on VECTTBL), FNC_RETURN (SecurityTransitions).
using System.Globalization;
using Nemu.Arm.Exceptions;
using Nemu.Core;
using Nemu.Core.Logging;

namespace Nemu.Arm.Cpu;

/// <summary>Reset, exception entry and exception return.</summary>
public sealed partial class ArmCpu
{
    // EXC_RETURN fields (mprofile.md §1.2): RES1 prefix with S, DCRS and ES set as v7-M has them, then SPSEL b2,
    // MODE b3 (Thread), FTYPE b4 (no FP frame).
    private const uint ExcReturnBase = 0xFFFFFFE1, ExcReturnSpsel = 1 << 2, ExcReturnMode = 1 << 3, ExcReturnFtype = 1 << 4;
    private const uint XpsrSpRealign = 1 << 9;
    private const uint CcrStkAlign = 1 << 9, CcrNonBaseThrdEna = 1 << 0;
    private const uint NsacrCp10 = 1 << 10;

    // A -d int line QEMU left without its newline: written in front of the next exception-log line.
    private string _partialLogLine = string.Empty;

    /// <summary>TakeReset: Thread mode, privileged, MSP; SP and PC from the vector table at VTOR.</summary>
    public void TakeReset()
    {
        var nvic = Nvic;
        nvic.Reset();
        ((Span<uint>)R).Clear();
        OtherSp = 0;
        _r13IsPsp = false;
        // APSR is UNKNOWN at reset; QEMU's reset leaves Z set (its ZF field is 0), which -d cpu shows.
        N = C = V = Q = false;
        Z = true;
        Ge = 0;
        ItState = 0;
        Ipsr = 0;
        ResetSecurityState();
        OnMmuIndexChanged();
        ExclusiveValid = false;
        EventRegister = false;
        ResetFp();
        _pages.Clear();
        R[14] = 0xFFFFFFFF;
        if (PoweredOff)
        {
            // A core held powered off (QEMU start-powered-off) loads nothing until PowerOnAndReset resets it again;
            // its EPSR.T stays clear as in QEMU's zeroed reset state (info registers shows "A", XPSR=40000000).
            Thumb = false;
            State = ArmCpuRunState.Stopped;
            return;
        }

        var vtor = nvic.Vtor;

        // QEMU's reset reads the vector table with unspecified attributes (ldl_phys), which a TrustZone MPC lets
        // through; v7 cores keep the plain privileged read.
        var resetAttrs = HasSecurityExtension ? MemTxAttrs.UnspecifiedAttrs : default;
        if (!ReadVector(vtor, resetAttrs, out var sp) || !ReadVector(vtor + 4, resetAttrs, out var pc))
        {
            EnterLockup($"cannot read the reset vector at 0x{vtor:x8}");
            return;
        }

        if (ExceptionLog.Enabled)
        {
            ExceptionLog.Write($"Loaded reset SP 0x{sp:x} PC 0x{pc:x} from vector table");
        }

        _entryCauseLogged = false;
        _partialLogLine = string.Empty;
        R[13] = sp & ~3u;
        R[15] = pc & ~1u;
        Thumb = (pc & 1) != 0;
        State = PoweredOff ? ArmCpuRunState.Stopped : ArmCpuRunState.Running;
        _checkExceptions = true;
        if (Log.IsEnabled(LogItem.CpuReset))
        {
            Log.Write(LogItem.CpuReset, $"CPU Reset (CPU 0)\nR13=0x{R[13]:x8} R15=0x{R[15]:x8}");
        }
    }

    /// <summary>
    /// Takes the highest-priority pending exception (it must be able to preempt): arm_v7m_cpu_do_interrupt's tail.
    /// EXC_RETURN is built before stacking (spec §2.2; on v8-M ES and SPSEL follow in ExceptionTaken), the frame is
    /// pushed on the current stack and the exception actually taken is whatever is highest after the push (a stacking
    /// fault may have pended a derived one).
    /// </summary>
    internal void TakePendingException()
    {
        OnExceptionEntry();
        var lr = IsV8 ? ExcReturnV8Prefix | ExcReturnDcrs | (Secure ? ExcReturnS : 0) : ExcReturnBase | (ControlSpsel ? ExcReturnSpsel : 0);
        lr |= (ControlFpca ? 0 : ExcReturnFtype) | (Ipsr == 0 ? ExcReturnMode : 0);
        var ignoreStackFaults = PushStack();
        ExceptionTaken(lr, tailChain: false, ignoreStackFaults);
    }

    /// <summary>
    /// PushStack (v7m_push_stack): the basic frame (0x20 bytes) or, with CONTROL.FPCA, the extended one (0x68; 0xA8
    /// with S16-S31 when Secure and FPCCR.TS; the basic one when Non-secure code may not use FP by NSACR.CP10) on the
    /// current stack, through the MPU with the pre-entry privilege and security state. STKALIGN (always for an FP
    /// frame, B1.5.7) pads the frame to 8 bytes and records it in xPSR bit 9; xPSR bit 20 keeps CONTROL_S.SFPA. On
    /// v8-M a frame below the stack limit writes nothing: SP takes the limit and STKOF UsageFault is pended. The words
    /// stop at the first failure; SP takes the frame address even then.
    /// </summary>
    /// <returns>True when a write failed (ignore_stackfaults for the rest of this entry).</returns>
    private bool PushStack()
    {
        var sp = R[13];
        var xpsr = Xpsr;
        var secure = Secure;
        var fpca = ControlFpca;
        var nsacrCp10 = !HasSecurityExtension || (Nvic.Nsacr & NsacrCp10) != 0;
        var fpFrame = fpca && (secure || nsacrCp10);
        var frameSize = !fpFrame ? 0x20u : secure && (Fpccr & FpccrTs) != 0 ? 0xA8u : 0x68u;
        if ((sp & 4) != 0 && (fpca || (Nvic.Ccr & CcrStkAlign) != 0))
        {
            sp -= 4;
            xpsr |= XpsrSpRealign;
        }

        if (secure && ControlSfpa)
        {
            xpsr |= XpsrSfpa;
        }

        var frame = sp - frameSize;
        var ok = true;
        var limitViolated = false;
        if (IsV8 && frame < SpLimit)
        {
            // Nothing is written, above the limit either (QEMU's IMPDEF choice); the FP checks below still run.
            ExceptionLog.WriteIfEnabled("...STKOF during stacking");
            Nvic.Cfsr |= CfsrStkOf;
            PendOrLockUp(ExceptionNumber.UsageFault, secure, PendRule.Normal);
            R[13] = SpLimit;
            limitViolated = true;
            ok = false;
        }

        var privileged = IsPrivileged;
        var negPri = Nvic.NegPriRequestedFor(secure);
        ok = ok && (WriteBasicFrame(frame, xpsr, secure, privileged, negPri)
            || (StackWrite(frame, R[0], secure, privileged, negPri, StackMode.Normal)
            && StackWrite(frame + 0x04, R[1], secure, privileged, negPri, StackMode.Normal)
            && StackWrite(frame + 0x08, R[2], secure, privileged, negPri, StackMode.Normal)
            && StackWrite(frame + 0x0C, R[3], secure, privileged, negPri, StackMode.Normal)
            && StackWrite(frame + 0x10, R[12], secure, privileged, negPri, StackMode.Normal)
            && StackWrite(frame + 0x14, R[14], secure, privileged, negPri, StackMode.Normal)
            && StackWrite(frame + 0x18, R[15], secure, privileged, negPri, StackMode.Normal)
            && StackWrite(frame + 0x1C, xpsr, secure, privileged, negPri, StackMode.Normal)));
        if (fpca)
        {
            ok = PushFpState(frame, frameSize, privileged, negPri, ok);
        }

        if (!limitViolated)
        {
            R[13] = frame;
        }

        return !ok;
    }

    /// <summary>
    /// ExceptionTaken (v7m_exception_taken): "get pending info" for the highest pending exception and its target
    /// security state, the v8-M additional state context (a failed callee push restarts as a tail-chain), the vector
    /// load from the target state's table (a failure pends a derived HardFault and starts again as a tail-chain), then
    /// the commit: acknowledge (the only place an exception becomes active), the target security state, Handler mode
    /// on MSP, monitor and IT cleared, CONTROL.FPCA/SFPA cleared, LR, PC.
    /// </summary>
    private void ExceptionTaken(uint lr, bool tailChain, bool ignoreStackFaults)
    {
        var nvic = Nvic;
        var exc = nvic.VectPending;
        var targetsSecure = exc != 0 && nvic.TargetsSecure(exc, nvic.VectPendingSecure);
        var log = ExceptionLog.Enabled;
        if (log)
        {
            ExceptionLog.Write(_partialLogLine + string.Create(CultureInfo.InvariantCulture,
                $"...taking pending {(targetsSecure ? "secure" : "nonsecure")} exception {exc}"));
            _partialLogLine = string.Empty;
        }

        if (exc == 0)
        {
            // Nothing is pending although an entry was started: only a lockup on the way can get here.
            if (State != ArmCpuRunState.Lockup)
            {
                EnterLockup("exception entry with no pending exception");
            }

            return;
        }

        if (tailChain)
        {
            if (!HasFp)
            {
                lr |= ExcReturnFtype;
            }

            lr |= 0xFF000000;
        }

        if (IsV8)
        {
            lr = ExceptionTakenV8(lr, tailChain, ignoreStackFaults, targetsSecure, out var pushFailed);
            if (State == ArmCpuRunState.Lockup)
            {
                return;
            }

            if (pushFailed && !ignoreStackFaults)
            {
                // Another exception (maybe of the other security state) may win now: start again (QEMU logs this line
                // without a newline, like the vector-load one).
                _partialLogLine = log ? "...derived exception on callee-saves register stacking" : string.Empty;
                ExceptionTaken(lr, tailChain: true, ignoreStackFaults: true);
                return;
            }
        }

        if (!LoadVector(exc, targetsSecure, log, out var vector))
        {
            if (State == ArmCpuRunState.Lockup)
            {
                return;
            }

            // QEMU logs this line without a newline: its next line ("...taking pending ...") continues it.
            _partialLogLine = log ? "...derived exception on vector table load" : string.Empty;
            ExceptionTaken(lr, tailChain: true, ignoreStackFaults: true);
            return;
        }

        EventRegister = true;
        nvic.Acknowledge();
        Ipsr = exc;
        if (HasSecurityExtension)
        {
            // write_v7m_exception first (Handler mode uses MSP), then the target state, whose SPSEL is cleared.
            SwitchStack(false);
            SwitchSecurityState(targetsSecure);
            ControlSfpa = false;
        }

        ControlSpsel = false;
        SwitchStack(false);
        ExclusiveValid = false;
        ControlFpca = false;
        ItState = 0;
        R[14] = lr;
        R[15] = vector & ~1u;
        Thumb = (vector & 1) != 0;
        if (log)
        {
            ExceptionLog.Write(string.Create(CultureInfo.InvariantCulture, $"...loaded new PC 0x{vector:x}"));
        }

        OnMmuIndexChanged();
    }

    /// <summary>
    /// arm_v7m_load_vector: a privileged read of the target state's vector table through the memory system that never
    /// consults the MPU (default map). With the Security Extension the SAU/IDAU attribute the entry: a Non-secure
    /// entry is read with Non-secure attributes, a Secure one cannot serve a Non-secure exception (an underlying
    /// SecureFault). A failure sets HFSR.VECTTBL and FORCED and pends HardFault (Secure unless AIRCR.BFHFNMINS) as a
    /// derived exception; a HardFault that cannot be taken (its priority is not above the exception being entered:
    /// the HardFault or NMI vector itself) is a lockup.
    /// </summary>
    private bool LoadVector(int exc, bool targetsSecure, bool log, out uint vector)
    {
        var nvic = Nvic;
        var address = nvic.VtorOf(targetsSecure) + (uint)(4 * exc);
        if (log)
        {
            ExceptionLog.Write(string.Create(CultureInfo.InvariantCulture,
                $"...loading from element {exc} of {(targetsSecure ? "secure" : "non-secure")} vector table at 0x{address:x}"));
        }

        bool excSecure;
        if (!HasSecurityExtension)
        {
            if (TlbReadWord(address, out vector) || ReadVector(address, out vector))
            {
                return true;
            }

            excSecure = false;
        }
        else
        {
            var sattrs = SecurityLookupFor(address, targetsSecure, fetch: false);
            if (!sattrs.Ns && !targetsSecure)
            {
                vector = 0;
                excSecure = true;
            }
            else if (TlbReadVector(address, targetsSecure, out vector)
                || ReadVector(address, Attrs(privileged: true, secure: targetsSecure && !sattrs.Ns), out vector))
            {
                return true;
            }
            else
            {
                // An underlying BusFault: Secure unless AIRCR.BFHFNMINS, which is also the HardFault's state.
                excSecure = !nvic.Bfhfnmins;
            }
        }

        nvic.Hfsr |= FaultStatus.HfsrVectTbl | FaultStatus.HfsrForced;
        PendOrLockUp(ExceptionNumber.HardFault, excSecure, PendRule.Derived);
        return false;
    }

    private bool ReadVector(uint address, out uint value) => ReadVector(address, default, out value);

    // A vector from a page the target state's TLB holds: its entries carry the attribution of that state, and any
    // cached RAM page is readable by the default map the vector read uses (the negative-priority context is the one
    // with the fewest MPU restrictions).
    private bool TlbReadVector(uint address, bool secure, out uint value)
    {
        var hit = TlbFor(secure, privileged: true, negPri: true).TryRead(address, 4, out var v);
        value = (uint)v;
        return hit;
    }

    private bool ReadVector(uint address, MemTxAttrs attrs, out uint value)
    {
        var r = Memory.Read(new GuestAddress(address), 4, attrs, out var v);
        value = (uint)v;
        return r == MemTxResult.Ok;
    }

    internal static string ExceptionName(int exc) => exc switch
    {
        ExceptionNumber.Reset => "Reset",
        ExceptionNumber.Nmi => "NMI",
        ExceptionNumber.HardFault => "HardFault",
        ExceptionNumber.MemManage => "MemManage",
        ExceptionNumber.BusFault => "BusFault",
        ExceptionNumber.UsageFault => "UsageFault",
        ExceptionNumber.SvCall => "SVCall",
        ExceptionNumber.DebugMonitor => "DebugMonitor",
        ExceptionNumber.PendSv => "PendSV",
        ExceptionNumber.SysTick => "SysTick",
        _ => "IRQ " + (exc - ExceptionNumber.FirstExternal),
    };
}
