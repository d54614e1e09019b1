// Implements: a stub of the SHPC register block (hw/pci/shpc.c "shpc-mmio", SHPC 1.0 §3.2) behind pci-bridge's
// BAR0: the region has QEMU's size (SHPC_SIZEOF = 0xa0 for 31 slots) and stores what is written, little-endian.
// Not modelled: slot registers' semantics, hot-plug, the SHPC capability's DWORD select/data window contents.
using Nemu.Core;
using Nemu.Memory;

namespace Nemu.Hw.Pci;

/// <summary>Storage-only SHPC registers.</summary>
public sealed class ShpcRegisters : IMemoryRegionOps
{
    /// <summary>SHPC_SIZEOF for SHPC_MAX_SLOTS (31): 0x24 + 31 × 4 = 0xa0.</summary>
    public const int Size = 0xa0;

    public byte[] Registers { get; } = new byte[Size];

    public AccessConstraints Constraints { get; } = new() { ImplMinAccessSize = 1, ImplMaxAccessSize = 4 };

    public MemTxResult Read(ulong offset, uint size, MemTxAttrs attrs, out ulong value)
    {
        value = 0;
        for (var i = 0u; i < size && offset + i < Size; i++)
        {
            value |= (ulong)Registers[offset + i] << (int)(8 * i);
        }

        return MemTxResult.Ok;
    }

    public MemTxResult Write(ulong offset, ulong value, uint size, MemTxAttrs attrs)
    {
        for (var i = 0u; i < size && offset + i < Size; i++)
        {
            Registers[offset + i] = (byte)(value >> (int)(8 * i));
        }

        return MemTxResult.Ok;
    }
}
