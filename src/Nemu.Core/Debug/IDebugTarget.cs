// What a debugger front end (the gdbstub, management.md §5) needs of one CPU: breakpoints and watchpoints checked
// by the CPU while it runs, an exact single step, and debug memory access through the CPU's view. QEMU's
// equivalents: cpu_breakpoint_insert, cpu_watchpoint_insert, cpu_single_step with the sstep flags, cpu_memory_rw_debug.
// Everything here is called on the main-loop thread.
namespace Nemu.Core.Debug;

/// <summary>A CPU a debugger can stop, step and inspect.</summary>
public interface IDebugTarget
{
    /// <summary>Adds a breakpoint at <paramref name="address"/> (Z0/Z1; both are the same on a CPU without debug hardware modelled).</summary>
    void AddBreakpoint(ulong address);

    /// <summary>Removes the breakpoint at <paramref name="address"/>; false when there was none.</summary>
    bool RemoveBreakpoint(ulong address);

    /// <summary>Adds a watchpoint over [address, address+length) for <paramref name="kind"/> accesses (Z2/Z3/Z4).</summary>
    void AddWatchpoint(ulong address, ulong length, WatchpointKind kind);

    /// <summary>Removes a watchpoint added with the same arguments; false when there was none.</summary>
    bool RemoveWatchpoint(ulong address, ulong length, WatchpointKind kind);

    /// <summary>Removes every breakpoint and watchpoint (gdb detached).</summary>
    void RemoveAllBreakpointsAndWatchpoints();

    /// <summary>
    /// Executes exactly one instruction. With <see cref="StepFlags.NoIrq"/> no exception is taken before or after it,
    /// and with <see cref="StepFlags.NoTimer"/> virtual time does not advance (QEMU's default flags are both).
    /// Returns why the step ended: <see cref="DebugStopKind.Step"/>, or a watchpoint the instruction hit.
    /// </summary>
    DebugStop Step(StepFlags flags);

    /// <summary>
    /// Raised on the main-loop thread when a breakpoint or watchpoint stops the CPU while it runs: the CPU ends its
    /// slice and does not execute further until resumed (the listener stops the machine, QEMU's vm_stop(RUN_STATE_DEBUG)).
    /// </summary>
    event Action<DebugStop>? DebugStopped;

    /// <summary>Reads through the CPU's view of memory, as a debugger access (no faults, no side effects on RAM); false when unmapped.</summary>
    bool ReadMemory(ulong address, Span<byte> data);

    /// <summary>Writes through the CPU's view, as a debugger access (writes even ROM, as QEMU's gdbstub does); false when unmapped.</summary>
    bool WriteMemory(ulong address, ReadOnlySpan<byte> data);
}
