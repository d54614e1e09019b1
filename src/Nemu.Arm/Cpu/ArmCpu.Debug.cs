// The CPU as a debug target (IDebugTarget; management.md §5; QEMU 7.2 cpu_breakpoint_insert, cpu_watchpoint_insert,
// cpu_single_step, cpu_memory_rw_debug).
// - Breakpoints stop before the instruction at their address (QEMU's check_for_breakpoints): a decoded slot at a
//   breakpoint holds BreakpointHandler instead of its handler (the page is invalidated when a breakpoint is added or
//   removed, so the run loop's fast path pays nothing); undecoded fetches, the slow-step path and the IT-block path
//   check the set. Resuming at a breakpoint stops again at once (QEMU: gdb removes it and single-steps itself).
// - Watchpoints: every load and store of the CPU takes the checked path while any watchpoint exists (one flag folded
//   into the alignment test); a hit stops the CPU before the access, as QEMU's Arm CPUs do for gdb watchpoints
//   (gdb_stop_before_watchpoint, BP_STOP_BEFORE_ACCESS): the instruction is abandoned like a faulting one with R15 at
//   it, and gdb (Arm watchpoints are "non-steppable" to it) removes the watchpoint, steps the instruction and shows
//   the old and new values with the PC after it. Continuing without that step hits again. The stop reports
//   the watchpoint's own address (QEMU's stop reply uses wp->vaddr), newest watchpoint first (BP_GDB ones are
//   inserted at the head). Exception stacking and unstacking are not checked: QEMU's v7m_stack_write/read use
//   address_space_stl_le/ldl on the physical address, which bypasses the watchpoint check.
// - Step executes one instruction; a synchronous exception it raises (fault, SVC) is entered as part of the step,
//   landing on the handler's first instruction as QEMU's cpu_handle_exception does under single-step. NoIrq leaves
//   a pending asynchronous exception pending; without it a pending one is taken as the step. Time: the machine is
//   stopped while the debugger steps, so no timer fires during a step either way; the instruction is reported to
//   the instruction counter (icount time advances by it). A step on WFI/WFE does not sleep (QEMU: "Single stepping
//   a WFI insn will not halt the CPU"). A locked-up or powered-off core executes nothing (QEMU 7.2 aborts on lockup;
//   a QEMU step of a powered-off core never completes).
// - Debug memory access uses the CPU's current privilege and security state (a Secure CPU accesses Non-secure
//   attributed memory with Non-secure attributes, as the SAU says); writes go through address_space_write_rom as
//   QEMU's, so they reach ROM and skip I/O, and a read that hits unassigned memory fails (QEMU 7.2's
//   cpu_memory_rw_debug returns -1 when address_space_read does not return MEMTX_OK). Decoded code under a debugger
//   write is invalidated by the RAM block's code tracker.
using Nemu.Arm.Decoding;
using Nemu.Arm.Interpreter;
using Nemu.Core;
using Nemu.Core.Debug;

namespace Nemu.Arm.Cpu;

public sealed unsafe partial class ArmCpu : IDebugTarget
{
    private const ulong AddressLimit = 1UL << 32;

    private readonly HashSet<ulong> _breakpoints = [];
    private readonly List<Watchpoint> _watchpoints = [];

    // True when a breakpoint exists and no debugger step is in progress (single-step overrides breakpoints).
    private bool _breakpointsArmed;

    // 1 while any watchpoint exists: ORed into the alignment test of Load/Store so the checked path costs nothing else.
    private uint _watchFlag;

    private bool _hasDebugStop;
    private DebugStop _debugStop;

    public event Action<DebugStop>? DebugStopped;

    /// <summary>Raised when the core enters Lockup, with the reason (a management client is told: GUEST_PANICKED).</summary>
    public event Action<string>? LockedUp;

    /// <summary>The run loop's handler of a slot with a breakpoint (a <c>delegate*</c> as nint, like DecodedPage.Handlers).</summary>
    internal static readonly nint BreakpointHandlerPointer = (nint)(delegate*<ArmCpu, ref DecodedInsn, uint, uint>)&BreakpointHandler;

    public void AddBreakpoint(ulong address)
    {
        if (_breakpoints.Add(address))
        {
            OnBreakpointsChanged(address);
        }
    }

    public bool RemoveBreakpoint(ulong address)
    {
        if (!_breakpoints.Remove(address))
        {
            return false;
        }

        OnBreakpointsChanged(address);
        return true;
    }

    public void AddWatchpoint(ulong address, ulong length, WatchpointKind kind)
    {
        // QEMU rejects a zero length; a debugger never sends one, so it watches one byte rather than failing.
        var end = address + Math.Max(length, 1);
        if (end < address)
        {
            end = ulong.MaxValue;
        }

        _watchpoints.Insert(0, new Watchpoint(address, length, end, kind));
        _watchFlag = 1;
    }

    public bool RemoveWatchpoint(ulong address, ulong length, WatchpointKind kind)
    {
        var i = _watchpoints.FindIndex(w => w.Address == address && w.Length == length && w.Kind == kind);
        if (i < 0)
        {
            return false;
        }

        _watchpoints.RemoveAt(i);
        _watchFlag = _watchpoints.Count != 0 ? 1u : 0u;
        return true;
    }

    public void RemoveAllBreakpointsAndWatchpoints()
    {
        foreach (var address in _breakpoints.ToArray())
        {
            RemoveBreakpoint(address);
        }

        _watchpoints.Clear();
        _watchFlag = 0;
    }

    public DebugStop Step(StepFlags flags)
    {
        _hasDebugStop = false;
        var armed = _breakpointsArmed;
        _breakpointsArmed = false;
        try
        {
            StepOne((flags & StepFlags.NoIrq) != 0);
            FlushInstructionCount();
            return _hasDebugStop ? _debugStop : new DebugStop(DebugStopKind.Step);
        }
        finally
        {
            _breakpointsArmed = armed;
            _hasDebugStop = false;
            _stopSlice = false;
            _endSlice = false;
        }
    }

    public bool ReadMemory(ulong address, Span<byte> data)
    {
        if (address > AddressLimit || (ulong)data.Length > AddressLimit - address)
        {
            data.Clear();
            return false;
        }

        while (!data.IsEmpty)
        {
            var chunk = DebugChunk(address, data.Length, out var attrs);
            if (Memory.ReadBuffer(new GuestAddress(address), data[..chunk], attrs) != MemTxResult.Ok)
            {
                // QEMU 7.2's cpu_memory_rw_debug fails on a read error (memsave: "Invalid addr", gdb: E14).
                return false;
            }

            address += (uint)chunk;
            data = data[chunk..];
        }

        return true;
    }

    public bool WriteMemory(ulong address, ReadOnlySpan<byte> data)
    {
        if (address > AddressLimit || (ulong)data.Length > AddressLimit - address)
        {
            return false;
        }

        while (!data.IsEmpty)
        {
            var chunk = DebugChunk(address, data.Length, out var attrs);
            _ = Memory.WriteRomBlob(new GuestAddress(address), data[..chunk], attrs);
            address += (uint)chunk;
            data = data[chunk..];
        }

        return true;
    }

    /// <summary>True when the run loop should stop before the instruction at <paramref name="pc"/>.</summary>
    internal bool HasBreakpointAt(uint pc) => _breakpoints.Count != 0 && _breakpoints.Contains(pc);

    // The run loop: a breakpoint at pc while breakpoints are armed ends the slice before the instruction.
    private bool StopsAtBreakpoint(uint pc)
    {
        if (!_breakpointsArmed || !_breakpoints.Contains(pc))
        {
            return false;
        }

        RecordDebugStop(new DebugStop(DebugStopKind.Breakpoint));
        return true;
    }

    // The slot handler of a breakpoint (RunFast only): nothing executes, the budget's decrement for this slot is
    // given back, and the slice ends with R15 still at the breakpoint. A debugger step does not arrive here (it
    // executes through the slot's own handler).
    private static uint BreakpointHandler(ArmCpu cpu, ref DecodedInsn x, uint pc)
    {
        if (!cpu._breakpointsArmed)
        {
            return ThumbInterpreter.Step(cpu, ref x, pc);
        }

        cpu._countLeft++;
        cpu.RecordDebugStop(new DebugStop(DebugStopKind.Breakpoint));
        return pc;
    }

    // A data access of the CPU is about to happen while watchpoints exist: the first matching watchpoint stops the
    // CPU before the access (true: the caller abandons the instruction, R15 stays at it).
    private bool CheckWatchpoints(uint address, uint size, WatchpointKind kind)
    {
        foreach (var w in _watchpoints)
        {
            if (w.Hits(address, size, kind))
            {
                RecordDebugStop(new DebugStop(DebugStopKind.Watchpoint, w.Address, w.Kind));
                return true;
            }
        }

        return false;
    }

    private void RecordDebugStop(DebugStop stop)
    {
        if (!_hasDebugStop)
        {
            _hasDebugStop = true;
            _debugStop = stop;
        }

        _stopSlice = true;
        _endSlice = true;
    }

    // End of RunSlice: report a stop to the debugger (the listener stops the machine).
    private void RaiseDebugStop()
    {
        var stop = _debugStop;
        _hasDebugStop = false;
        DebugStopped?.Invoke(stop);
    }

    private void StepOne(bool noIrq)
    {
        if (State is ArmCpuRunState.Lockup or ArmCpuRunState.Stopped)
        {
            return;
        }

        if (State is ArmCpuRunState.WaitingForInterrupt or ArmCpuRunState.WaitingForEvent)
        {
            State = ArmCpuRunState.Running;
        }

        if (!noIrq && _nvic is { } nvic && nvic.CanTakePending())
        {
            TakePendingException();
            return;
        }

        var faults = FaultSequence;
        ExecuteNext();
        if (State is ArmCpuRunState.WaitingForInterrupt or ArmCpuRunState.WaitingForEvent)
        {
            State = ArmCpuRunState.Running;
        }

        // A synchronous exception of the stepped instruction is entered within the step (QEMU's cpu_handle_exception).
        if (State == ArmCpuRunState.Running && _nvic is { } n && n.CanTakePending()
            && (FaultSequence != faults || n.VectPending == Exceptions.ExceptionNumber.SvCall))
        {
            TakePendingException();
        }
    }

    // The length of the next debug access piece from address and its attributes: the CPU's privilege and security
    // state, Non-secure where a Secure CPU's SAU/IDAU attributes the address Non-secure (32-byte SAU granules).
    private int DebugChunk(ulong address, int length, out MemTxAttrs attrs)
    {
        if (!HasSecurityExtension || !Secure)
        {
            attrs = Attrs(IsPrivileged, Secure);
            return length;
        }

        var ns = SecurityLookupFor((uint)address, true, fetch: false).Ns;
        attrs = Attrs(IsPrivileged, !ns);
        var toGranule = 32 - (int)(address & 31);
        return Math.Min(length, toGranule);
    }

    private void OnBreakpointsChanged(ulong address)
    {
        _breakpointsArmed = _breakpoints.Count != 0;
        if (address < AddressLimit)
        {
            _pages.InvalidatePageOf((uint)address);
        }
    }
}
