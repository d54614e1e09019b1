// The Arm virt machine's memory map and interrupt map of QEMU 7.2 hw/arm/virt.c (base_memmap / extended_memmap and
// a15irqmap), as recorded with `info mtree` on qemu-system-arm 7.2 -M virt (issue6-ref/mtree-edu-testdev.txt).
namespace Nemu.Boards;

/// <summary>Addresses, sizes and GIC SPI numbers of the virt board.</summary>
public static class VirtMemoryMap
{
    public const ulong Flash = 0x00000000;
    public const ulong FlashBankSize = 0x04000000;
    public const ulong GicDist = 0x08000000;
    public const ulong GicCpu = 0x08010000;
    public const ulong GicV2m = 0x08020000;
    public const ulong Uart = 0x09000000;
    public const ulong Rtc = 0x09010000;
    public const ulong FwCfg = 0x09020000;
    public const ulong Gpio = 0x09030000;
    public const ulong VirtioMmio = 0x0a000000;
    public const ulong VirtioMmioSize = 0x200;
    public const int VirtioTransports = 32;
    public const ulong PlatformBus = 0x0c000000;
    public const uint PlatformBusSize = 0x02000000;
    public const ulong PcieMmio = 0x10000000;
    public const ulong PcieMmioSize = 0x2eff0000;
    public const ulong PciePio = 0x3eff0000;
    public const ulong PcieEcam = 0x3f000000;
    public const ulong PcieEcamSize = 0x01000000;
    public const ulong Ram = 0x40000000;

    /// <summary>highmem=on: the 256-bus ECAM above 4 GiB.</summary>
    public const ulong HighPcieEcam = 0x4010000000;
    public const ulong HighPcieEcamSize = 0x10000000;

    /// <summary>highmem=on: the 512 GiB 64-bit PCIe MMIO window.</summary>
    public const ulong HighPcieMmio = 0x8000000000;
    public const ulong HighPcieMmioSize = 0x8000000000;

    /// <summary>GIC SPI numbers (a15irqmap).</summary>
    public const int UartSpi = 1;
    public const int RtcSpi = 2;
    public const int PcieSpi = 3;
    public const int GpioSpi = 7;
    public const int VirtioMmioSpi = 16;
    public const int GicV2mSpi = 48;
    public const int GicV2mSpiCount = 64;
    public const int PlatformBusSpi = 112;
    public const int PlatformBusIrqs = 64;

    /// <summary>num-irq of the GIC: 256 SPIs + 32 internal interrupts (NUM_IRQS + GIC_INTERNAL).</summary>
    public const int GicIrqs = 288;
}
