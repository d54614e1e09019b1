// Implements: QEMU 7.2 softmmu/ioport.c unassigned_io_ops, the ops of the "io" root region
// (memory_map_init): a port nobody claims reads all ones and ignores writes. qtest "inb 0x10" on virt answers
// "OK 0x00ff" (issue6-ref/qtest-probe.txt).
using Nemu.Core;
using Nemu.Memory;

namespace Nemu.System;

/// <summary>The port space's default: reads of unclaimed ports return all ones, writes are dropped.</summary>
public sealed class UnassignedIoOps : IMemoryRegionOps
{
    public static UnassignedIoOps Instance { get; } = new();

    public AccessConstraints Constraints => AccessConstraints.Default;

    public MemTxResult Read(ulong offset, uint size, MemTxAttrs attrs, out ulong value)
    {
        value = ulong.MaxValue;
        return MemTxResult.Ok;
    }

    public MemTxResult Write(ulong offset, ulong value, uint size, MemTxAttrs attrs) => MemTxResult.Ok;
}
