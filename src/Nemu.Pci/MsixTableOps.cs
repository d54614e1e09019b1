// Implements: QEMU 7.2 msix_table_mmio_ops (pci.md §4.2): little-endian, valid 4..8 bytes aligned, callbacks of 4
// bytes (an 8-byte access reaches Read/Write as two dwords, low first). 1/2-byte and unaligned accesses are
// rejected by Nemu.Memory's dispatch (read 0, write dropped) before they get here.
// A write stores the dword and re-evaluates its vector's mask state (msix_handle_mask_update), so the first
// read after a mask write already sees it (seed 003's flushing read) and an unmask delivers a pending vector.
using System.Buffers.Binary;
using Nemu.Core;
using Nemu.Memory;

namespace Nemu.Pci;

/// <summary>The MMIO ops of a function's <c>msix-table</c> region.</summary>
internal sealed class MsixTableOps(MsixState state) : IMemoryRegionOps
{
    /// <summary>valid 4..8, impl.max 4, not unaligned, little-endian.</summary>
    public static AccessConstraints TableConstraints { get; } = new()
    {
        ValidMinAccessSize = 4,
        ValidMaxAccessSize = 8,
        ImplMaxAccessSize = 4,
        Endianness = DeviceEndianness.Little,
    };

    public AccessConstraints Constraints => TableConstraints;

    public MemTxResult Read(ulong offset, uint size, MemTxAttrs attrs, out ulong value)
    {
        // The region is exactly N·16 bytes and accesses are 4-aligned dwords, so this always holds; the check
        // keeps a host exception impossible whatever reaches the ops.
        value = offset <= (ulong)(state.Table.Length - 4) ? BinaryPrimitives.ReadUInt32LittleEndian(state.Table.AsSpan((int)offset)) : 0;
        return MemTxResult.Ok;
    }

    public MemTxResult Write(ulong offset, ulong value, uint size, MemTxAttrs attrs)
    {
        if (offset <= (ulong)(state.Table.Length - 4))
        {
            Msix.WriteTableDword(state, (int)offset, (uint)value);
        }

        return MemTxResult.Ok;
    }
}
