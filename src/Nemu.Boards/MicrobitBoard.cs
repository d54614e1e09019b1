// Implements: a minimal QEMU 7.2 microbit (hw/arm/microbit.c, nrf51_soc.c; mprofile.md §7): a Cortex-M0 with 32
// IRQs and 2 priority bits, 256 KiB flash ROM at 0 (-kernel loads it), 16 KiB SRAM at 0x20000000, the nRF51
// peripheral window (0x40000000, 512 MiB) and the private window (0xF0000000) as unimplemented RAZ/WI regions at
// -1000, CPU clock 16 MHz. Enough for ARMv6-M firmware that talks through semihosting.
// Not modelled: every nRF51 peripheral (UART, timers, GPIO, RNG, NVMC, FICR/UICR), QEMU's "nrf51_soc" container
// layout (the memory map differs from QEMU's info mtree), -cpu is ignored as QEMU ignores it.
using Nemu.Memory;
using Nemu.System;

namespace Nemu.Boards;

/// <summary>The BBC micro:bit (nRF51822, Cortex-M0), minimal.</summary>
public static class MicrobitBoard
{
    public const ulong FlashSize = 256 * 1024;
    public const ulong SramSize = 16 * 1024;
    public const uint HclkHz = 16_000_000;

    public static MachineType Type { get; } = new("microbit", "BBC micro:bit (Cortex-M0)", Init)
    {
        DefaultCpuType = "cortex-m0-arm-cpu",
    };

    private static void Init(Machine machine)
    {
        BoardSupport.AddDeviceServices(machine);
        var system = machine.SystemMemory;
        system.AddSubregion(0, MemoryRegion.CreateRom("nrf51_soc.flash", FlashSize));
        system.AddSubregion(0x20000000, MemoryRegion.CreateRam("nrf51_soc.sram", SramSize));
        BoardSupport.Unimplemented(machine, "nrf51_soc.io", 0x40000000, 0x20000000);
        BoardSupport.Unimplemented(machine, "nrf51_soc.private", 0xF0000000, 0x10000000);
        BoardSupport.CreateArmv7m(machine, "cortex-m0", 32, 2, bitband: false, HclkHz, 0);
        BoardSupport.LoadKernel(machine, 0, FlashSize);
    }
}
