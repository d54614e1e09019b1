// The CPU as a debug target (IDebugTarget; management.md §5). Seam stub: piece B implements breakpoints,
// watchpoints and the exact single step.
using Nemu.Core;
using Nemu.Core.Debug;

namespace Nemu.Arm.Cpu;

public sealed partial class ArmCpu : IDebugTarget
{
    private readonly HashSet<ulong> _breakpoints = [];

    public event Action<DebugStop>? DebugStopped;

    /// <summary>Raised when the core enters Lockup, with the reason (a management client is told: GUEST_PANICKED).</summary>
    public event Action<string>? LockedUp;

    public void AddBreakpoint(ulong address) => _breakpoints.Add(address);

    public bool RemoveBreakpoint(ulong address) => _breakpoints.Remove(address);

    public void AddWatchpoint(ulong address, ulong length, WatchpointKind kind)
    {
    }

    public bool RemoveWatchpoint(ulong address, ulong length, WatchpointKind kind) => false;

    public void RemoveAllBreakpointsAndWatchpoints() => _breakpoints.Clear();

    public DebugStop Step(StepFlags flags)
    {
        _ = flags;
        Step();
        return new DebugStop(DebugStopKind.Step);
    }

    public bool ReadMemory(ulong address, Span<byte> data) =>
        Memory.ReadBuffer(new GuestAddress(address), data, MemTxAttrs.UnspecifiedAttrs) == MemTxResult.Ok;

    public bool WriteMemory(ulong address, ReadOnlySpan<byte> data) =>
        Memory.WriteBuffer(new GuestAddress(address), data, MemTxAttrs.UnspecifiedAttrs) == MemTxResult.Ok;

    internal void RaiseDebugStopped(DebugStop stop) => DebugStopped?.Invoke(stop);
}
