// One debugger watchpoint (gdb Z2/Z3/Z4; QEMU's CPUWatchpoint with BP_GDB and BP_MEM_READ/WRITE/ACCESS).
using Nemu.Core.Debug;

namespace Nemu.Arm.Cpu;

/// <summary>A watched range [Address, End) and the accesses that trigger it.</summary>
internal readonly record struct Watchpoint(ulong Address, ulong Length, ulong End, WatchpointKind Kind)
{
    /// <summary>True when an access of <paramref name="kind"/> to [address, address+size) overlaps the range.</summary>
    public bool Hits(uint address, uint size, WatchpointKind kind) =>
        (Kind & kind) != 0 && address < End && address + (ulong)size > Address;
}
