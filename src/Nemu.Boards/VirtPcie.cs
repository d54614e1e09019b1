// Implements: QEMU 7.2 hw/arm/virt.c create_pcie for the virt board: a `gpex-pcihost` whose sysbus MMIO 0 (the
// 256 MiB ECAM "pcie-mmcfg-mmio") is mapped through the alias "pcie-ecam" (16 MiB at 0x3f000000 with highmem=off,
// 256 MiB at 0x4010000000 with highmem=on), MMIO 1 (the "gpex_mmio_window") through the alias "pcie-mmio"
// (0x10000000-0x3efeffff, identity offsets) plus "pcie-mmio-high" with highmem=on, MMIO 2 (the I/O window) at
// 0x3eff0000, and its four INTx outputs on SPIs 3-6. Nemu addition: an MSI allocator (seed 004) over the GICv2m
// SPIs (INTIDs 80-143, doorbell MSI_SETSPI_NS at 0x08020040) on the root bus, saved with the host's state; QEMU's
// virt has none (the guest picks GICv2m SPIs itself), and config space is unchanged by it.
using Nemu.Hw.Intc;
using Nemu.Hw.Pci;
using Nemu.Memory;
using Nemu.System;

namespace Nemu.Boards;

/// <summary>The PCIe host part of <see cref="VirtBoard"/>.</summary>
public static partial class VirtBoard
{
    /// <summary>QEMU's TYPE_GPEX_HOST.</summary>
    public const string GpexHostTypeName = "gpex-pcihost";

    // SPI n is GIC INTID 32 + n.
    private const int GicSpiIntidBase = 32;

    private static void CreatePcie(Machine machine, ArmGic gic, bool highMem)
    {
        var host = machine.Qdev.Create<GpexHost>(GpexHostTypeName);
        host.Realize();
        host.CreateRootFunction(machine.Qdev);
        var system = machine.SystemMemory;
        var ecam = host.Mmio[0].Region!;
        var ecamAlias = highMem
            ? MemoryRegion.CreateAlias("pcie-ecam", ecam, 0, VirtMemoryMap.HighPcieEcamSize)
            : MemoryRegion.CreateAlias("pcie-ecam", ecam, 0, VirtMemoryMap.PcieEcamSize);
        system.AddSubregion(highMem ? VirtMemoryMap.HighPcieEcam : VirtMemoryMap.PcieEcam, ecamAlias);

        var mmio = host.Mmio[1].Region!;
        system.AddSubregion(VirtMemoryMap.PcieMmio, MemoryRegion.CreateAlias("pcie-mmio", mmio, VirtMemoryMap.PcieMmio, VirtMemoryMap.PcieMmioSize));
        if (highMem)
        {
            system.AddSubregion(VirtMemoryMap.HighPcieMmio, MemoryRegion.CreateAlias("pcie-mmio-high", mmio, VirtMemoryMap.HighPcieMmio, VirtMemoryMap.HighPcieMmioSize));
        }

        host.MapMmio(2, new Core.GuestAddress(VirtMemoryMap.PciePio), system);
        for (var i = 0; i < 4; i++)
        {
            host.ConnectIrq(i, gic.SpiInput(VirtMemoryMap.PcieSpi + i));
            host.SetIrqNum(i, VirtMemoryMap.PcieSpi + i);
        }

        // Seed 004: MSI/MSI-X numbers come from the GICv2m frame's SPIs (INTIDs 80-143) and are freed on disable.
        host.AttachMsiAllocator(new Pci.MsiAllocator(
            (uint)(GicSpiIntidBase + VirtMemoryMap.GicV2mSpi),
            VirtMemoryMap.GicV2mSpiCount,
            VirtMemoryMap.GicV2m + ArmGicV2m.SetSpiOffset));
    }
}
