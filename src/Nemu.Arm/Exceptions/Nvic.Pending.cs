// The pending-side rules of the NVIC that depend on why an exception is pended (QEMU hw/intc/armv7m_nvic.c
// do_armv7m_nvic_set_pending, armv7m_nvic_set_pending_derived/_lazyfp, get_ready_status, neg_prio_requested;
// mprofile.md §2.7, §3.6, §4.3; Armv7-M ARM B1.5.19 Lockup): escalation of synchronous faults to HardFault with
// HFSR.FORCED, derived-exception prioritisation, lazy-FP escalation from FPCCR.*RDY, and the Lockup conditions that
// QEMU turns into cpu_abort (here a false return the CPU acts on). The Security Extension variants are in
// Nvic.SecurePending.cs; the one-argument forms use the CPU's current security state for banked exceptions.
namespace Nemu.Arm.Exceptions;

/// <summary>Exception state of one M-profile CPU (pending rules).</summary>
public sealed partial class Nvic
{
    /// <summary>
    /// armv7m_nvic_set_pending_derived (Armv8-M DerivedLateArrival as QEMU implements it, mprofile.md §2.7): pends a
    /// fault raised while taking <see cref="VectPending"/> (stacking, vector load). A DebugMonitor that cannot preempt
    /// the pre-entry execution priority is dropped; a HardFault (a terminal derived exception) whose priority is not
    /// above the pending exception's means Lockup. Escalation otherwise follows <see cref="SetPending(int)"/>, against the
    /// pre-entry execution priority (QEMU's choice, mprofile.md §8.4).
    /// </summary>
    /// <returns>False when the derived exception cannot be taken (Lockup).</returns>
    public bool SetPendingDerived(int exc) => _secExt ? PendSecure(exc, _cpu.Secure && IsBanked(exc), derived: true) : Pend(exc, derived: true);

    /// <summary>
    /// armv7m_nvic_set_pending_lazyfp (mprofile.md §3.6): pends a fault of lazy FP preservation. Whether it escalates
    /// to HardFault is decided by the FPCCR.*RDY bits saved at exception entry, not by the current state; a fault that
    /// cannot preempt while FPCCR.HFRDY is clear means Lockup.
    /// </summary>
    /// <returns>False for Lockup.</returns>
    public bool SetPendingLazyFp(int exc)
    {
        if (_secExt)
        {
            return SetPendingLazyFpSecure(exc, _cpu.Secure && IsBanked(exc));
        }

        var fpccr = _cpu.FpccrValue;
        if (LazyFpEscalates(exc, fpccr, fpccr) is not { } escalate)
        {
            return true;
        }

        if (escalate)
        {
            exc = ExceptionNumber.HardFault;
        }

        ref var v = ref _vectors[exc];
        if ((!v.Enabled || ExecutionPriority() <= GroupPriority(v.Priority)) && (fpccr & FpccrHfRdy) == 0)
        {
            return false;
        }

        if (escalate)
        {
            Hfsr |= FaultStatus.HfsrForced;
        }

        MarkPending(exc);
        return true;
    }

    /// <summary>
    /// armv7m_nvic_get_ready_status (for FPCCR.*RDY): <paramref name="exc"/> is enabled and its group priority would
    /// preempt the current execution priority; HardFault is ready whenever the execution priority is above -1.
    /// </summary>
    public bool GetReadyStatus(int exc) => _secExt ? GetReadyStatus(exc, _cpu.Secure && IsBanked(exc)) : exc == ExceptionNumber.HardFault
        ? ExecutionPriority() > -1
        : _vectors[exc].Enabled && GroupPriority(_vectors[exc].Priority) < ExecutionPriority();

    /// <summary>
    /// armv7m_nvic_neg_prio_requested (IsReqExcPriNeg): FAULTMASK set, or HardFault or NMI active. Selects the MPU's
    /// HFNMIENA behaviour; not the same as a negative execution priority.
    /// </summary>
    public bool NegPriRequested => _secExt ? NegPriRequestedFor(_cpu.Secure) : _cpu.Faultmask || _vectors[ExceptionNumber.HardFault].Active || _vectors[ExceptionNumber.Nmi].Active;

    /// <summary>
    /// Whether a pending exception can end a Lockup (Armv7-M ARM B1.5.19): the locked-up core runs at priority -1
    /// (or -2 when it locked up in NMI), so only a pending NMI preempts it, and only from a HardFault-level lockup.
    /// QEMU aborts on Lockup instead (mprofile.md §8.1).
    /// </summary>
    public bool CanExitLockup => VectPending != 0 && VectPendingPriority < Math.Min(ExecutionPriority(), -1);

    // do_armv7m_nvic_set_pending for a CPU without the Security Extension.
    private bool Pend(int exc, bool derived)
    {
        if (derived)
        {
            System.Diagnostics.Debug.Assert(exc is >= ExceptionNumber.HardFault and < ExceptionNumber.PendSv, "derived exceptions are synchronous");
            if (exc == ExceptionNumber.DebugMonitor && GroupPriority(_vectors[exc].Priority) >= ExecutionPriority())
            {
                return true;
            }

            if (exc == ExceptionNumber.HardFault && _vectors[exc].Priority >= VectPendingPriority)
            {
                return false;
            }
        }

        if (exc is >= ExceptionNumber.HardFault and < ExceptionNumber.PendSv)
        {
            ref var v = ref _vectors[exc];
            var running = ExecutionPriority();
            if (GroupPriority(v.Priority) >= running || !v.Enabled)
            {
                if (running <= _vectors[ExceptionNumber.HardFault].Priority)
                {
                    return false;
                }

                // A debug event (BKPT with DebugMonitor disabled) escalates with HFSR.DEBUGEVT (Armv7-M ARM B3.2.16,
                // C1.6.3); QEMU sets FORCED there (mprofile.md §8.3, docs/deviations.md).
                Hfsr |= exc == ExceptionNumber.DebugMonitor ? FaultStatus.HfsrDebugEvt : FaultStatus.HfsrForced;
                exc = ExceptionNumber.HardFault;
            }
        }

        MarkPending(exc);
        return true;
    }

    private void MarkPending(int exc)
    {
        if (!_vectors[exc].Pending)
        {
            _vectors[exc].Pending = true;
            SetBit(_pendingBits, exc);
            Update();
        }
    }

    /// <summary>
    /// The FPCCR ready bit that decides whether a lazy-FP fault escalates to HardFault (armv7m_nvic_set_pending_lazyfp):
    /// MMRDY and UFRDY of the faulting context's bank, BFRDY, SFRDY and MONRDY of the Secure bank (the only bank
    /// without the Security Extension). Null: a DebugMonitor exception that is not ready is ignored.
    /// </summary>
    private static bool? LazyFpEscalates(int exc, uint fpccr, uint fpccrS) => exc switch
    {
        ExceptionNumber.DebugMonitor => (fpccrS & FpccrMonRdy) == 0 ? null : false,
        ExceptionNumber.MemManage => (fpccr & FpccrMmRdy) == 0,
        ExceptionNumber.UsageFault => (fpccr & FpccrUfRdy) == 0,
        ExceptionNumber.BusFault => (fpccrS & FpccrBfRdy) == 0,
        ExceptionNumber.SecureFault => (fpccrS & FpccrSfRdy) == 0,
        _ => throw new ArgumentOutOfRangeException(nameof(exc), exc, "lazy FP stacking raises only MemManage, BusFault, UsageFault, SecureFault or DebugMonitor"),
    };
}
