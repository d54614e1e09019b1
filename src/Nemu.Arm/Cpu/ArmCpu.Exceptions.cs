// The exception model entry points, named after the Armv7-M ARM pseudocode (B1.5.5 TakeReset, B1.5.6
// ExceptionEntry/PushStack/ExceptionTaken, B1.5.8 ExceptionReturn) as QEMU implements them (m_helper.c; mprofile.md
// §1.2, §2.2-§2.4, §3, §6.1). Frame: 8 words, STKALIGN padding with xPSR bit 9, EXC_RETURN 0xFFFFFFF1/9/D.
// Stacking/unstacking bus errors set STKERR/UNSTKERR and pend a BusFault (taken as the next exception); the
// derived-exception, tail-chaining and late-arrival details of mprofile.md §2.7-§2.8 are left to issue 4 (here a
// pending exception that can preempt at return is simply taken next, which pushes a new frame).
// Not modelled: FP frames, Security Extension, MPU stacking faults, vector-table read faults (→ Lockup here).
using Nemu.Arm.Exceptions;
using Nemu.Core;
using Nemu.Core.Logging;

namespace Nemu.Arm.Cpu;

/// <summary>Reset, exception entry and exception return.</summary>
public sealed partial class ArmCpu
{
    private const uint ExcReturnHandler = 0xFFFFFFF1, ExcReturnThreadMsp = 0xFFFFFFF9, ExcReturnThreadPsp = 0xFFFFFFFD;

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
        Primask = Faultmask = false;
        Basepri = 0;
        ControlNPriv = ControlSpsel = false;
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
        R[13] = sp & ~3u;
        R[15] = pc & ~1u;
        Thumb = (pc & 1) != 0;
        State = ArmCpuRunState.Running;
        _checkExceptions = true;
        if (Log.IsEnabled(LogItem.CpuReset))
        {
            Log.Write(LogItem.CpuReset, $"CPU Reset (CPU 0)\nR13=0x{R[13]:x8} R15=0x{R[15]:x8}");
        }
    }

    /// <summary>Takes the highest-priority pending exception (it must be able to preempt).</summary>
    internal void TakePendingException()
    {
        OnExceptionEntry();
        var lr = (Ipsr != 0 ? ExcReturnHandler : ControlSpsel ? ExcReturnThreadPsp : ExcReturnThreadMsp);
        lr &= ControlFpca ? ~0x10u : ~0u; // TEMP wiring (piece D): FTYPE
        PushStack(R[15]);
        ExceptionTaken(lr);
    }

    /// <summary>PushStack: the 8-word frame on the current stack, 8-byte aligned per CCR.STKALIGN.</summary>
    private void PushStack(uint returnAddress)
    {
        var sp = R[13];
        var xpsr = Xpsr;
        if ((sp & 4) != 0 && (Nvic.Ccr & (1u << 9)) != 0)
        {
            sp -= 4;
            xpsr |= 1u << 9;
        }

        var frame = sp - (ControlFpca ? 0x68u : 0x20u); // TEMP wiring (piece D)
        var attrs = Attrs(IsPrivileged);
        Span<uint> words = [R[0], R[1], R[2], R[3], R[12], R[14], returnAddress, xpsr];
        for (var i = 0; i < words.Length; i++)
        {
            if (Memory.Write(new GuestAddress(frame + (uint)(4 * i)), words[i], 4, attrs) != MemTxResult.Ok)
            {
                if (ExceptionLog.Enabled)
                {
                    ExceptionLog.Write("...BusFault with BFSR.STKERR");
                }

                Nvic.Cfsr |= FaultStatus.StkErr;
                Nvic.SetPending(ExceptionNumber.BusFault);
                break;
            }
        }

        if (ControlFpca)
        {
            PushFpContext(frame, IsPrivileged, Nvic.NegPriRequested, true); // TEMP wiring (piece D)
        }

        R[13] = frame;
    }

    /// <summary>ExceptionTaken: acknowledge, switch to Handler mode on MSP, branch to the vector.</summary>
    private void ExceptionTaken(uint lr)
    {
        var nvic = Nvic;
        var exc = nvic.VectPending;
        if (ExceptionLog.Enabled)
        {
            ExceptionLog.TakingPending(exc, nvic.Vtor + (uint)(4 * exc));
        }

        if (!ReadVector(nvic.Vtor + (uint)(4 * exc), out var vector))
        {
            nvic.Hfsr |= FaultStatus.HfsrVectTbl | FaultStatus.HfsrForced;
            EnterLockup($"cannot read vector {exc} at 0x{nvic.Vtor + (uint)(4 * exc):x8}");
            return;
        }

        EventRegister = true;
        nvic.Acknowledge();
        SwitchStack(false);
        Ipsr = exc;
        ControlSpsel = false;
        ExclusiveValid = false;
        ItState = 0;
        ControlFpca = false; // TEMP wiring (piece D)
        R[14] = lr;
        R[15] = vector & ~1u;
        Thumb = (vector & 1) != 0;
        if (ExceptionLog.Enabled)
        {
            ExceptionLog.Write($"...loaded new PC 0x{vector:x}");
        }
    }

    /// <summary>
    /// ExceptionReturn (do_v7m_exception_exit) for an EXC_RETURN value written to PC in Handler mode by BX, POP,
    /// LDR or LDM. Integrity failures raise UsageFault INVPC on the current frame.
    /// </summary>
    internal void ExceptionReturn(uint excReturn)
    {
        var nvic = Nvic;
        var exc = Ipsr;
        if (ExceptionLog.Enabled)
        {
            ExceptionLog.Taking(ExceptionLog.ExcpExceptionExit);
            ExceptionLog.Write($"Exception return: magic PC {excReturn:x} previous exception {exc}");
        }

        if (exc != ExceptionNumber.Nmi)
        {
            Faultmask = false;
        }

        var retToBase = nvic.Complete(exc);
        var mode = excReturn & 0xF;
        var valid = retToBase >= 0 && mode is 0x1 or 0x9 or 0xD
            && !(mode != 0x1 && retToBase == 0 && (nvic.Ccr & 1) == 0);
        if (!valid)
        {
            if (ExceptionLog.Enabled)
            {
                ExceptionLog.Write("...taking UsageFault on existing stackframe: failed exception return integrity check");
            }

            _entryCauseLogged = true;
            R[15] = excReturn;
            RaiseFault(ExceptionNumber.UsageFault, FaultStatus.InvPc);
            return;
        }

        var toThread = mode != 0x1;
        var toPsp = mode == 0xD;
        Ipsr = toThread ? 0 : Ipsr;
        ControlSpsel = toPsp;
        SwitchStack(toThread && toPsp);
        var frame = R[13];
        var attrs = Attrs(IsPrivileged);
        Span<uint> words = stackalloc uint[8];
        for (var i = 0; i < 8; i++)
        {
            if (Memory.Read(new GuestAddress(frame + (uint)(4 * i)), 4, attrs, out var w) != MemTxResult.Ok)
            {
                if (ExceptionLog.Enabled)
                {
                    ExceptionLog.Write("...BusFault with BFSR.UNSTKERR");
                    ExceptionLog.Write("...derived exception on unstacking");
                }

                _entryCauseLogged = true;
                nvic.Cfsr |= FaultStatus.UnstkErr;
                nvic.SetPending(ExceptionNumber.BusFault);
                RequestExceptionCheck();
                return;
            }

            words[i] = (uint)w;
        }

        R[0] = words[0];
        R[1] = words[1];
        R[2] = words[2];
        R[3] = words[3];
        R[12] = words[4];
        R[14] = words[5];
        R[15] = words[6] & ~1u;
        var xpsr = words[7];
        var ftype = (excReturn & 0x10) != 0 || !HasFp; // TEMP wiring (piece D)
        if (!ftype)
        {
            PopFpContext(frame, toThread ? !ControlNPriv : true, false);
        }

        ControlFpca = !ftype;
        R[13] = (frame + (ftype ? 0x20u : 0x68u)) | ((xpsr >> 9) & 1) * 4;
        Xpsr = xpsr;
        Ipsr = (int)(xpsr & 0x1FF);
        if (toThread == (Ipsr != 0))
        {
            if (ExceptionLog.Enabled)
            {
                ExceptionLog.Write("...taking UsageFault on new stackframe: failed exception return integrity check");
            }

            _entryCauseLogged = true;
            SwitchStack(UsingPsp);
            RaiseFault(ExceptionNumber.UsageFault, FaultStatus.InvPc);
        }

        else if (ExceptionLog.Enabled)
        {
            ExceptionLog.Write("...successful exception return");
        }

        SwitchStack(UsingPsp);
        ExclusiveValid = false;
        EventRegister = true;
        RequestExceptionCheck();
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
