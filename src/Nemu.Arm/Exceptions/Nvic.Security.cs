// The ARMv8-M Security Extension side of the NVIC and SCB (Armv8-M ARM B3.9 "Exception priorities and
// preemption", D1.2 banked SCB registers; mprofile.md §4.1, §4.2, §4.4, §4.5; QEMU 7.2 hw/intc/armv7m_nvic.c
// sec_vectors, itns, exc_targets_secure, exc_group_prio, nvic_exec_prio, armv7m_nvic_neg_prio_requested). Holds the
// banked SCB registers (index BankNs/BankS, as QEMU's M_REG_NS/M_REG_S), the unbanked SecExt registers (SFSR, SFAR,
// NSACR, AIRCR.PRIS/BFHFNMINS/SYSRESETREQS), the Secure copies of the banked exceptions (HardFault, MemManage,
// UsageFault, SVCall, PendSV, SysTick) with their own pending/active bitmaps, and ITNS. On cores without the
// extension everything lives in bank 0 and the Secure copies are never used (QEMU's non-security NVIC).
namespace Nemu.Arm.Exceptions;

/// <summary>Security Extension state and entry points of the NVIC.</summary>
public sealed partial class Nvic
{
    private const int BankNs = 0, BankS = 1;

    /// <summary>QEMU NVIC_NS_PRIO_LIMIT: the highest priority Non-secure exceptions reach when AIRCR.PRIS is set.</summary>
    public const int NsPriorityLimit = 0x80;

    // Exceptions with a Secure copy (exc_is_banked), as a bit mask over exception numbers.
    private const uint BankedMask = (1u << ExceptionNumber.HardFault) | (1u << ExceptionNumber.MemManage) | (1u << ExceptionNumber.UsageFault)
        | (1u << ExceptionNumber.SvCall) | (1u << ExceptionNumber.PendSv) | (1u << ExceptionNumber.SysTick);

    private readonly uint[] _vtor = new uint[2];
    private readonly uint[] _ccr = new uint[2];
    private readonly uint[] _scr = new uint[2];
    private readonly uint[] _cfsr = new uint[2];
    private readonly uint[] _mmfar = new uint[2];
    private readonly int[] _priGroup = new int[2];

    // sec_vectors: the Secure copies of the banked exceptions (indexes 0-15, only BankedMask entries used), with
    // their pending/active bits (bit n = exception n) kept in step like _pendingBits/_activeBits.
    private readonly NvicVector[] _secVectors = new NvicVector[ExceptionNumber.FirstExternal];
    private ulong _secPendingBits;
    private ulong _secActiveBits;

    // ITNS: bit n set = exception n (an external interrupt) targets Non-secure; same layout as _pendingBits.
    private readonly ulong[] _itns;

    /// <summary>
    /// The security of the SCS access in progress (attrs.Secure, false through the Non-secure alias): selects the bank
    /// of the banked registers in the register rows. Always false on cores without the extension.
    /// </summary>
    public bool AccessSecure { get; internal set; }

    /// <summary>SFSR (Secure only).</summary>
    public uint Sfsr;

    /// <summary>SFAR (Secure only).</summary>
    public uint Sfar;

    /// <summary>NSACR (Secure only): CP10/CP11 bits 10/11 grant Non-secure FP access.</summary>
    public uint Nsacr;

    /// <summary>AIRCR.BFHFNMINS: BusFault, HardFault and NMI target Non-secure.</summary>
    public bool Bfhfnmins { get; private set; }

    /// <summary>AIRCR.PRIS: Non-secure exception priorities are squashed into the lower half.</summary>
    public bool Pris { get; private set; }

    /// <summary>AIRCR.SYSRESETREQS: SYSRESETREQ is Secure only.</summary>
    public bool Sysresetreqs { get; private set; }

    /// <summary>VTOR of the given bank.</summary>
    public ref uint VtorOf(bool secure) => ref _vtor[secure ? BankS : BankNs];

    /// <summary>CCR of the given bank (BFHFNMIGN, the one unbanked bit, lives in the Non-secure copy).</summary>
    public ref uint CcrOf(bool secure) => ref _ccr[secure ? BankS : BankNs];

    /// <summary>SCR of the given bank.</summary>
    public ref uint ScrOf(bool secure) => ref _scr[secure ? BankS : BankNs];

    /// <summary>CFSR of the given bank (the BFSR byte is unbanked and lives in the Non-secure copy on SecExt).</summary>
    public ref uint CfsrOf(bool secure) => ref _cfsr[secure ? BankS : BankNs];

    /// <summary>MMFAR of the given bank.</summary>
    public ref uint MmfarOf(bool secure) => ref _mmfar[secure ? BankS : BankNs];

    /// <summary>AIRCR.PRIGROUP of the given bank.</summary>
    public ref int PriGroupOf(bool secure) => ref _priGroup[secure ? BankS : BankNs];

    /// <summary>Whether the pending exception selected in <see cref="VectPending"/> is the Secure copy of a banked one.</summary>
    public bool VectPendingSecure { get; private set; }

    /// <summary>Whether <see cref="VectPending"/> is taken to Secure state (armv7m_nvic_get_pending_irq_info).</summary>
    public bool VectPendingTargetsSecure => VectPending != 0 && (VectPendingSecure || (!IsBanked(VectPending) && TargetsSecureUnbanked(VectPending)));

    /// <summary>exc_is_banked: HardFault, MemManage, UsageFault, SVCall, PendSV and SysTick have a copy per state.</summary>
    public static bool IsBanked(int exc) => (uint)exc < 32 && (BankedMask & (1u << exc)) != 0;

    /// <summary>The record of <paramref name="exc"/> in the given bank (the Secure copy only for banked exceptions).</summary>
    public ref NvicVector VectorOf(int exc, bool secure) => ref secure && _secExt && IsBanked(exc) ? ref _secVectors[exc] : ref _vectors[exc];

    /// <summary>ITNS bit of external interrupt exception <paramref name="exc"/>: it targets Non-secure.</summary>
    public bool TargetsNonSecureItns(int exc) => (_itns[exc >> 6] & (1ul << exc)) != 0;

    /// <summary>Writes the ITNS bit of external interrupt exception <paramref name="exc"/> (the caller recomputes).</summary>
    internal void SetItns(int exc, bool nonSecure)
    {
        if (nonSecure)
        {
            _itns[exc >> 6] |= 1ul << exc;
        }
        else
        {
            _itns[exc >> 6] &= ~(1ul << exc);
        }
    }

    /// <summary>
    /// exc_targets_secure for banked and unbanked exceptions: a banked exception targets the state of the copy asked
    /// for; an IRQ targets Secure unless ITNS; NMI and BusFault target Secure unless BFHFNMINS; SecureFault always
    /// Secure; DebugMonitor Non-secure. Without the extension always false.
    /// </summary>
    public bool TargetsSecure(int exc, bool requestedSecure) => _secExt && (IsBanked(exc) ? requestedSecure : TargetsSecureUnbanked(exc));

    /// <summary>exc_group_prio: group priority of a raw priority for an exception taken to the given state (PRIS squash).</summary>
    public int GroupPriority(int priority, bool targetsSecure)
    {
        if (priority < 0)
        {
            return priority;
        }

        priority &= ~((1 << (_priGroup[targetsSecure ? BankS : BankNs] + 1)) - 1) & 0xFF;
        return !targetsSecure && Pris ? (priority >> 1) + NsPriorityLimit : priority;
    }

    /// <summary>Stores a priority of the given bank's copy (SHPR of a banked exception, IPR).</summary>
    public void SetPriority(int exc, bool secure, int value)
    {
        if (exc <= ExceptionNumber.HardFault || exc >= _vectors.Length)
        {
            return;
        }

        VectorOf(exc, secure).Priority = (short)(value & _priorityMask);
        Update();
    }

    /// <summary>armv7m_nvic_clear_pending for the given bank.</summary>
    public void ClearPending(int exc, bool secure)
    {
        if (secure && _secExt && IsBanked(exc))
        {
            if (_secVectors[exc].Pending)
            {
                _secVectors[exc].Pending = false;
                _secPendingBits &= ~(1ul << exc);
                Update();
            }

            return;
        }

        if (_vectors[exc].Pending)
        {
            _vectors[exc].Pending = false;
            ClearBit(_pendingBits, exc);
            Update();
        }
    }

    /// <summary>armv7m_nvic_neg_prio_requested (IsReqExcPriNeg) for one security state.</summary>
    public bool NegPriRequestedFor(bool secure)
    {
        if (!_secExt)
        {
            return _cpu.Faultmask || _vectors[ExceptionNumber.HardFault].Active || _vectors[ExceptionNumber.Nmi].Active;
        }

        return _cpu.FaultmaskOf(secure)
            || (secure ? _secVectors : _vectors)[ExceptionNumber.HardFault].Active
            || (_vectors[ExceptionNumber.Nmi].Active && TargetsSecureUnbanked(ExceptionNumber.Nmi) == secure);
    }

    /// <summary>
    /// An AIRCR write from Secure state (only Secure may write PRIS, BFHFNMINS and SYSRESETREQS): BFHFNMINS=1 makes the
    /// Secure HardFault priority -3 and lets the Non-secure HardFault preempt (QEMU marks it enabled), 0 undoes both.
    /// </summary>
    internal void WriteSecureAircrBits(bool pris, bool bfhfnmins, bool sysresetreqs)
    {
        Pris = pris;
        Bfhfnmins = bfhfnmins;
        Sysresetreqs = sysresetreqs;
        _secVectors[ExceptionNumber.HardFault].Priority = (short)(bfhfnmins ? -3 : -1);
        _vectors[ExceptionNumber.HardFault].Enabled = bfhfnmins;
        Recompute();
    }

    /// <summary>Sets the AIRCR Secure-only bits from migration, without the priority side effects of a write.</summary>
    internal void RestoreAircrBits(bool pris, bool bfhfnmins, bool sysresetreqs)
    {
        Pris = pris;
        Bfhfnmins = bfhfnmins;
        Sysresetreqs = sysresetreqs;
    }

    // exc_targets_secure for an unbanked exception.
    private bool TargetsSecureUnbanked(int exc)
    {
        if (!_secExt)
        {
            return false;
        }

        if (exc >= ExceptionNumber.FirstExternal)
        {
            return !TargetsNonSecureItns(exc);
        }

        return exc switch
        {
            ExceptionNumber.Nmi or ExceptionNumber.BusFault => !Bfhfnmins,
            ExceptionNumber.DebugMonitor => false,
            _ => true,
        };
    }

    // nvic_exec_prio with both banks' masks (mprofile.md §4.2).
    private int ExecutionPrioritySecure()
    {
        var running = NoPriority;
        var basepriNs = _cpu.BasepriOf(false);
        if (basepriNs > 0)
        {
            running = GroupPriority(basepriNs, false);
        }

        var basepriS = _cpu.BasepriOf(true);
        if (basepriS > 0)
        {
            running = Math.Min(running, GroupPriority(basepriS, true));
        }

        if (_cpu.PrimaskOf(false))
        {
            running = Pris ? Math.Min(running, NsPriorityLimit) : 0;
        }

        if (_cpu.PrimaskOf(true))
        {
            running = 0;
        }

        if (_cpu.FaultmaskOf(false))
        {
            running = Bfhfnmins ? -1 : Pris ? Math.Min(running, NsPriorityLimit) : 0;
        }

        if (_cpu.FaultmaskOf(true))
        {
            running = Bfhfnmins ? -3 : -1;
        }

        return Math.Min(running, ExceptionPriority);
    }

    private void ResetSecurityRegisters()
    {
        Sfsr = Sfar = Nsacr = 0;
        Bfhfnmins = Pris = Sysresetreqs = false;
        VectPendingSecure = false;
        ResetFpBanks();
    }

    private void ResetSecureVectors()
    {
        Array.Clear(_secVectors);
        Array.Clear(_itns);
        if (!_secExt)
        {
            return;
        }

        foreach (var e in (ReadOnlySpan<int>)[ExceptionNumber.HardFault, ExceptionNumber.SvCall, ExceptionNumber.PendSv, ExceptionNumber.SysTick])
        {
            _secVectors[e].Enabled = true;
        }

        _secVectors[ExceptionNumber.HardFault].Priority = -1;
        _vectors[ExceptionNumber.HardFault].Enabled = false;
    }

    private void RecomputeSecureBits()
    {
        _secPendingBits = _secActiveBits = 0;
        if (!_secExt)
        {
            return;
        }

        for (var i = 1; i < _secVectors.Length; i++)
        {
            if (_secVectors[i].Pending)
            {
                _secPendingBits |= 1ul << i;
            }

            if (_secVectors[i].Active)
            {
                _secActiveBits |= 1ul << i;
                _activeCount++;
            }
        }
    }
}
