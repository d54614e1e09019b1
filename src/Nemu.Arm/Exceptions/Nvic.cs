// The NVIC and the SCB state it shares with the CPU (QEMU hw/intc/armv7m_nvic.c; mprofile.md §4.1-§4.3,
// Armv7-M ARM B1.5.4 priorities, B3.4 NVIC). Models the non-Security-Extension CPU: priorities with PRIGROUP,
// pending selection (lowest priority value, then lowest number), execution priority from active exceptions and
// PRIMASK/BASEPRI/FAULTMASK, escalation of synchronous faults to HardFault (HFSR.FORCED), level-sensitive external
// inputs that re-pend on completion. Lockup is reported to the CPU (QEMU aborts instead, mprofile.md §8.1).
// Not modelled: Security Extension banking, derived-exception lockup rules (issue 4), ITNS, STIR from user mode.
using Nemu.Arm.Cpu;
using Nemu.Core.Irq;

namespace Nemu.Arm.Exceptions;

/// <summary>Exception state of one M-profile CPU: vectors, priorities and the SCB fault/status registers.</summary>
public sealed class Nvic
{
    /// <summary>Priority returned when nothing is active ("running priority" = 0x100).</summary>
    public const int NoPriority = 0x100;

    private readonly NvicVector[] _vectors;
    private readonly ArmCpu _cpu;
    private readonly int _priorityMask;

    public Nvic(ArmCpu cpu, int numIrq, int numPriorityBits)
    {
        ArgumentNullException.ThrowIfNull(cpu);
        if (numIrq is < 1 or > 496)
        {
            throw new ArgumentOutOfRangeException(nameof(numIrq), "num-irq must be 1..496");
        }

        _cpu = cpu;
        NumIrq = numIrq;
        NumPriorityBits = Math.Clamp(numPriorityBits, 2, 8);
        _priorityMask = (0xFF << (8 - NumPriorityBits)) & 0xFF;
        _vectors = new NvicVector[ExceptionNumber.FirstExternal + numIrq];
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
    public uint Vtor;
    public uint Ccr;
    public uint Scr;

    /// <summary>CSSELR: the cache level and kind CCSIDR describes (level bits 3:1, InD bit 0).</summary>
    public uint Csselr;
    public uint Cfsr;
    public uint Hfsr;
    public uint Dfsr;
    public uint Mmfar;
    public uint Bfar;
    public int PriGroup;

    /// <summary>Called for AIRCR.SYSRESETREQ (the board resets the machine).</summary>
    public Action? SystemResetRequested { get; set; }

    public ref NvicVector Vector(int exc) => ref _vectors[exc];

    public int VectorCount => _vectors.Length;

    public void Reset()
    {
        Array.Clear(_vectors);
        _vectors[ExceptionNumber.Reset].Priority = -3;
        _vectors[ExceptionNumber.Nmi].Priority = -2;
        _vectors[ExceptionNumber.HardFault].Priority = -1;
        foreach (var e in (int[])[ExceptionNumber.Reset, ExceptionNumber.Nmi, ExceptionNumber.HardFault, ExceptionNumber.SvCall, ExceptionNumber.PendSv, ExceptionNumber.SysTick])
        {
            _vectors[e].Enabled = true;
        }

        Vtor = 0;
        Ccr = _cpu.Model.IsV6M ? (1u << 9) | (1u << 3) : 1u << 9;
        Scr = Csselr = Cfsr = Hfsr = Dfsr = Mmfar = Bfar = 0;
        PriGroup = 0;
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
        Recompute();
    }

    /// <summary>exc_group_prio: the group priority used for preemption.</summary>
    public int GroupPriority(int priority) => priority < 0 ? priority : priority & ~((1 << (PriGroup + 1)) - 1) & 0xFF;

    /// <summary>nvic_exec_prio: the current execution priority.</summary>
    public int ExecutionPriority()
    {
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
    public bool SetPending(int exc)
    {
        if (exc is >= ExceptionNumber.HardFault and <= ExceptionNumber.DebugMonitor)
        {
            ref var v = ref _vectors[exc];
            var execPriority = ExecutionPriority();
            if (!v.Enabled || GroupPriority(v.Priority) >= execPriority)
            {
                if (execPriority <= _vectors[ExceptionNumber.HardFault].Priority)
                {
                    return false;
                }

                if (exc != ExceptionNumber.HardFault)
                {
                    Hfsr |= FaultStatus.HfsrForced;
                }

                exc = ExceptionNumber.HardFault;
            }
        }

        if (!_vectors[exc].Pending)
        {
            _vectors[exc].Pending = true;
            Recompute();
        }

        return true;
    }

    /// <summary>
    /// armv7m_nvic_set_pending_derived: pends a fault raised while taking another exception (stacking, vector load).
    /// SEAM: the derived-exception rules (terminal HardFault, DebugMonitor dropped) are issue 4 piece A's.
    /// </summary>
    /// <returns>False when the derived exception cannot be taken (Lockup).</returns>
    public bool SetPendingDerived(int exc) => SetPending(exc);

    /// <summary>armv7m_nvic_set_pending_lazyfp: pends a fault of lazy FP preservation, escalating per FPCCR.*RDY. SEAM.</summary>
    /// <returns>False for Lockup.</returns>
    public bool SetPendingLazyFp(int exc) => SetPending(exc);

    /// <summary>armv7m_nvic_get_ready_status: whether <paramref name="exc"/> could be taken now (FPCCR.*RDY). SEAM.</summary>
    public bool GetReadyStatus(int exc) => exc == ExceptionNumber.HardFault
        ? ExecutionPriority() > -1
        : _vectors[exc].Enabled && GroupPriority(_vectors[exc].Priority) < ExecutionPriority();

    /// <summary>armv7m_nvic_neg_prio_requested: FAULTMASK set, or HardFault or NMI active (MPU HFNMIENA applies).</summary>
    public bool NegPriRequested => _cpu.Faultmask || _vectors[ExceptionNumber.HardFault].Active || _vectors[ExceptionNumber.Nmi].Active;

    public void ClearPending(int exc)
    {
        if (_vectors[exc].Pending)
        {
            _vectors[exc].Pending = false;
            Recompute();
        }
    }

    /// <summary>armv7m_nvic_acknowledge_irq: the pending exception becomes active; returns its number.</summary>
    public int Acknowledge()
    {
        var exc = VectPending;
        ref var v = ref _vectors[exc];
        v.Active = true;
        v.Pending = false;
        Recompute();
        return exc;
    }

    /// <summary>armv7m_nvic_complete_irq: -1 if not active, else RETTOBASE (1 when it was the only active one).</summary>
    public int Complete(int exc)
    {
        if (exc <= 0 || exc >= _vectors.Length || !_vectors[exc].Active)
        {
            return -1;
        }

        var retToBase = ActiveCount() <= 1 ? 1 : 0;
        ref var v = ref _vectors[exc];
        v.Active = false;
        if (exc >= ExceptionNumber.FirstExternal && v.Level)
        {
            v.Pending = true;
        }

        Recompute();
        return retToBase;
    }

    /// <summary>Number of active exceptions.</summary>
    public int ActiveCount()
    {
        var n = 0;
        for (var i = 1; i < _vectors.Length; i++)
        {
            if (_vectors[i].Active)
            {
                n++;
            }
        }

        return n;
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

    /// <summary>nvic_recompute_state: VECTPENDING and the raw execution priority; notifies the CPU.</summary>
    public void Recompute()
    {
        var pending = 0;
        var pendingRaw = int.MaxValue;
        var activePriority = NoPriority;
        for (var i = 1; i < _vectors.Length; i++)
        {
            ref var v = ref _vectors[i];
            if (v.Enabled && v.Pending && v.Priority < pendingRaw)
            {
                pending = i;
                pendingRaw = v.Priority;
            }

            if (v.Active)
            {
                activePriority = Math.Min(activePriority, GroupPriority(v.Priority));
            }
        }

        VectPending = pending;
        VectPendingPriority = pending == 0 ? NoPriority : GroupPriority(pendingRaw);
        ExceptionPriority = activePriority;
        _cpu.OnExceptionStateChanged();
    }
}
