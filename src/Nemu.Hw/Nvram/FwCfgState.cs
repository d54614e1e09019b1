// The migratable state of fw_cfg, in QEMU 7.2's vmstate "fw_cfg" v2 order (hw/nvram/fw_cfg.c) with the
// "fw_cfg/dma" subsection sent when DMA is enabled. (The "fw_cfg/acpi_mr" subsection is never needed: Nemu
// builds no ACPI tables.)
namespace Nemu.Hw.Nvram;

/// <summary>Plain-data state of <see cref="FwCfgMem"/>.</summary>
public sealed class FwCfgState
{
    /// <summary>The selected key, or 0xFFFF (FW_CFG_INVALID).</summary>
    public ushort CurEntry;
    public uint CurOffset;
    public ulong DmaAddr;

    /// <summary>The dma_enabled property (configuration, not migrated).</summary>
    public bool DmaEnabled;
}
