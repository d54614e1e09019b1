// Implements: QEMU 7.2 hw/arm/stellaris.c for lm3s6965evb (mprofile.md §6.9): flash "stellaris.flash" (256 KiB
// ROM at 0, -kernel loads it), "stellaris.sram" (64 KiB at 0x20000000), the armv7m (Cortex-M3, 64 IRQs, 3 priority
// bits, bitband, no SysTick reference clock), the system controller "ssys" (IRQ 28) whose SYSCLK clocks the four
// GPTMs (IRQ 19/21/23/35) and the Luminary watchdog (IRQ 18), and QEMU's unimplemented regions at -1000.
// The board sets ignore_memory_transaction_failures as QEMU's does, so the CPU treats every failed access
// (unmapped memory included) as RAZ/WI instead of a BusFault (ArmCpu.IgnoreMemoryTransactionFailures).
// Not modelled (mapped RAZ/WI at priority 0 under QEMU's names): PL061 GPIO ×7, PL022 SSI (and the OLED/SD behind it), I2C, ADC, Ethernet. The CPU clock is fixed at the reset
// SYSCLK (12.5 MHz) rather than following RCC writes.
using Nemu.Hw.Char;
using Nemu.Hw.Cmsdk;
using Nemu.Hw.Stellaris;
using Nemu.Memory;
using Nemu.System;

namespace Nemu.Boards;

/// <summary>The Stellaris LM3S6965 evaluation board.</summary>
public static class StellarisBoard
{
    public const ulong FlashSize = 256 * 1024;
    public const ulong SramSize = 64 * 1024;
    public const uint ResetSysclkHz = 12_500_000;

    public static MachineType Lm3s6965evb { get; } = new("lm3s6965evb", "Stellaris LM3S6965EVB (Cortex-M3)", Init)
    {
        DefaultCpuType = "cortex-m3-arm-cpu",
    };

    private static void Init(Machine machine)
    {
        BoardSupport.AddDeviceServices(machine);
        var system = machine.SystemMemory;
        system.AddSubregion(0, MemoryRegion.CreateRom("stellaris.flash", FlashSize));
        system.AddSubregion(0x20000000, MemoryRegion.CreateRam("stellaris.sram", SramSize));

        // QEMU ignores -cpu on this board: the SoC is always a Cortex-M3.
        var armv7m = BoardSupport.CreateArmv7m(machine, "cortex-m3", 64, 3, bitband: true, ResetSysclkHz, 0);
        armv7m.Cpu!.IgnoreMemoryTransactionFailures = true;
        var sys = BoardSupport.CreateDevice<StellarisSys>(machine, StellarisSys.TypeName, d =>
        {
            d.SetProperty("did0", "0x10010002");
            d.SetProperty("did1", "0x1073402e");
            d.SetProperty("dc0", "0x00ff007f");
            d.SetProperty("dc1", "0x001133ff");
            d.SetProperty("dc2", "0x030f5317");
            d.SetProperty("dc3", "0x0f0f87ff");
            d.SetProperty("dc4", "0x5000007f");
        });
        BoardSupport.Map(sys, system, 0x400FE000);
        sys.ConnectIrq(0, armv7m.IrqInput(28));

        var watchdog = BoardSupport.CreateDevice<CmsdkApbWatchdog>(machine, CmsdkApbWatchdog.LuminaryTypeName, d => d.Wdogclk.ConnectFrom(sys.Sysclk));
        BoardSupport.Map(watchdog, system, 0x40000000);
        watchdog.ConnectIrq(0, armv7m.IrqInput(18));
        watchdog.ResetRequested += () => machine.Loop.Post(() => BoardSupport.GuestResetRequest(machine));

        ReadOnlySpan<int> gptmIrq = [19, 21, 23, 35];
        for (var i = 0; i < gptmIrq.Length; i++)
        {
            var gptm = BoardSupport.CreateDevice<StellarisGptm>(machine, StellarisGptm.TypeName, d => d.Clk.ConnectFrom(sys.Sysclk));
            BoardSupport.Map(gptm, system, 0x40030000 + ((ulong)i * 0x1000));
            gptm.ConnectIrq(0, armv7m.IrqInput(gptmIrq[i]));
        }

        ReadOnlySpan<int> uartIrq = [5, 6, 33];
        for (var i = 0; i < uartIrq.Length; i++)
        {
            var index = i;
            var uart = BoardSupport.CreateDevice<Pl011>(machine, Pl011.LuminaryTypeName, d =>
            {
                d.Clk.ConnectFrom(sys.Sysclk);
                if (BoardSupport.SerialChardevId(machine, index) is { } id)
                {
                    d.SetProperty("chardev", id);
                }
            });
            BoardSupport.Map(uart, system, 0x4000C000 + ((ulong)i * 0x1000));
            BoardSupport.TakeSerialFocus(machine, i, uart);
            uart.ConnectIrq(0, armv7m.IrqInput(uartIrq[i]));
        }

        foreach (var (name, address) in NotModelledDevices)
        {
            BoardSupport.Unimplemented(machine, name, address, 0x1000, priority: 0);
        }

        foreach (var (name, address) in UnimplementedRegions)
        {
            BoardSupport.Unimplemented(machine, name, address, 0x1000);
        }

        BoardSupport.LoadKernel(machine, 0, FlashSize);
    }

    private static readonly (string Name, ulong Address)[] NotModelledDevices =
    [
        ("pl061", 0x40004000), ("pl061", 0x40005000), ("pl061", 0x40006000), ("pl061", 0x40007000),
        ("pl022", 0x40008000),
        ("i2c", 0x40020000),
        ("pl061", 0x40024000), ("pl061", 0x40025000), ("pl061", 0x40026000),
        ("adc", 0x40038000),
        ("stellaris_enet", 0x40048000),
    ];

    private static readonly (string Name, ulong Address)[] UnimplementedRegions =
    [
        ("i2c-0", 0x40002000), ("i2c-2", 0x40021000), ("PWM", 0x40028000), ("QEI-0", 0x4002C000), ("QEI-1", 0x4002D000),
        ("analogue-comparator", 0x4003C000), ("hibernation", 0x400FC000), ("flash-control", 0x400FD000),
    ];
}
