// Pending selection and the pending-side rules of an NVIC with the ARMv8-M Security Extension (QEMU 7.2
// hw/intc/armv7m_nvic.c nvic_recompute_state_secure, do_armv7m_nvic_set_pending, armv7m_nvic_set_pending_lazyfp,
// armv7m_nvic_get_ready_status; mprofile.md §4.2, §4.3, §2.7, §3.6, §8.18). Selection (R_CQRV): lowest group
// priority, then lowest subpriority, then lowest exception number, then the Secure copy of a banked pair; the group
// priority of an exception taken to Non-secure state is squashed by AIRCR.PRIS. Escalation compares the group
// priority computed with the bank flag (QEMU's choice, §8.18) and escalates to the Secure HardFault unless the
// original exception targets Non-secure state and BFHFNMINS is set. Lockup is a false return, as for v7.
namespace Nemu.Arm.Exceptions;

/// <summary>Pending rules of the NVIC with the Security Extension.</summary>
public sealed partial class Nvic
{
    /// <summary>armv7m_nvic_set_pending with the bank of a banked exception (false for unbanked ones).</summary>
    /// <returns>False for Lockup.</returns>
    public bool SetPending(int exc, bool secure) => _secExt ? PendSecure(exc, secure && IsBanked(exc), derived: false) : Pend(exc, derived: false);

    /// <summary>armv7m_nvic_set_pending_derived with the bank of a banked exception.</summary>
    /// <returns>False for Lockup.</returns>
    public bool SetPendingDerived(int exc, bool secure) => _secExt ? PendSecure(exc, secure && IsBanked(exc), derived: true) : Pend(exc, derived: true);

    /// <summary>armv7m_nvic_set_pending_lazyfp with the bank of a banked exception.</summary>
    /// <returns>False for Lockup.</returns>
    public bool SetPendingLazyFp(int exc, bool secure) => _secExt ? SetPendingLazyFpSecure(exc, secure && IsBanked(exc)) : SetPendingLazyFp(exc);

    /// <summary>
    /// armv7m_nvic_get_ready_status for the given bank: enabled and its group priority (with the bank flag) preempts
    /// the execution priority; HardFault is ready whenever the execution priority is above -1.
    /// </summary>
    public bool GetReadyStatus(int exc, bool secure)
    {
        if (!_secExt)
        {
            return GetReadyStatus(exc);
        }

        var running = ExecutionPriority();
        if (exc == ExceptionNumber.HardFault)
        {
            return running > -1;
        }

        ref var v = ref VectorOf(exc, secure);
        return v.Enabled && GroupPriority(v.Priority, secure && IsBanked(exc)) < running;
    }

    // do_armv7m_nvic_set_pending for a core with the Security Extension.
    private bool PendSecure(int exc, bool secure, bool derived)
    {
        var sBank = secure;
        var targetsSecure = IsBanked(exc) ? secure : TargetsSecureUnbanked(exc);
        if (derived)
        {
            System.Diagnostics.Debug.Assert(exc is >= ExceptionNumber.HardFault and < ExceptionNumber.PendSv, "derived exceptions are synchronous");
            ref var d = ref VectorOf(exc, sBank);
            if (exc == ExceptionNumber.DebugMonitor && GroupPriority(d.Priority, secure) >= ExecutionPriority())
            {
                return true;
            }

            if (exc == ExceptionNumber.HardFault && d.Priority >= VectPendingPriority)
            {
                return false;
            }
        }

        if (exc is >= ExceptionNumber.HardFault and < ExceptionNumber.PendSv)
        {
            ref var v = ref VectorOf(exc, sBank);
            var running = ExecutionPriority();
            if (GroupPriority(v.Priority, secure) >= running || !v.Enabled)
            {
                exc = ExceptionNumber.HardFault;
                sBank = targetsSecure || !Bfhfnmins;
                if (running <= VectorOf(exc, sBank).Priority)
                {
                    return false;
                }

                Hfsr |= FaultStatus.HfsrForced;
            }
        }

        MarkPendingBank(exc, sBank);
        return true;
    }

    // armv7m_nvic_set_pending_lazyfp: the *RDY bits of the FPCCR bank of the faulting context decide escalation.
    private bool SetPendingLazyFpSecure(int exc, bool secure)
    {
        var fpccrS = FpccrOf(true);
        var fpccr = FpccrOf(secure);
        var targetsSecure = IsBanked(exc) ? secure : TargetsSecureUnbanked(exc);
        if (LazyFpEscalates(exc, fpccr, fpccrS) is not { } escalate)
        {
            return true;
        }

        var sBank = secure;
        if (escalate)
        {
            exc = ExceptionNumber.HardFault;
            sBank = targetsSecure || !Bfhfnmins;
        }

        ref var v = ref VectorOf(exc, sBank);
        if ((!v.Enabled || ExecutionPriority() <= GroupPriority(v.Priority, secure)) && (fpccrS & FpccrHfRdy) == 0)
        {
            return false;
        }

        if (escalate)
        {
            Hfsr |= FaultStatus.HfsrForced;
        }

        MarkPendingBank(exc, sBank);
        return true;
    }

    private void MarkPendingBank(int exc, bool sBank)
    {
        if (!(sBank && IsBanked(exc)))
        {
            MarkPending(exc);
            return;
        }

        if (!_secVectors[exc].Pending)
        {
            _secVectors[exc].Pending = true;
            _secPendingBits |= 1ul << exc;
            Update();
        }
    }

    // nvic_recompute_state_secure over the set bits only: exception numbers ascending, the Secure copy of a banked
    // exception before the Non-secure one, strict comparisons so the first candidate wins a full tie.
    private void UpdateSecure()
    {
        var pending = 0;
        var pendPrio = NoPriority;
        var pendSub = 0;
        var pendS = false;
        for (var w = 0; w < _pendingBits.Length; w++)
        {
            var bits = _pendingBits[w] | (w == 0 ? _secPendingBits : 0);
            while (bits != 0)
            {
                var i = (w << 6) | System.Numerics.BitOperations.TrailingZeroCount(bits);
                bits &= bits - 1;
                for (var bank = 1; bank >= 0; bank--)
                {
                    NvicVector v;
                    bool targetsSecure;
                    if (bank == 1)
                    {
                        if (w != 0 || (_secPendingBits & (1ul << i)) == 0)
                        {
                            continue;
                        }

                        v = _secVectors[i];
                        targetsSecure = true;
                    }
                    else
                    {
                        if ((_pendingBits[w] & (1ul << i)) == 0)
                        {
                            continue;
                        }

                        v = _vectors[i];
                        targetsSecure = !IsBanked(i) && TargetsSecureUnbanked(i);
                    }

                    if (!v.Enabled)
                    {
                        continue;
                    }

                    var prio = GroupPriority(v.Priority, targetsSecure);
                    var sub = v.Priority & ((1 << (_priGroup[targetsSecure ? BankS : BankNs] + 1)) - 1);
                    if (prio < pendPrio || (prio == pendPrio && prio >= 0 && sub < pendSub))
                    {
                        pendPrio = prio;
                        pendSub = sub;
                        pending = i;
                        pendS = bank == 1;
                    }
                }
            }
        }

        var activePrio = NoPriority;
        if (_activeCount != 0)
        {
            for (var w = 0; w < _activeBits.Length; w++)
            {
                var bits = _activeBits[w];
                while (bits != 0)
                {
                    var i = (w << 6) | System.Numerics.BitOperations.TrailingZeroCount(bits);
                    bits &= bits - 1;
                    activePrio = Math.Min(activePrio, GroupPriority(_vectors[i].Priority, !IsBanked(i) && TargetsSecureUnbanked(i)));
                }
            }

            var sbits = _secActiveBits;
            while (sbits != 0)
            {
                var i = System.Numerics.BitOperations.TrailingZeroCount(sbits);
                sbits &= sbits - 1;
                activePrio = Math.Min(activePrio, GroupPriority(_secVectors[i].Priority, true));
            }
        }

        VectPending = pending;
        VectPendingSecure = pendS;
        VectPendingPriority = pendPrio;
        ExceptionPriority = activePrio;
        _cpu.OnExceptionStateChanged();
    }
}
