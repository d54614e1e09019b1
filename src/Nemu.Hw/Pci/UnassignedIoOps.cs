// Implements: QEMU's unassigned_io_ops (system/ioport.c): reads return all-ones, writes are ignored. gpex uses
// it for its windows so unclaimed PCI memory and I/O space reads ~0 (plan finding 8).
using Nemu.Core;
using Nemu.Memory;

namespace Nemu.Hw.Pci;

/// <summary>Ops of a region that answers like nothing is there on a PCI bus.</summary>
public sealed class UnassignedIoOps : IMemoryRegionOps
{
    public static UnassignedIoOps Instance { get; } = new();

    public AccessConstraints Constraints => AccessConstraints.Default;

    public MemTxResult Read(ulong offset, uint size, MemTxAttrs attrs, out ulong value)
    {
        value = size >= 8 ? ulong.MaxValue : (1UL << (int)(size * 8)) - 1;
        return MemTxResult.Ok;
    }

    public MemTxResult Write(ulong offset, ulong value, uint size, MemTxAttrs attrs) => MemTxResult.Ok;
}
