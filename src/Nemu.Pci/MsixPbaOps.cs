// Implements: QEMU 7.2 msix_pba_mmio_ops (pci.md §4.2): same access rules as the table (valid 4..8, impl 4,
// aligned, little-endian). A read first asks the poll notifier to refresh the covered vectors, then returns
// the pending bits; a write is accepted and ignored (7.2's msix_pba_mmio_write is empty, no log).
// The polled range is [8·offset, min(8·(offset+size), N)) (pci.md §9 68). QEMU 7.2 computes the end as
// offset + 8·size, which under-polls every dword past the first; Nemu polls what the dword covers and skips
// the call when the dword covers no vector.
using System.Buffers.Binary;
using Nemu.Core;
using Nemu.Memory;

namespace Nemu.Pci;

/// <summary>The MMIO ops of a function's <c>msix-pba</c> region.</summary>
internal sealed class MsixPbaOps(MsixState state) : IMemoryRegionOps
{
    public AccessConstraints Constraints => MsixTableOps.TableConstraints;

    public MemTxResult Read(ulong offset, uint size, MemTxAttrs attrs, out ulong value)
    {
        if (offset > (ulong)(state.Pba.Length - 4))
        {
            value = 0;
            return MemTxResult.Ok;
        }

        if (state.Notifier is { } notifier)
        {
            var start = (int)offset * 8;
            var end = Math.Min(((int)offset + (int)size) * 8, state.Vectors);
            if (start < end)
            {
                notifier.Poll(start, end);
            }
        }

        value = BinaryPrimitives.ReadUInt32LittleEndian(state.Pba.AsSpan((int)offset));
        return MemTxResult.Ok;
    }

    public MemTxResult Write(ulong offset, ulong value, uint size, MemTxAttrs attrs) => MemTxResult.Ok;
}
