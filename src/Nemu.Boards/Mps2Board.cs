// Implements: QEMU 7.2 hw/arm/mps2.c for mps2-an385 (Cortex-M3), mps2-an386 (Cortex-M4) and mps2-an500 (Cortex-M7)
// (mprofile.md §6.3): the memory map with QEMU's region names and priorities (ZBT SSRAM1 + mirror, block RAM + 3
// mirrors (not on AN500), SSRAM2/3 + mirror, machine RAM "mps.ram" = PSRAM at 0x21000000 (AN500: 0x60000000),
// unimplemented-device regions at -1000, which QEMU keeps on AN500 too), the armv7m (32 IRQs, 8 priority
// bits, bitband, 25 MHz CPU clock, 1 MHz SysTick reference), CMSDK timers/dual timer/UARTs/watchdog, FPGAIO and
// SCC, IRQ wiring (UART RX/TX, UART0-2 overflows ORed to IRQ 12, timers 8/9, dual timer 10, watchdog → NMI),
// -kernel at 0 (4 MiB), the fixed-CPU and 16 MiB RAM checks with QEMU's messages. The devices QEMU's board
// embeds (object_initialize_child) have its QOM names: /machine/{armv7m,timer0,timer1,dualtimer,watchdog,fpgaio,scc}
// and the SYSCLK/REFCLK clocks; the rest are /machine/unattached/device[N].
// Not modelled (mapped as unimplemented-device under QEMU's region name so the memory map matches): PL022 SPI ×5,
// SBCon I2C ×4, LAN9118 ethernet (0x40200000; AN500: 0xA0000000); their interrupts stay low. mps2-an511 is not
// provided.
using Nemu.Arm.Devices;
using Nemu.Core.Irq;
using Nemu.Hw.Cmsdk;
using Nemu.Hw.Mps2;
using Nemu.Memory;
using Nemu.System;
using Nemu.System.Vl;

namespace Nemu.Boards;

/// <summary>The MPS2 boards with the AN385 / AN386 / AN500 FPGA images.</summary>
public static class Mps2Board
{
    public const uint SysclkHz = 25_000_000;
    public const uint RefclkHz = 1_000_000;
    public const ulong RamSize = 16 * 1024 * 1024;

    public static MachineType An385 { get; } = Define("mps2-an385", "ARM MPS2 with AN385 FPGA image for Cortex-M3", Mps2Fpga.An385);

    public static MachineType An386 { get; } = Define("mps2-an386", "ARM MPS2 with AN386 FPGA image for Cortex-M4", Mps2Fpga.An386);

    public static MachineType An500 { get; } = Define("mps2-an500", "ARM MPS2 with AN500 FPGA image for Cortex-M7", Mps2Fpga.An500);

    private static MachineType Define(string name, string description, Mps2Fpga fpga) =>
        new(name, description, m => Init(m, fpga))
        {
            DefaultRamSize = RamSize,
            DefaultRamId = "mps.ram",
            DefaultCpuType = fpga.Cpu + "-arm-cpu",
        };

    private static void Init(Machine machine, Mps2Fpga fpga)
    {
        var cpu = fpga.Cpu;
        BoardSupport.RequireCpu(machine, cpu);
        if (machine.Ram is { } ram && ram.Size != RamSize)
        {
            throw new VlException("Invalid RAM size, should be 16 MiB");
        }

        BoardSupport.AddDeviceServices(machine);

        // mps2_common_init: clock_new(machine, "SYSCLK"/"REFCLK").
        var qom = Nemu.Qdev.Qom.QomBoardObjects.Of(machine.Qdev);
        qom.Add("/machine/SYSCLK", "clock");
        qom.Add("/machine/REFCLK", "clock");
        var system = machine.SystemMemory;
        var ssram1 = MemoryRegion.CreateRam("mps.ssram1", 0x400000);
        system.AddSubregion(0, ssram1);
        system.AddSubregion(0x400000, MemoryRegion.CreateAlias("mps.ssram1_m", ssram1, 0, 0x400000));
        if (fpga.HasBlockRam)
        {
            var blockram = MemoryRegion.CreateRam("mps.blockram", 0x4000);
            system.AddSubregion(0x01000000, blockram);
            for (var i = 1; i <= 3; i++)
            {
                system.AddSubregion(0x01000000 + ((ulong)i * 0x4000), MemoryRegion.CreateAlias($"mps.blockram_m{i}", blockram, 0, 0x4000));
            }
        }

        var ssram23 = MemoryRegion.CreateRam("mps.ssram23", 0x400000);
        system.AddSubregion(0x20000000, ssram23);
        system.AddSubregion(0x20400000, MemoryRegion.CreateAlias("mps.ssram23_m", ssram23, 0, 0x400000));
        if (machine.Ram is { } psram)
        {
            system.AddSubregion(fpga.PsramBase, psram);
        }

        foreach (var (regionName, address, size) in UnimplementedRegions)
        {
            BoardSupport.Unimplemented(machine, regionName, address, size);
        }

        var armv7m = BoardSupport.CreateArmv7m(machine, cpu, 32, 8, bitband: true, SysclkHz, RefclkHz);
        for (var i = 0; i < 4; i++)
        {
            BoardSupport.Unimplemented(machine, "cmsdk-ahb-gpio", 0x40010000 + ((ulong)i * 0x1000), 0x1000);
        }

        var overflow = new OrIrq("uart-overflow", 6);
        overflow.Output.Connect(armv7m.IrqInput(12).Set);
        ReadOnlySpan<ulong> uartBase = [0x40004000, 0x40005000, 0x40006000, 0x40007000, 0x40009000];
        ReadOnlySpan<int> uartRxIrq = [0, 2, 4, 18, 20];
        for (var i = 0; i < uartBase.Length; i++)
        {
            var index = i;
            var uart = BoardSupport.CreateDevice<CmsdkApbUart>(machine, CmsdkApbUart.TypeName, d =>
            {
                d.SetProperty("pclk-frq", SysclkHz.ToString(global::System.Globalization.CultureInfo.InvariantCulture));
                if (BoardSupport.SerialChardevId(machine, index) is { } id)
                {
                    d.SetProperty("chardev", id);
                }
            });
            BoardSupport.Map(uart, system, uartBase[i]);
            BoardSupport.TakeSerialFocus(machine, i, uart);
            uart.ConnectIrq(0, armv7m.IrqInput(uartRxIrq[i] + 1));
            uart.ConnectIrq(1, armv7m.IrqInput(uartRxIrq[i]));
            if (i < 3)
            {
                uart.ConnectIrq(2, overflow.Inputs[i * 2]);
                uart.ConnectIrq(3, overflow.Inputs[(i * 2) + 1]);
            }
        }

        AddTimers(machine, armv7m);
        var fpgaio = BoardSupport.CreateDevice<Mps2Fpgaio>(machine, Mps2Fpgaio.TypeName, d => d.SetProperty("prescale-clk", SysclkHz.ToString(global::System.Globalization.CultureInfo.InvariantCulture)), "fpgaio");
        BoardSupport.Map(fpgaio, system, 0x40028000);
        var scc = BoardSupport.CreateDevice<Mps2Scc>(machine, Mps2Scc.TypeName, d =>
        {
            d.SetProperty("scc-cfg4", "2");
            d.SetProperty("scc-aid", "0x00200008");
            d.SetProperty("scc-id", "0x" + fpga.SccId.ToString("x8", global::System.Globalization.CultureInfo.InvariantCulture));
            d.SetOscclk(50_000_000, 24_576_000, 25_000_000);
        }, "scc");
        BoardSupport.Map(scc, system, 0x4002F000);
        foreach (var (deviceName, address, size) in NotModelledDevices)
        {
            BoardSupport.Unimplemented(machine, deviceName, address, size, priority: 0);
        }

        BoardSupport.Unimplemented(machine, "lan9118-mmio", fpga.EthernetBase, 0x100, priority: 0);

        BoardSupport.LoadKernel(machine, 0, 0x400000);
    }

    private static void AddTimers(Machine machine, Armv7m armv7m)
    {
        var system = machine.SystemMemory;
        ReadOnlySpan<(ulong Address, int Irq)> timers = [(0x40000000, 8), (0x40001000, 9)];
        for (var i = 0; i < timers.Length; i++)
        {
            var (address, irq) = timers[i];
            var timer = BoardSupport.CreateDevice<CmsdkApbTimer>(machine, CmsdkApbTimer.TypeName, d => d.Pclk.SetHz(SysclkHz), $"timer{i}");
            BoardSupport.Map(timer, system, address);
            timer.ConnectIrq(0, armv7m.IrqInput(irq));
        }

        var dualTimer = BoardSupport.CreateDevice<CmsdkApbDualTimer>(machine, CmsdkApbDualTimer.TypeName, d => d.Timclk.SetHz(SysclkHz), "dualtimer");
        BoardSupport.Map(dualTimer, system, 0x40002000);
        dualTimer.ConnectIrq(0, armv7m.IrqInput(10));
        var watchdog = BoardSupport.CreateDevice<CmsdkApbWatchdog>(machine, CmsdkApbWatchdog.TypeName, d => d.Wdogclk.SetHz(SysclkHz), "watchdog");
        BoardSupport.Map(watchdog, system, 0x40008000);
        watchdog.ConnectIrq(0, armv7m.GetGpioIn("NMI", 0));
        watchdog.ResetRequested += () => machine.Loop.Post(() => BoardSupport.GuestResetRequest(machine));
    }

    /// <summary>QEMU's make_unimp_dev regions of the AN385/AN386 map (priority -1000).</summary>
    private static readonly (string Name, ulong Address, ulong Size)[] UnimplementedRegions =
    [
        ("zbtsmram mirror", 0x00400000, 0x00400000),
        ("RESERVED 1", 0x00800000, 0x00800000),
        ("Block RAM", 0x01000000, 0x00010000),
        ("RESERVED 2", 0x01010000, 0x1EFF0000),
        ("RESERVED 3", 0x20800000, 0x00800000),
        ("PSRAM", 0x21000000, 0x01000000),
        ("CMSDK APB peripheral region @0x40000000", 0x40000000, 0x00010000),
        ("CMSDK AHB peripheral region @0x40010000", 0x40010000, 0x00010000),
        ("Extra peripheral region @0x40020000", 0x40020000, 0x00010000),
        ("RESERVED 4", 0x40030000, 0x001D0000),
        ("VGA", 0x41000000, 0x00200000),
        ("i2s", 0x40024000, 0x400),
    ];

    /// <summary>Devices QEMU models and Nemu does not yet, mapped RAZ/WI at priority 0 under QEMU's region names.</summary>
    private static readonly (string Name, ulong Address, ulong Size)[] NotModelledDevices =
    [
        ("pl022", 0x40020000, 0x1000),
        ("pl022", 0x40021000, 0x1000),
        ("pl022", 0x40025000, 0x1000),
        ("pl022", 0x40026000, 0x1000),
        ("pl022", 0x40027000, 0x1000),
        ("arm_sbcon_i2c", 0x40022000, 0x1000),
        ("arm_sbcon_i2c", 0x40023000, 0x1000),
        ("arm_sbcon_i2c", 0x40029000, 0x1000),
        ("arm_sbcon_i2c", 0x4002A000, 0x1000),
    ];
}
