// Implements: QEMU's PCIe MMCONFIG/ECAM window (hw/pci/pcie_host.c pcie_mmcfg_data_read/write; pci.md §2.5):
// offset = bus << 20 | devfn << 12 | register; a missing bus or function reads all-ones and ignores writes;
// the access then goes through pci_host_config_read/write_common (limit = the function's config size, 256
// behind a conventional bus; clipped length). The ops take 1-4 bytes (QEMU's default impl), so the memory core
// splits wider or unaligned accesses exactly as QEMU does (readq = two dwords; readl at +2 = two words).
using Nemu.Core;
using Nemu.Memory;

namespace Nemu.Pci;

/// <summary>The ECAM region of a PCI Express host bridge (<c>pcie-mmcfg-mmio</c>).</summary>
public sealed class PciExpressHost : IMemoryRegionOps
{
    /// <summary>QEMU's PCIE_MMCFG_SIZE_MAX: 256 buses × 1 MiB.</summary>
    public const ulong MmcfgSizeMax = 1UL << 28;

    /// <summary>The region name QEMU gives the ECAM window.</summary>
    public const string RegionName = "pcie-mmcfg-mmio";

    public PciExpressHost(object? owner, ulong size = MmcfgSizeMax)
    {
        Region = MemoryRegion.CreateIo(RegionName, size, this, owner);
    }

    /// <summary>The ECAM window (map it, or an alias of it, into system memory).</summary>
    public MemoryRegion Region { get; }

    /// <summary>The root bus config cycles are decoded against (set when the host creates it).</summary>
    public PciBus? RootBus { get; set; }

    public AccessConstraints Constraints => AccessConstraints.Default;

    /// <summary>PCIE_MMCFG_BUS / PCIE_MMCFG_DEVFN / PCIE_MMCFG_CONFOFFSET.</summary>
    public static (int Bus, int Devfn, int Register) Decode(ulong offset) =>
        ((int)(offset >> 20) & 0xff, (int)(offset >> 12) & 0xff, (int)offset & 0xfff);

    public MemTxResult Read(ulong offset, uint size, MemTxAttrs attrs, out ulong value)
    {
        var (bus, devfn, register) = Decode(offset);
        var mask = size >= 4 ? uint.MaxValue : (1u << (int)(size * 8)) - 1;
        value = (RootBus?.FindDevice(bus, devfn)?.HostConfigRead(register, (int)size) ?? uint.MaxValue) & mask;
        return MemTxResult.Ok;
    }

    public MemTxResult Write(ulong offset, ulong value, uint size, MemTxAttrs attrs)
    {
        var (bus, devfn, register) = Decode(offset);
        RootBus?.FindDevice(bus, devfn)?.HostConfigWrite(register, (uint)value, (int)size);
        return MemTxResult.Ok;
    }
}
