// Implements: the per-image differences of QEMU 7.2 hw/arm/mps2.c between the AN385, AN386 and AN500 FPGA images
// (mprofile.md §6.3): the fixed CPU, the SCC ID register, where the machine RAM (PSRAM) and the LAN9118 sit, and
// whether the 16 KiB block RAM exists. Everything else of the map is shared.
// Not modelled: AN511 (different UART layout and IRQ numbers).
namespace Nemu.Boards;

/// <summary>What distinguishes one MPS2 FPGA image from another in QEMU's mps2 machine family.</summary>
internal sealed record Mps2Fpga(string Cpu, uint SccId, ulong PsramBase, ulong EthernetBase, bool HasBlockRam)
{
    public static Mps2Fpga An385 { get; } = new("cortex-m3", 0x41043850, 0x21000000, 0x40200000, HasBlockRam: true);

    public static Mps2Fpga An386 { get; } = new("cortex-m4", 0x41043860, 0x21000000, 0x40200000, HasBlockRam: true);

    public static Mps2Fpga An500 { get; } = new("cortex-m7", 0x41045000, 0x60000000, 0xA0000000, HasBlockRam: false);
}
