// The M-profile CPU core state (Armv7-M ARM B1.4 registers, B1.5 exception model entry
// points in ArmCpu.Exceptions.cs; mprofile.md §1.1). Registers R0-R15 with R13 the current SP (MSP/PSP swapped on
// mode or CONTROL.SPSEL changes, as QEMU does), xPSR fields kept separately, PRIMASK/BASEPRI/FAULTMASK/CONTROL,
// the local exclusive monitor, the event register and the run state. The run loop (ICpuRunner) is in ArmCpu.Run.cs.
// FP state is in ArmCpu.Fp.cs, the MPU side in ArmCpu.Mpu.cs, the Security Extension's banks in ArmCpu.Security.cs.
// Not modelled: debug halting.
using Nemu.Arm.Decoding;
using Nemu.Arm.Exceptions;
using Nemu.Core;
using Nemu.Core.Logging;
using Nemu.Core.Threading;
using Nemu.Core.Time;
using Nemu.Memory;

namespace Nemu.Arm.Cpu;

/// <summary>One Cortex-M CPU: architectural state plus the interpreter loop.</summary>
public sealed partial class ArmCpu : ICpuRunner
{
    // Mutable on purpose: an inline array, written through its indexer.
    internal RegisterFile R;

    private Nvic? _nvic;
    private bool _checkExceptions;
    private bool _stopSlice;

    // InstructionCount at the last report to Counter: the unreported count is the difference.
    private long _reportedCount;

    // InstructionCount is _countBase - _countLeft. The fast run loop counts its budget down in _countLeft (one
    // memory decrement per instruction doing both jobs) after adding the budget to _countBase; outside it
    // _countLeft is 0 and the slow paths increment _countBase.
    private long _countBase;
    private long _countLeft;

    // TraceHook or -d exec is on, or EPSR.T is clear: the one test the run loop makes before the fetch.
    private bool _slowStep;

    public ArmCpu(ArmCpuModel model, AddressSpace memory, IInstructionCounter? counter = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(memory);
        Model = model;
        Memory = memory;
        Counter = counter;
        Features = model.Features;
        _pages = new DecodedPageCache(this);
        _tlb = new SoftTlb(memory, DecodedPage.Shift);
        Mpu = new Mpu(model.MpuRegions);
        InitMpu();
    }

    public ArmCpuModel Model { get; }

    /// <summary>The CPU's view of memory (<c>cpu-memory-0</c>).</summary>
    public AddressSpace Memory { get; }

    /// <summary>Where executed instructions are reported (icount); null in unit tests without time.</summary>
    public IInstructionCounter? Counter { get; set; }

    public ArchFeatures Features { get; }

    public Nvic Nvic => _nvic ?? throw new InvalidOperationException("the CPU has no NVIC attached");

    public ArmCpuRunState State { get; internal set; } = ArmCpuRunState.Stopped;

    /// <summary>Instructions executed since creation (tests and -icount diagnostics).</summary>
    public long InstructionCount => _countBase - _countLeft;

    // ---- xPSR ----
    internal bool N, Z, C, V, Q;
    internal uint Ge;
    internal byte ItState;
    private bool _thumb = true;

    /// <summary>EPSR.T; clearing it makes the next instruction fault (INVSTATE), handled off the fast path.</summary>
    internal bool Thumb
    {
        get => _thumb;
        set
        {
            _thumb = value;
            UpdateSlowStep();
            _stopSlice |= _slowStep;
        }
    }

    /// <summary>IPSR: the active exception number, 0 in Thread mode.</summary>
    public int Ipsr { get; internal set; }

    // ---- special registers (banked by security state on v8-M with the Security Extension: ArmCpu.Security.cs) ----
    public bool Primask { get => _primask[Bank]; internal set => _primask[Bank] = value; }
    public byte Basepri { get => _basepri[Bank]; internal set => _basepri[Bank] = value; }
    public bool Faultmask { get => _faultmask[Bank]; internal set => _faultmask[Bank] = value; }

    /// <summary>CONTROL.nPRIV.</summary>
    public bool ControlNPriv { get => _controlNPriv[Bank]; internal set => _controlNPriv[Bank] = value; }

    /// <summary>CONTROL.SPSEL (Thread mode uses PSP).</summary>
    public bool ControlSpsel { get => _controlSpsel[Bank]; internal set => _controlSpsel[Bank] = value; }

    internal uint OtherSp;
    internal bool ExclusiveValid;
    internal uint ExclusiveAddress;
    internal bool EventRegister;

    public bool IsHandlerMode => Ipsr != 0;

    public bool IsPrivileged => Ipsr != 0 || !ControlNPriv;

    /// <summary>True when R13 currently holds PSP.</summary>
    public bool UsingPsp => Ipsr == 0 && ControlSpsel;

    public uint Pc => R[15];

    public uint GetRegister(int n) => R[n];

    public void SetRegister(int n, uint value) => R[n] = value;

    public uint Msp
    {
        get => UsingPsp ? OtherSp : R[13];
        set
        {
            if (UsingPsp)
            {
                OtherSp = value & ~3u;
            }
            else
            {
                R[13] = value & ~3u;
            }
        }
    }

    public uint Psp
    {
        get => UsingPsp ? R[13] : OtherSp;
        set
        {
            if (UsingPsp)
            {
                R[13] = value & ~3u;
            }
            else
            {
                OtherSp = value & ~3u;
            }
        }
    }

    /// <summary>The xPSR value (APSR | IPSR | EPSR) as stacked in an exception frame.</summary>
    public uint Xpsr
    {
        get => (N ? 1u << 31 : 0) | (Z ? 1u << 30 : 0) | (C ? 1u << 29 : 0) | (V ? 1u << 28 : 0) | (Q ? 1u << 27 : 0)
            | ((uint)(ItState & 3) << 25) | ((uint)(ItState >> 2) << 10) | (Thumb ? 1u << 24 : 0) | (Ge << 16) | (uint)Ipsr;
        internal set
        {
            SetApsr(value, includeGe: (Features & ArchFeatures.Dsp) != 0);
            ItState = (byte)(((value >> 25) & 3) | (((value >> 10) & 0x3F) << 2));
            Thumb = ((value >> 24) & 1) != 0;
        }
    }

    /// <summary>CONTROL as read by MRS.</summary>
    public uint Control => (ControlNPriv ? 1u : 0) | (ControlSpsel ? 2u : 0) | (ControlFpca ? 4u : 0);

    /// <summary>The PC of a core in Lockup (Armv7-M ARM B1.5.15).</summary>
    internal const uint LockupAddress = 0xFFFFFFFE;

    /// <summary>ICpuRunner.HasWork: running, or locked up with an NMI that preempts the lockup pending.</summary>
    public bool HasWork => State == ArmCpuRunState.Running || (State == ArmCpuRunState.Lockup && _nvic is { CanExitLockup: true });

    internal bool PendingExceptionReturn;
    internal uint PendingExceptionReturnValue;

    internal void AttachNvic(Nvic nvic)
    {
        _nvic = nvic;
        LogCreationReset();
    }

    /// <summary>WFI: sleep unless an exception that would preempt (ignoring PRIMASK) is already pending.</summary>
    internal void WaitForInterrupt()
    {
        var nvic = Nvic;
        if (nvic.VectPending != 0 && nvic.VectPendingPriority < nvic.ExceptionPriority)
        {
            return;
        }

        State = ArmCpuRunState.WaitingForInterrupt;
        _stopSlice = true;
    }

    /// <summary>WFE: consume a set event register, else sleep until an event or a preempting exception.</summary>
    internal void WaitForEvent()
    {
        if (EventRegister)
        {
            EventRegister = false;
            return;
        }

        var nvic = Nvic;
        if (nvic.VectPending != 0 && nvic.VectPendingPriority < nvic.ExceptionPriority)
        {
            return;
        }

        State = ArmCpuRunState.WaitingForEvent;
        _stopSlice = true;
    }

    internal void SetApsr(uint value, bool includeGe)
    {
        N = (value >> 31) != 0;
        Z = ((value >> 30) & 1) != 0;
        C = ((value >> 29) & 1) != 0;
        V = ((value >> 28) & 1) != 0;
        Q = ((value >> 27) & 1) != 0;
        if (includeGe)
        {
            Ge = (value >> 16) & 0xF;
        }
    }

    /// <summary>Swaps R13 with the banked SP when the SP selection changes (write_v7m_exception / SPSEL writes).</summary>
    internal void SwitchStack(bool toPsp)
    {
        if (toPsp != _r13IsPsp)
        {
            (R[13], OtherSp) = (OtherSp, R[13]);
            _r13IsPsp = toPsp;
        }
    }

    private bool _r13IsPsp;

    /// <summary>The NVIC state changed: re-check for a preempting exception and wake a sleeping core.</summary>
    internal void OnExceptionStateChanged()
    {
        // Only a pending exception that can preempt needs the run loop's attention; priority-mask changes (MSR,
        // CPS) request their own check.
        if (_nvic is { } n && n.VectPending != 0 && n.CanTakePending())
        {
            _checkExceptions = true;
            _stopSlice = true;
        }

        if (State is ArmCpuRunState.WaitingForInterrupt or ArmCpuRunState.WaitingForEvent && _nvic is { } nvic
            && nvic.VectPending != 0 && nvic.VectPendingPriority < nvic.ExceptionPriority)
        {
            State = ArmCpuRunState.Running;
        }
        else if (State == ArmCpuRunState.Lockup && _nvic is { CanExitLockup: true })
        {
            ExitLockup();
        }
    }

    /// <summary>
    /// Armv7-M ARM B1.5.15: a lockup at HardFault priority (-1) is preempted by NMI. The core executes at the lockup
    /// address 0xFFFFFFFE, so that is the return address the NMI stacks: returning there faults again (the address is
    /// execute-never) and the core locks up again unless the handler changed the frame.
    /// </summary>
    internal void ExitLockup()
    {
        State = ArmCpuRunState.Running;
        R[15] = LockupAddress;
        LogGuestError("CPU Lockup: left for NMI (return address 0xfffffffe)");
    }

    /// <summary>SEV from another agent (or an event input): sets the event register and wakes WFE.</summary>
    public void SignalEvent()
    {
        EventRegister = true;
        if (State == ArmCpuRunState.WaitingForEvent)
        {
            State = ArmCpuRunState.Running;
        }
    }

    /// <summary>Reports executed instructions to the counter before a device may look at the time.</summary>
    internal void FlushInstructionCount()
    {
        var unreported = InstructionCount - _reportedCount;
        if (unreported != 0)
        {
            _reportedCount = InstructionCount;
            Counter?.AddExecutedInstructions(unreported);
        }
    }

    /// <summary>
    /// A memory access is about to happen: report every instruction up to and including this one (QEMU's icount
    /// counts the I/O instruction as executed when the device sees the time; checked against qemu-system-arm), and
    /// have the slice re-check deadlines after it.
    /// </summary>
    internal void BeforeDeviceAccess()
    {
        if (Counter is not null)
        {
            FlushInstructionCount();
            _stopSlice = true;
        }
    }

    internal void RequestExceptionCheck()
    {
        _checkExceptions = true;
        _stopSlice = true;
    }

    internal static void LogGuestError(string message)
    {
        if (Log.IsEnabled(LogItem.GuestErrors))
        {
            Log.Write(LogItem.GuestErrors, message);
        }
    }

    internal static MemTxAttrs Attrs(bool privileged) => privileged ? PrivilegedAttrs : UserAttrs;

    private static readonly MemTxAttrs PrivilegedAttrs = new(Secure: false, User: false);
    private static readonly MemTxAttrs UserAttrs = new(Secure: false, User: true);
}
