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
// Not modelled: the Security Extension (callee stacking, FNC_RETURN, banked state), v8-M stack limits, CLRONRET.
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
        ExclusiveValid = false;
        EventRegister = false;
        ResetFp();
        _pages.Clear();
        R[14] = 0xFFFFFFFF;
        var vtor = nvic.Vtor;
        if (!ReadVector(vtor, out var sp) || !ReadVector(vtor + 4, out var pc))
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
    /// EXC_RETURN is built before stacking (spec §2.2), the frame is pushed on the current stack and the exception
    /// actually taken is whatever is highest after the push (a stacking fault may have pended a derived one).
    /// </summary>
    internal void TakePendingException()
    {
        OnExceptionEntry();
        var lr = ExcReturnBase | (ControlSpsel ? ExcReturnSpsel : 0) | (ControlFpca ? 0 : ExcReturnFtype)
            | (Ipsr == 0 ? ExcReturnMode : 0);
        var ignoreStackFaults = PushStack();
        ExceptionTaken(lr, tailChain: false, ignoreStackFaults);
    }

    /// <summary>
    /// PushStack (v7m_push_stack): the basic frame (0x20 bytes) or, with CONTROL.FPCA, the extended one (0x68) on the
    /// current stack, through the MPU with the pre-entry privilege. STKALIGN (always for an FP frame, B1.5.7) pads the
    /// frame to 8 bytes and records it in xPSR bit 9. The words stop at the first failure; SP takes the frame address
    /// even then.
    /// </summary>
    /// <returns>True when a write failed (ignore_stackfaults for the rest of this entry).</returns>
    private bool PushStack()
    {
        var sp = R[13];
        var xpsr = Xpsr;
        var fpca = ControlFpca;
        if ((sp & 4) != 0 && (fpca || (Nvic.Ccr & CcrStkAlign) != 0))
        {
            sp -= 4;
            xpsr |= XpsrSpRealign;
        }

        var frame = sp - (fpca ? 0x68u : 0x20u);
        var privileged = IsPrivileged;
        var negPri = Nvic.NegPriRequested;
        var ok = WriteBasicFrame(frame, xpsr, privileged, negPri)
            || (StackWrite(frame, R[0], privileged, negPri, StackMode.Normal)
            && StackWrite(frame + 0x04, R[1], privileged, negPri, StackMode.Normal)
            && StackWrite(frame + 0x08, R[2], privileged, negPri, StackMode.Normal)
            && StackWrite(frame + 0x0C, R[3], privileged, negPri, StackMode.Normal)
            && StackWrite(frame + 0x10, R[12], privileged, negPri, StackMode.Normal)
            && StackWrite(frame + 0x14, R[14], privileged, negPri, StackMode.Normal)
            && StackWrite(frame + 0x18, R[15], privileged, negPri, StackMode.Normal)
            && StackWrite(frame + 0x1C, xpsr, privileged, negPri, StackMode.Normal));
        if (fpca)
        {
            ok = PushFpContext(frame, privileged, negPri, ok);
        }

        R[13] = frame;
        return !ok;
    }

    /// <summary>
    /// ExceptionTaken (v7m_exception_taken): "get pending info" for the highest pending exception, the vector load
    /// (a failure pends a derived HardFault and starts again as a tail-chain), then the commit: acknowledge (the only
    /// place an exception becomes active), Handler mode on MSP, monitor and IT cleared, CONTROL.FPCA cleared, LR, PC.
    /// </summary>
    private void ExceptionTaken(uint lr, bool tailChain, bool ignoreStackFaults)
    {
        // ignore_stackfaults only matters for the v8-M callee-saves push, which v6-M/v7-M cores do not make.
        _ = ignoreStackFaults;
        var nvic = Nvic;
        var exc = nvic.VectPending;
        var log = ExceptionLog.Enabled;
        if (log)
        {
            ExceptionLog.Write(_partialLogLine + string.Create(CultureInfo.InvariantCulture, $"...taking pending nonsecure exception {exc}"));
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

        if (!LoadVector(exc, log, out var vector))
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
    /// arm_v7m_load_vector: a privileged read through the memory system that never consults the MPU (default map).
    /// A failure sets HFSR.VECTTBL and FORCED and pends HardFault as a derived exception; a HardFault that cannot be
    /// taken (its priority is not above the exception being entered: the HardFault or NMI vector itself) is a lockup.
    /// </summary>
    private bool LoadVector(int exc, bool log, out uint vector)
    {
        var nvic = Nvic;
        var address = nvic.Vtor + (uint)(4 * exc);
        if (log)
        {
            ExceptionLog.Write(string.Create(CultureInfo.InvariantCulture, $"...loading from element {exc} of non-secure vector table at 0x{address:x}"));
        }

        if (TlbReadWord(address, out vector) || ReadVector(address, out vector))
        {
            return true;
        }

        nvic.Hfsr |= FaultStatus.HfsrVectTbl | FaultStatus.HfsrForced;
        PendOrLockUp(ExceptionNumber.HardFault, PendRule.Derived);
        return false;
    }

    private bool ReadVector(uint address, out uint value)
    {
        var r = Memory.Read(new GuestAddress(address), 4, default(MemTxAttrs), out var v);
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
