namespace Nemu.Core.Debug;

/// <summary>Why a CPU stopped for the debugger.</summary>
public enum DebugStopKind
{
    /// <summary>A single step completed.</summary>
    Step,

    /// <summary>A breakpoint at the PC, before the instruction executed.</summary>
    Breakpoint,

    /// <summary>A watchpoint: the CPU stopped before the access, with the PC at the instruction that makes it (QEMU's Arm behaviour).</summary>
    Watchpoint,
}
