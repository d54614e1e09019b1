// QEMU's MemReentrancyGuard (pci.md §1.4, "Blocked re-entrant IO"): one flag per owning device, set while one
// of its MMIO callbacks runs. Kept per owner object, so regions of the same device share it.
using System.Runtime.CompilerServices;

namespace Nemu.Memory;

/// <summary>The "engaged in I/O" flag of one region owner.</summary>
internal sealed class ReentrancyGuard
{
    private static readonly ConditionalWeakTable<object, ReentrancyGuard> Guards = new();

    public bool EngagedInIo { get; set; }

    public static ReentrancyGuard For(object owner) => Guards.GetValue(owner, static _ => new ReentrancyGuard());
}
