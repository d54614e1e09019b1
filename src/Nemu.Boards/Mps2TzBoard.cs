// Implements: QEMU 7.2 hw/arm/mps2-tz.c for mps2-an505 and mps2-an521 (mprofile.md §6.4; plan §4): the FPGA side
// around the SSE (ArmSse): SSRAM0 4 MiB at 0 behind MPC0 (+ "ssram-0-alias" at 0x00400000), SSRAM1/2 2 MiB at
// 0x28000000/0x28200000 behind MPC1/2 (their registers behind apb_ppcexp0 at 0x58007000-0x58009000), mps.ram
// 16 MiB at 0x80000000, the expansion PPCs (apb_ppcexp1: SPI0-4, UART0-4, I2C0-3; apb_ppcexp2: SCC, I2S, FPGAIO;
// ahb_ppcexp0: GFX, GPIO0-3, LAN9118; ahb_ppcexp1: DMA0-3), UART IRQs (RX 32+2n, TX 33+2n, combined 42+n,
// overflows ORed to 47), SCC, FPGAIO, "FPGA NS PC" at -1000, -kernel through CPU0's secure address space
// (armv7m_load_kernel) and -device loader through the system memory, the fixed CPU and 16 MiB RAM checks and
// the -smp limits with QEMU's messages.
// Not modelled (unimplemented-device under QEMU's region names; their interrupts stay low): PL022 SPI, SBCon
// I2C, I2S, GFX (CLCD), GPIO, LAN9118, PL081 DMA with its TZ MSC.
using System.Globalization;
using Nemu.Core.Irq;
using Nemu.Hw.Cmsdk;
using Nemu.Hw.Mps2;
using Nemu.Hw.Tz;
using Nemu.Loader;
using Nemu.Memory;
using Nemu.System;
using Nemu.System.Vl;

namespace Nemu.Boards;

/// <summary>The MPS2 boards with the AN505 / AN521 TrustZone FPGA images.</summary>
public static class Mps2TzBoard
{
    public const ulong RamSize = 16 * 1024 * 1024;

    public static MachineType An505 { get; } = Define(Mps2TzFpga.An505);

    public static MachineType An521 { get; } = Define(Mps2TzFpga.An521);

    private static MachineType Define(Mps2TzFpga fpga) =>
        new(fpga.Name, fpga.Description, m => Init(m, fpga))
        {
            DefaultRamSize = RamSize,
            DefaultRamId = "mps.ram",
            DefaultCpuType = "cortex-m33-arm-cpu",
        };

    private static void Init(Machine machine, Mps2TzFpga fpga)
    {
        BoardSupport.RequireCpu(machine, "cortex-m33");
        if (BoardSupport.CommandLine(machine)?.Smp?.Cpus is { } cpus)
        {
            if (cpus < fpga.NumCpus)
            {
                throw new VlException($"Invalid SMP CPUs {cpus}. The min CPUs supported by machine '{fpga.Name}' is {fpga.NumCpus}");
            }

            if (cpus > fpga.NumCpus)
            {
                throw new VlException($"Invalid SMP CPUs {cpus}. The max CPUs supported by machine '{fpga.Name}' is {fpga.NumCpus}");
            }
        }

        if (machine.Ram is { } ram && ram.Size != RamSize)
        {
            throw new VlException("Invalid RAM size, should be 16 MiB");
        }

        BoardSupport.AddDeviceServices(machine);
        var system = machine.SystemMemory;
        var sse = ArmSse.Build(machine, fpga);

        var mpcs = new TzMpc[3];
        ReadOnlySpan<(string Name, ulong Address, ulong Size)> ssrams = [("ssram-0", 0, 0x400000), ("ssram-1", 0x28000000, 0x200000), ("ssram-2", 0x28200000, 0x200000)];
        for (var i = 0; i < ssrams.Length; i++)
        {
            var ssram = MemoryRegion.CreateRam(ssrams[i].Name, ssrams[i].Size);
            var mpc = BoardSupport.CreateDevice<TzMpc>(machine, TzMpc.TypeName, d => d.SetDownstream(ssram));
            system.AddSubregion(ssrams[i].Address, mpc.Upstream);
            sse.ConnectExpansionMpc(i, mpc);
            mpcs[i] = mpc;
        }

        system.AddSubregion(0x00400000, MemoryRegion.CreateAlias("ssram-0-alias", mpcs[0].Upstream, 0, 0x400000));
        if (machine.Ram is { } mpsRam)
        {
            system.AddSubregion(0x80000000, mpsRam);
        }

        BoardSupport.Unimplemented(machine, "FPGA NS PC", 0x48007000, 0x1000);
        AddPpc(machine, sse, "apb_ppcexp0", [(mpcs[0].Registers, 0x58007000), (mpcs[1].Registers, 0x58008000), (mpcs[2].Registers, 0x58009000)]);
        AddPpc(machine, sse, "apb_ppcexp1", [.. ApbExp1Devices(machine, sse)]);
        AddPpc(machine, sse, "apb_ppcexp2", [.. ApbExp2Devices(machine, fpga)]);
        AddPpc(machine, sse, "ahb_ppcexp0",
        [
            (Unimp(machine, "gfx", 0x140000), 0x41000000),
            (Unimp(machine, "gpio0", 0x1000), 0x40100000),
            (Unimp(machine, "gpio1", 0x1000), 0x40101000),
            (Unimp(machine, "gpio2", 0x1000), 0x40102000),
            (Unimp(machine, "gpio3", 0x1000), 0x40103000),
            (Unimp(machine, "lan9118-mmio", 0x100), 0x42000000),
        ]);
        AddPpc(machine, sse, "ahb_ppcexp1",
        [
            (Unimp(machine, "pl080", 0x1000), 0x40110000),
            (Unimp(machine, "pl080", 0x1000), 0x40111000),
            (Unimp(machine, "pl080", 0x1000), 0x40112000),
            (Unimp(machine, "pl080", 0x1000), 0x40113000),
        ]);
        sse.Complete();

        // The DMA masters' TZ MSC address spaces QEMU creates (not modelled beyond their names in info mtree).
        for (var i = 0; i < 4; i++)
        {
            _ = new AddressSpace(machine.Memory, "tz-msc-downstream", sse.Container);
            _ = new AddressSpace(machine.Memory, "pl080-downstream", MemoryRegion.CreateIo("tz-msc-downstream", UInt128.One << 64, null));
        }

        LoadKernel(machine, sse);
    }

    private static MemoryRegion Unimp(Machine machine, string name, ulong size) =>
        BoardSupport.CreateUnimplemented(machine, name, size).Mmio[0].Region!;

    /// <summary>A board PPC fronting <paramref name="ports"/> (port n = entry n), mapped in the system memory.</summary>
    private static void AddPpc(Machine machine, ArmSse sse, string name, (MemoryRegion Region, ulong Address)[] ports)
    {
        var ppc = BoardSupport.CreateDevice<TzPpc>(machine, TzPpc.TypeName, d =>
        {
            for (var i = 0; i < ports.Length; i++)
            {
                d.SetPort(i, ports[i].Region);
            }
        });
        for (var i = 0; i < ports.Length; i++)
        {
            machine.SystemMemory.AddSubregion(ports[i].Address, ppc.PortRegion(i));
        }

        sse.ConnectPpc(name, ppc);
    }

    private static IEnumerable<(MemoryRegion, ulong)> ApbExp1Devices(Machine machine, ArmSse sse)
    {
        ReadOnlySpan<ulong> spi = [0x40205000, 0x40206000, 0x40209000, 0x4020A000, 0x4020B000];
        var ports = new List<(MemoryRegion, ulong)>();
        foreach (var address in spi)
        {
            ports.Add((Unimp(machine, "pl022", 0x1000), address));
        }

        var overflow = new OrIrq("uart-irq-orgate", 10);
        overflow.Output.Connect(sse.Irq(47).Set);
        for (var i = 0; i < 5; i++)
        {
            var index = i;
            var uart = BoardSupport.CreateDevice<CmsdkApbUart>(machine, CmsdkApbUart.TypeName, d =>
            {
                d.SetProperty("pclk-frq", ArmSse.MainClockHz.ToString(CultureInfo.InvariantCulture));
                if (BoardSupport.SerialChardevId(machine, index) is { } id)
                {
                    d.SetProperty("chardev", id);
                }
            });
            BoardSupport.TakeSerialFocus(machine, i, uart);
            uart.ConnectIrq(0, sse.Irq(33 + (2 * i)));
            uart.ConnectIrq(1, sse.Irq(32 + (2 * i)));
            uart.ConnectIrq(2, overflow.Inputs[i * 2]);
            uart.ConnectIrq(3, overflow.Inputs[(i * 2) + 1]);
            uart.ConnectIrq(4, sse.Irq(42 + i));
            ports.Add((uart.Mmio[0].Region!, 0x40200000 + ((ulong)i * 0x1000)));
        }

        ReadOnlySpan<ulong> i2c = [0x40207000, 0x40208000, 0x4020C000, 0x4020D000];
        foreach (var address in i2c)
        {
            ports.Add((Unimp(machine, "arm_sbcon_i2c", 0x1000), address));
        }

        return ports;
    }

    private static IEnumerable<(MemoryRegion, ulong)> ApbExp2Devices(Machine machine, Mps2TzFpga fpga)
    {
        var scc = BoardSupport.CreateDevice<Mps2Scc>(machine, Mps2Scc.TypeName, d =>
        {
            d.SetProperty("scc-cfg4", "2");
            d.SetProperty("scc-aid", "0x00200008");
            d.SetProperty("scc-id", "0x" + fpga.SccId.ToString("x8", CultureInfo.InvariantCulture));
            d.SetOscclk(40_000_000, 24_580_000, 25_000_000);
        });
        var fpgaio = BoardSupport.CreateDevice<Mps2Fpgaio>(machine, Mps2Fpgaio.TypeName, d =>
        {
            d.SetProperty("prescale-clk", ArmSse.MainClockHz.ToString(CultureInfo.InvariantCulture));
            d.SetProperty("num-leds", "2");
        });
        return
        [
            (scc.Mmio[0].Region!, 0x40300000),
            (Unimp(machine, "i2s-audio", 0x1000), 0x40301000),
            (fpgaio.Mmio[0].Region!, 0x40302000),
        ];
    }

    /// <summary>-kernel through CPU0's secure address space (QEMU armv7m_load_kernel, 4 MiB raw at 0); every ROM blob through the MPCs.</summary>
    private static void LoadKernel(Machine machine, ArmSse sse)
    {
        var writer = new ArmSseRomWriter(machine.AddressSpaceMemory, sse.Cpus[0].CpuAddressSpace!);
        machine.RomWriter = writer;
        if (machine.KernelFilename is not { } path)
        {
            return;
        }

        var before = machine.Roms.Blobs.Count;
        try
        {
            KernelLoader.LoadArmv7m(path, machine.Roms, new Core.GuestAddress(0), 0x400000);
        }
        catch (LoaderException e)
        {
            throw new VlException(e.Message);
        }

        foreach (var blob in machine.Roms.Blobs.Skip(before))
        {
            writer.AddKernelBlob(blob);
        }
    }
}
