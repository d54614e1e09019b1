// The NVIC and the SCB state it shares with the CPU (QEMU hw/intc/armv7m_nvic.c; mprofile.md §4.1-§4.3,
// Armv7-M ARM B1.5.4 priorities, B3.4 NVIC). Models the non-Security-Extension CPU: priorities with PRIGROUP,
// pending selection (lowest priority value, then lowest number), execution priority from active exceptions and
// PRIMASK/BASEPRI/FAULTMASK, escalation of synchronous faults to HardFault (HFSR.FORCED), level-sensitive external
// inputs that re-pend on completion, derived exceptions (set_pending_derived) and lazy-FP faults (set_pending_lazyfp).
// Lockup is reported to the CPU as a false return (QEMU aborts instead, mprofile.md §8.1). Pending and active vectors
// are also kept as bitmaps with an active count, so selection and RETTOBASE cost O(set bits), not O(vectors).
// The Security Extension (Secure copies of the banked exceptions, ITNS, AIRCR.PRIS/BFHFNMINS, the two-bank execution
// priority) is in Nvic.Security.cs and Nvic.SecurePending.cs; cores without it take the paths here unchanged.
using Nemu.Arm.Cpu;
using Nemu.Core.Irq;

namespace Nemu.Arm.Exceptions;

/// <summary>Exception state of one M-profile CPU: vectors, priorities and the SCB fault/status registers.</summary>
public sealed partial class Nvic
{
    /// <summary>Priority returned when nothing is active ("running priority" = 0x100).</summary>
    public const int NoPriority = 0x100;

    private readonly NvicVector[] _vectors;
    private readonly ArmCpu _cpu;
    private readonly int _priorityMask;
    private const uint FpccrHfRdy = 1 << 4, FpccrMmRdy = 1 << 5, FpccrBfRdy = 1 << 6, FpccrMonRdy = 1 << 8, FpccrUfRdy = 1 << 10;

    // Pending (enabled or not) and active exceptions, one bit per vector, kept in step with _vectors by every method
    // here; code that changes the records through Vector() calls Recompute, which rebuilds them.
    private readonly ulong[] _pendingBits;
    private readonly ulong[] _activeBits;
    private int _activeCount;

    // The core has the Security Extension (fixed per model): selects QEMU's nvic_recompute_state_secure and friends.
    private readonly bool _secExt;

    public Nvic(ArmCpu cpu, int numIrq, int numPriorityBits)
    {
        ArgumentNullException.ThrowIfNull(cpu);
        if (numIrq is < 1 or > 496)
        {
            throw new ArgumentOutOfRangeException(nameof(numIrq), "num-irq must be 1..496");
        }

        _cpu = cpu;
        _secExt = cpu.HasSecurityExtension;
        NumIrq = numIrq;
        NumPriorityBits = Math.Clamp(numPriorityBits, 2, 8);
        _priorityMask = (0xFF << (8 - NumPriorityBits)) & 0xFF;
        _vectors = new NvicVector[ExceptionNumber.FirstExternal + numIrq];
        _pendingBits = new ulong[(_vectors.Length + 63) / 64];
        _activeBits = new ulong[_pendingBits.Length];
        _itns = new ulong[_pendingBits.Length];
        IrqInputs = new IrqLine[numIrq];
        for (var i = 0; i < numIrq; i++)
        {
            var n = i;
            IrqInputs[i] = new IrqLine($"nvic-irq{n}", level => SetIrqLevel(n, level));
        }

        cpu.AttachNvic(this);
        Reset();
    }

    public int NumIrq { get; }

    /// <summary>The CPU whose exceptions this NVIC controls.</summary>
    public ArmCpu Cpu => _cpu;

    public int NumPriorityBits { get; }

    /// <summary>The gpio-in lines of the external interrupts (connect device outputs here).</summary>
    public IrqLine[] IrqInputs { get; }

    /// <summary>Highest-priority pending enabled exception (0: none) — ICSR.VECTPENDING.</summary>
    public int VectPending { get; private set; }

    /// <summary>Group priority of <see cref="VectPending"/> (used for preemption).</summary>
    public int VectPendingPriority { get; private set; } = NoPriority;

    /// <summary>Lowest group priority among active exceptions (the raw execution priority), or 0x100.</summary>
    public int ExceptionPriority { get; private set; } = NoPriority;

    // ---- SCB registers kept with the exception state (offsets in ScsRegisters) ----
    // VTOR, CCR, SCR, CFSR, MMFAR and PRIGROUP are banked on the Security Extension (Nvic.Security.cs); these
    // accessors use the bank of the CPU's current security state.
    public ref uint Vtor => ref _vtor[_cpu.Bank];

    public ref uint Ccr => ref _ccr[_cpu.Bank];

    public ref uint Scr => ref _scr[_cpu.Bank];

    /// <summary>CSSELR: the cache level and kind CCSIDR describes (level bits 3:1, InD bit 0).</summary>
    public uint Csselr;

    public ref uint Cfsr => ref _cfsr[_cpu.Bank];

    public uint Hfsr;
    public uint Dfsr;

    public ref uint Mmfar => ref _mmfar[_cpu.Bank];

    public uint Bfar;

    public ref int PriGroup => ref _priGroup[_cpu.Bank];

    /// <summary>Called for AIRCR.SYSRESETREQ (the board resets the machine).</summary>
    public Action? SystemResetRequested { get; set; }

    public ref NvicVector Vector(int exc) => ref _vectors[exc];

    public int VectorCount => _vectors.Length;

    public void Reset()
    {
        Array.Clear(_vectors);
        _vectors[ExceptionNumber.Reset].Priority = (short)(_cpu.Model.IsV8 ? -4 : -3);
        _vectors[ExceptionNumber.Nmi].Priority = -2;
        _vectors[ExceptionNumber.HardFault].Priority = -1;
        foreach (var e in (int[])[ExceptionNumber.Reset, ExceptionNumber.Nmi, ExceptionNumber.HardFault, ExceptionNumber.SvCall, ExceptionNumber.PendSv, ExceptionNumber.SysTick])
        {
            _vectors[e].Enabled = true;
        }

        var ccr = _cpu.Model.IsV6M ? (1u << 9) | (1u << 3) : _cpu.Model.IsV8 ? (1u << 9) | 1u : 1u << 9;
        _vtor[BankNs] = _cpu.HasSecurityExtension ? _cpu.InitNsvtor & ~0x7Fu : 0;
        _vtor[BankS] = _cpu.InitSvtor & ~0x7Fu;
        _ccr[BankNs] = _ccr[BankS] = ccr;
        Array.Clear(_scr);
        Array.Clear(_cfsr);
        Array.Clear(_mmfar);
        Array.Clear(_priGroup);
        Csselr = Hfsr = Dfsr = Bfar = 0;
        ResetSecurityRegisters();
        ResetSecureVectors();
        Recompute();
    }

    /// <summary>Stores a priority keeping only the implemented bits (writes of fixed priorities are ignored).</summary>
    public void SetPriority(int exc, int value)
    {
        if (exc <= ExceptionNumber.HardFault || exc >= _vectors.Length)
        {
            return;
        }

        _vectors[exc].Priority = (short)(value & _priorityMask);
        Update();
    }

    /// <summary>exc_group_prio: the group priority used for preemption.</summary>
    public int GroupPriority(int priority) => priority < 0 ? priority : priority & ~((1 << (PriGroup + 1)) - 1) & 0xFF;

    /// <summary>nvic_exec_prio: the current execution priority.</summary>
    public int ExecutionPriority()
    {
        if (_secExt)
        {
            return ExecutionPrioritySecure();
        }

        var running = NoPriority;
        if (_cpu.Basepri != 0)
        {
            running = GroupPriority(_cpu.Basepri);
        }

        if (_cpu.Primask)
        {
            running = 0;
        }

        if (_cpu.Faultmask)
        {
            running = -1;
        }

        return Math.Min(running, ExceptionPriority);
    }

    /// <summary>can_take_pending_exception: the pending exception preempts the current priority.</summary>
    public bool CanTakePending() => VectPending != 0 && VectPendingPriority < ExecutionPriority();

    /// <summary>armv7m_nvic_set_pending: pends <paramref name="exc"/>, escalating synchronous faults to HardFault.</summary>
    /// <returns>False if the escalation is impossible (Lockup).</returns>
    /// <remarks>A banked exception pends the copy of the CPU's current security state.</remarks>
    public bool SetPending(int exc) => _secExt ? PendSecure(exc, _cpu.Secure && IsBanked(exc), derived: false) : Pend(exc, derived: false);

    /// <summary>Clears the pending bit (of the current security state's copy for a banked exception).</summary>
    public void ClearPending(int exc) => ClearPending(exc, _cpu.Secure && IsBanked(exc));

    /// <summary>
    /// armv7m_nvic_acknowledge_irq: the pending exception becomes active; returns its number. The caller must have
    /// checked <see cref="CanTakePending"/> (QEMU asserts it).
    /// </summary>
    public int Acknowledge() => Acknowledge(out _);

    /// <summary>armv7m_nvic_complete_irq: -1 if not active, else RETTOBASE (1 when it was the only active one).</summary>
    public int Complete(int exc)
    {
        if (_cpu.Model.IsV8)
        {
            return Complete(exc, _cpu.Secure);
        }

        if (exc <= 0 || exc >= _vectors.Length || !_vectors[exc].Active)
        {
            return -1;
        }

        var retToBase = _activeCount <= 1 ? 1 : 0;
        ref var v = ref _vectors[exc];
        v.Active = false;
        ClearBit(_activeBits, exc);
        _activeCount--;
        if (exc >= ExceptionNumber.FirstExternal && v.Level)
        {
            v.Pending = true;
            SetBit(_pendingBits, exc);
        }

        Update();
        return retToBase;
    }

    /// <summary>Number of active exceptions.</summary>
    public int ActiveCount() => _activeCount;

    /// <summary>nvic_rettobase: at most one exception is active (ICSR.RETTOBASE).</summary>
    public bool RetToBase => _activeCount <= 1;

    /// <summary>nvic_isrpending (ICSR.ISRPENDING): an external interrupt is pending, enabled or not.</summary>
    public bool IsrPending
    {
        get
        {
            for (var w = 0; w < _pendingBits.Length; w++)
            {
                var bits = w == 0 ? _pendingBits[0] & ~0xFFFFul : _pendingBits[w];
                if (bits != 0)
                {
                    return true;
                }
            }

            return false;
        }
    }

    /// <summary>An external interrupt input changed level: a rising level pends the interrupt.</summary>
    public void SetIrqLevel(int irq, bool level)
    {
        ref var v = ref _vectors[ExceptionNumber.FirstExternal + irq];
        if (level == v.Level)
        {
            return;
        }

        v.Level = level;
        if (level)
        {
            SetPending(ExceptionNumber.FirstExternal + irq);
        }
    }

    /// <summary>ICPR: clearing is ignored while the line is high and the interrupt is not active.</summary>
    public void ClearPendingExternal(int exc)
    {
        ref var v = ref _vectors[exc];
        if (v.Level && !v.Active)
        {
            return;
        }

        ClearPending(exc);
    }

    /// <summary>
    /// nvic_recompute_state after the vector records were changed directly (register writes, migration, PRIGROUP):
    /// rebuilds the pending/active bitmaps and the active count, then VECTPENDING and the raw execution priority.
    /// </summary>
    public void Recompute()
    {
        Array.Clear(_pendingBits);
        Array.Clear(_activeBits);
        _activeCount = 0;
        RecomputeSecureBits();
        for (var i = 1; i < _vectors.Length; i++)
        {
            ref var v = ref _vectors[i];
            if (v.Pending)
            {
                SetBit(_pendingBits, i);
            }

            if (v.Active)
            {
                SetBit(_activeBits, i);
                _activeCount++;
            }
        }

        Update();
    }

    // The common path (pend, acknowledge, complete): scans only the set bits of the pending and active bitmaps, so a
    // PendSV or SVC storm costs a few word tests per call whatever the number of interrupts.
    private void Update()
    {
        if (_secExt)
        {
            UpdateSecure();
            return;
        }

        var pending = 0;
        var pendingRaw = int.MaxValue;
        for (var w = 0; w < _pendingBits.Length; w++)
        {
            var bits = _pendingBits[w];
            while (bits != 0)
            {
                var i = (w << 6) | System.Numerics.BitOperations.TrailingZeroCount(bits);
                bits &= bits - 1;
                ref var v = ref _vectors[i];
                if (v.Enabled && v.Priority < pendingRaw)
                {
                    pending = i;
                    pendingRaw = v.Priority;
                }
            }
        }

        var activePriority = NoPriority;
        if (_activeCount != 0)
        {
            for (var w = 0; w < _activeBits.Length; w++)
            {
                var bits = _activeBits[w];
                while (bits != 0)
                {
                    var i = (w << 6) | System.Numerics.BitOperations.TrailingZeroCount(bits);
                    bits &= bits - 1;
                    activePriority = Math.Min(activePriority, GroupPriority(_vectors[i].Priority));
                }
            }
        }

        VectPending = pending;
        VectPendingPriority = pending == 0 ? NoPriority : GroupPriority(pendingRaw);
        ExceptionPriority = activePriority;
        _cpu.OnExceptionStateChanged();
    }

    private static void SetBit(ulong[] bits, int i) => bits[i >> 6] |= 1ul << i;

    private static void ClearBit(ulong[] bits, int i) => bits[i >> 6] &= ~(1ul << i);
}
