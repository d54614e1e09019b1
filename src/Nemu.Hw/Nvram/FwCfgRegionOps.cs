// The three MemoryRegionOps of QEMU 7.2's fw_cfg_mem (hw/nvram/fw_cfg.c fw_cfg_ctl_mem_ops, the widened
// fw_cfg_data_mem_ops and fw_cfg_dma_mem_ops), all big-endian, with QEMU's valid.accepts rules: the selector takes
// only 2-byte writes (reads are rejected and read 0), the data register only accesses at offset 0, the DMA register
// any read and only 4-byte writes at 0/4 or an 8-byte write at 0.
using Nemu.Core;
using Nemu.Memory;

namespace Nemu.Hw.Nvram;

/// <summary>fwcfg.ctl: the item selector.</summary>
internal sealed class FwCfgCtlOps(FwCfgMem device) : IMemoryRegionOps
{
    private static readonly AccessConstraints Access = new()
    {
        Endianness = DeviceEndianness.Big,
        Accepts = (_, size, isWrite, _) => isWrite && size == 2,
    };

    public AccessConstraints Constraints => Access;

    public MemTxResult Read(ulong offset, uint size, MemTxAttrs attrs, out ulong value)
    {
        value = 0;
        return MemTxResult.Ok;
    }

    public MemTxResult Write(ulong offset, ulong value, uint size, MemTxAttrs attrs)
    {
        device.Select((ushort)value);
        return MemTxResult.Ok;
    }
}

/// <summary>fwcfg.data: the item byte stream.</summary>
internal sealed class FwCfgDataOps(FwCfgMem device, uint width) : IMemoryRegionOps
{
    public AccessConstraints Constraints { get; } = new()
    {
        Endianness = DeviceEndianness.Big,
        ValidMinAccessSize = 1,
        ValidMaxAccessSize = width,
        ImplMaxAccessSize = width,
        Accepts = (offset, _, _, _) => offset == 0,
    };

    public MemTxResult Read(ulong offset, uint size, MemTxAttrs attrs, out ulong value)
    {
        value = device.ReadData(size);
        return MemTxResult.Ok;
    }

    // Writes to the data register are ignored since QEMU 2.4.
    public MemTxResult Write(ulong offset, ulong value, uint size, MemTxAttrs attrs) => MemTxResult.Ok;
}

/// <summary>fwcfg.dma: the DMA descriptor address and the "QEMU CFG" signature.</summary>
internal sealed class FwCfgDmaOps(FwCfgMem device) : IMemoryRegionOps
{
    private static readonly AccessConstraints Access = new()
    {
        Endianness = DeviceEndianness.Big,
        ValidMaxAccessSize = 8,
        ImplMaxAccessSize = 8,
        Accepts = (offset, size, isWrite, _) => !isWrite || (size == 4 && offset is 0 or 4) || (size == 8 && offset == 0),
    };

    public AccessConstraints Constraints => Access;

    public MemTxResult Read(ulong offset, uint size, MemTxAttrs attrs, out ulong value)
    {
        // extract64(signature, (8 - addr - size) * 8, size * 8)
        var shift = (int)(8 - offset - size) * 8;
        value = size >= 8 ? FwCfgMem.DmaSignature : (FwCfgMem.DmaSignature >> shift) & ((1UL << (int)(size * 8)) - 1);
        return MemTxResult.Ok;
    }

    public MemTxResult Write(ulong offset, ulong value, uint size, MemTxAttrs attrs)
    {
        device.WriteDma(offset, value, size);
        return MemTxResult.Ok;
    }
}
