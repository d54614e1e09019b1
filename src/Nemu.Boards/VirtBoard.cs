// Implements: QEMU 7.2 hw/arm/virt.c (`virt-7.2`, alias `virt`) under qtest, without a CPU yet (the A-profile CPU
// comes with a later issue): the memory map and SPI map of VirtMemoryMap; devices created in QEMU's order so the
// QOM paths match (`/machine/virt.flash0`/`1`, the CPU's `/machine/unattached/device[0]` reserved, the GIC at
// device[1] as qtest's irq_intercept_in expects, then arm-gicv2m, pl011, pl031, gpex-pcihost, pl061, gpio-key,
// 32 virtio-mmio, `/machine/fw_cfg`, platform-bus-device): two 64 MiB cfi.pflash01 banks, a GICv2 (288 IRQs, no
// security or virtualization extensions), the GICv2m frame (SPIs 48-111), PL011 on serial0 (SPI 1), PL031 (SPI 2),
// fw_cfg (MMIO, DMA into the system address space), PL061 (SPI 7) with gpio-key on its line 3, 32 virtio-mmio
// transports (SPIs 16-47), the empty platform bus container (SPIs 112-175), RAM "mach-virt.ram" at 0x40000000
// (default 128 MiB), the "cpu-memory-0" address space over system, and the PCIe host (see VirtPcie.cs).
// -machine highmem=on|off (default on, as QEMU's for the default cortex-a15): on moves the ECAM to 0x4010000000
// (256 buses) and adds the 512 GiB "pcie-mmio-high" window; off keeps the 16-bus ECAM at 0x3f000000.
// Not modelled: the CPU and everything that needs one (PSCI, timers, -kernel/-bios boot, the DTB QEMU places at the
// RAM base), secure mode, virtualization, GICv3/ITS, ACPI, the default NIC (behaves as -nodefaults for NICs).
using Nemu.Hw.Block;
using Nemu.Hw.Char;
using Nemu.Hw.Core;
using Nemu.Hw.Gpio;
using Nemu.Hw.Intc;
using Nemu.Hw.Misc;
using Nemu.Hw.Nvram;
using Nemu.Hw.Timer;
using Nemu.Hw.Virtio;
using Nemu.Memory;
using Nemu.System;
using Nemu.System.Vl;

namespace Nemu.Boards;

/// <summary>QEMU's Arm <c>virt</c> machine (7.2 layout).</summary>
public static partial class VirtBoard
{
    public const ulong DefaultRamSize = 128 * 1024 * 1024;
    public const string RamId = "mach-virt.ram";

    /// <summary>The QOM path qtest uses for the GIC (<c>irq_intercept_in</c>).</summary>
    public const string GicPath = "/machine/unattached/device[1]";

    public static MachineType Type { get; } = Define(m => Init(m, HighMem(m)));

    /// <summary>The machine with <c>highmem</c> fixed (in-process builds without a command line).</summary>
    public static MachineType WithHighMem(bool highMem) => Define(m => Init(m, highMem));

    /// <summary>The machine's GIC.</summary>
    public static ArmGic Gic(Machine machine) => (ArmGic)(machine.Qdev.FindByPath(GicPath) ?? throw new InvalidOperationException("not a virt machine"));

    /// <summary>The machine's GICv2m frame.</summary>
    public static ArmGicV2m GicV2m(Machine machine) => machine.Qdev.Devices.OfType<ArmGicV2m>().Single();

    /// <summary>The machine's fw_cfg device.</summary>
    public static FwCfgMem FwCfg(Machine machine) => (FwCfgMem)(machine.Qdev.FindByPath("/machine/fw_cfg") ?? throw new InvalidOperationException("not a virt machine"));

    /// <summary>The value of <c>-machine highmem=</c> (QEMU's default: on).</summary>
    public static bool HighMem(Machine machine)
    {
        var value = BoardSupport.CommandLine(machine)?.Machine?.Get("highmem");
        return value switch
        {
            null or "on" or "yes" or "true" or "y" => true,
            "off" or "no" or "false" or "n" => false,
            _ => throw new VlException("Parameter 'highmem' expects 'on' or 'off'"),
        };
    }

    private static MachineType Define(Action<Machine> init) =>
        new("virt-7.2", "QEMU 7.2 ARM Virtual Machine", init)
        {
            DefaultRamSize = DefaultRamSize,
            DefaultRamId = RamId,
            DefaultCpuType = "cortex-a15-arm-cpu",
            Aliases = ["virt"],
            Properties = ["highmem"],
        };

    private static void Init(Machine machine, bool highMem)
    {
        BoardSupport.AddDeviceServices(machine);
        var system = machine.SystemMemory;
        _ = new AddressSpace(machine.Memory, "cpu-memory-0", system);
        CreateFlash(machine, "virt.flash0", VirtMemoryMap.Flash);
        CreateFlash(machine, "virt.flash1", VirtMemoryMap.Flash + VirtMemoryMap.FlashBankSize);

        // The CPU is /machine/unattached/device[0] in QEMU; keep its index so the GIC is device[1].
        ReserveUnattachedIndex(machine);
        var gic = BoardSupport.CreateDevice<ArmGic>(machine, ArmGic.TypeName, d =>
        {
            d.SetProperty("num-cpu", "1");
            d.SetProperty("num-irq", VirtMemoryMap.GicIrqs.ToString(global::System.Globalization.CultureInfo.InvariantCulture));
            d.SetProperty("revision", "2");
        });
        gic.MapMmio(0, new Core.GuestAddress(VirtMemoryMap.GicDist), system);
        gic.MapMmio(1, new Core.GuestAddress(VirtMemoryMap.GicCpu), system);

        var v2m = BoardSupport.CreateDevice<ArmGicV2m>(machine, ArmGicV2m.TypeName, d =>
        {
            d.SetProperty("base-spi", VirtMemoryMap.GicV2mSpi.ToString(global::System.Globalization.CultureInfo.InvariantCulture));
            d.SetProperty("num-spi", VirtMemoryMap.GicV2mSpiCount.ToString(global::System.Globalization.CultureInfo.InvariantCulture));
        });
        BoardSupport.Map(v2m, system, VirtMemoryMap.GicV2m);
        for (var i = 0; i < VirtMemoryMap.GicV2mSpiCount; i++)
        {
            v2m.ConnectIrq(i, gic.SpiInput(VirtMemoryMap.GicV2mSpi + i));
        }

        var uart = BoardSupport.CreateDevice<Pl011>(machine, Pl011.TypeName, d =>
        {
            if (BoardSupport.SerialChardevId(machine, 0) is { } id)
            {
                d.SetProperty("chardev", id);
            }
        });
        system.AddSubregion(VirtMemoryMap.Uart, uart.Mmio[0].Region!);
        BoardSupport.TakeSerialFocus(machine, 0, uart);
        uart.ConnectIrq(0, gic.SpiInput(VirtMemoryMap.UartSpi));

        var rtc = BoardSupport.CreateDevice<Pl031>(machine, Pl031.TypeName);
        BoardSupport.Map(rtc, system, VirtMemoryMap.Rtc);
        rtc.ConnectIrq(0, gic.SpiInput(VirtMemoryMap.RtcSpi));

        CreatePcie(machine, gic, highMem);
        CreateGpio(machine, gic);
        CreateVirtioTransports(machine, gic);
        CreateFwCfg(machine);
        CreatePlatformBus(machine, gic);

        if (machine.Ram is { } ram)
        {
            system.AddSubregion(VirtMemoryMap.Ram, ram);
        }
    }

    /// <summary>Advances the /machine/unattached/device[N] counter without leaving a device behind.</summary>
    private static void ReserveUnattachedIndex(Machine machine) =>
        machine.Qdev.Remove(machine.Qdev.Create(UnimplementedDevice.TypeName));

    private static void CreateFlash(Machine machine, string name, ulong address)
    {
        var flash = machine.Qdev.Create<PflashCfi01>(PflashCfi01.TypeName, name);
        flash.SetProperty("num-blocks", "256");
        flash.SetProperty("sector-length", "262144");
        flash.SetProperty("width", "4");
        flash.SetProperty("device-width", "2");
        flash.SetProperty("max-device-width", "2");
        flash.SetProperty("id0", "0x89");
        flash.SetProperty("id1", "0x18");
        flash.SetProperty("name", name);
        flash.Realize();
        machine.SystemMemory.AddSubregion(address, flash.Region!);
    }

    private static void CreateGpio(Machine machine, ArmGic gic)
    {
        var pl061 = BoardSupport.CreateDevice<Pl061>(machine, Pl061.TypeName, d =>
        {
            d.SetProperty("pullups", "0");
            d.SetProperty("pulldowns", "0xff");
        });
        machine.SystemMemory.AddSubregion(VirtMemoryMap.Gpio, pl061.Mmio[0].Region!);
        pl061.ConnectIrq(0, gic.SpiInput(VirtMemoryMap.GpioSpi));

        // The power button: gpio-key pulses PL061 line 3.
        var key = BoardSupport.CreateDevice<GpioKey>(machine, GpioKey.TypeName);
        key.ConnectIrq(0, pl061.GetGpioIn(null, 3));
    }

    private static void CreateVirtioTransports(Machine machine, ArmGic gic)
    {
        for (var i = 0; i < VirtMemoryMap.VirtioTransports; i++)
        {
            var index = i;
            var transport = BoardSupport.CreateDevice<VirtioMmio>(machine, VirtioMmio.TypeName, d => d.BusIndex = index);
            BoardSupport.Map(transport, machine.SystemMemory, VirtMemoryMap.VirtioMmio + ((ulong)i * VirtMemoryMap.VirtioMmioSize));
            transport.ConnectIrq(0, gic.SpiInput(VirtMemoryMap.VirtioMmioSpi + i));
        }
    }

    private static void CreateFwCfg(Machine machine)
    {
        var fwCfg = machine.Qdev.Create<FwCfgMem>(FwCfgMem.TypeName, "fw_cfg");
        fwCfg.SetProperty("data_width", "8");
        fwCfg.DmaAddressSpace = machine.AddressSpaceMemory;
        fwCfg.Realize();
        var system = machine.SystemMemory;
        fwCfg.MapMmio(0, new Core.GuestAddress(VirtMemoryMap.FwCfg + 8), system);
        fwCfg.MapMmio(1, new Core.GuestAddress(VirtMemoryMap.FwCfg), system);
        fwCfg.MapMmio(2, new Core.GuestAddress(VirtMemoryMap.FwCfg + 16), system);
    }

    private static void CreatePlatformBus(Machine machine, ArmGic gic)
    {
        var bus = BoardSupport.CreateDevice<PlatformBusDevice>(machine, PlatformBusDevice.TypeName, d =>
        {
            d.SetProperty("num_irqs", VirtMemoryMap.PlatformBusIrqs.ToString(global::System.Globalization.CultureInfo.InvariantCulture));
            d.SetProperty("mmio_size", VirtMemoryMap.PlatformBusSize.ToString(global::System.Globalization.CultureInfo.InvariantCulture));
        });
        for (var i = 0; i < VirtMemoryMap.PlatformBusIrqs; i++)
        {
            bus.ConnectIrq(i, gic.SpiInput(VirtMemoryMap.PlatformBusSpi + i));
        }

        machine.SystemMemory.AddSubregion(VirtMemoryMap.PlatformBus, bus.Region!);
    }
}
