namespace Nemu.Core.Debug;

/// <summary>Why a CPU stopped for the debugger.</summary>
public enum DebugStopKind
{
    /// <summary>A single step completed.</summary>
    Step,

    /// <summary>A breakpoint at the PC, before the instruction executed.</summary>
    Breakpoint,

    /// <summary>A watchpoint: the access completed and the PC is after the instruction that made it.</summary>
    Watchpoint,
}
