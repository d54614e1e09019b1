// Implements: the devices QEMU 7.2 hw/arm/armsse.c puts in the SSE (mprofile.md §6.4): the SRAM banks behind
// their MPCs (upstream at 0x20000000 + 32 KiB * n, registers at 0x50083000 + 4 KiB * n), the security
// controller (S block 0x50080000, NS block 0x40080000, in the board's system memory as in QEMU), the timers and
// (SSE-200) MHUs behind APB PPC0 at 0x40000000, the S32K timer behind APB PPC1 at 0x4002F000, sysinfo 0x40020000,
// sysctl 0x50021000, the NS watchdog 0x40081000 (IRQ 1), the S32K and S watchdogs 0x5002E000 / 0x50081000 (ORed
// to CPU 0's NMI) and, on SSE-200, the PPUs, CPU_IDENTITY, cachectrl and CPUSECCTRL regions under QEMU's names.
using System.Globalization;
using Nemu.Core.Irq;
using Nemu.Hw.ArmSse;
using Nemu.Hw.Cmsdk;
using Nemu.Hw.Tz;
using Nemu.Memory;

namespace Nemu.Boards;

/// <summary>The SSE's own devices.</summary>
internal sealed partial class ArmSse
{
    private static string Hex(uint value) => "0x" + value.ToString("x", CultureInfo.InvariantCulture);

    private void CreateDevices()
    {
        var machine = _machine;
        Secctl = BoardSupport.CreateDevice<IotkitSecctl>(machine, IotkitSecctl.TypeName, d => d.SetProperty("sse-version", _fpga.SseVersion.ToString(CultureInfo.InvariantCulture)));
        Secctl.MapMmio(0, new Core.GuestAddress(0x50080000), machine.SystemMemory);
        Secctl.MapMmio(1, new Core.GuestAddress(0x40080000), machine.SystemMemory);
        Secctl.NscCfgChanged += value => Idau.NscCfg = value;

        for (var i = 0; i < _fpga.SramBanks; i++)
        {
            var sram = MemoryRegion.CreateRam($"armsse.sram{i}", 0x8000);
            var mpc = BoardSupport.CreateDevice<TzMpc>(machine, TzMpc.TypeName, d => d.SetDownstream(sram));
            Container.AddSubregion(0x20000000 + ((ulong)i * 0x8000), mpc.Upstream);
            Container.AddSubregion(0x50083000 + ((ulong)i * 0x1000), mpc.Registers);
            ConnectMpc(mpc, Secctl.GetGpioIn("mpc_status", i));
        }

        CreateApbPpc0();
        var s32kTimer = BoardSupport.CreateDevice<CmsdkApbTimer>(machine, CmsdkApbTimer.TypeName, d => d.Pclk.SetHz(S32kClockHz));
        s32kTimer.ConnectIrq(0, Irq(2));
        var ppc1 = BoardSupport.CreateDevice<TzPpc>(machine, TzPpc.TypeName, d => d.SetPort(0, s32kTimer.Mmio[0].Region!));
        Container.AddSubregion(0x4002F000, ppc1.PortRegion(0));
        ConnectPpc("apb_ppc1", ppc1);

        var sysinfo = BoardSupport.CreateDevice<IotkitSysinfo>(machine, IotkitSysinfo.TypeName, d =>
        {
            d.SetProperty("SYS_VERSION", Hex(_fpga.SysVersion));
            d.SetProperty("SYS_CONFIG", Hex(_fpga.SysConfig));
            d.SetProperty("sse-version", _fpga.SseVersion.ToString(CultureInfo.InvariantCulture));
        });
        BoardSupport.Map(sysinfo, Container, 0x40020000);

        if (_fpga.IsSse200)
        {
            for (var i = 0; i < _fpga.NumCpus; i++)
            {
                var cpuid = BoardSupport.CreateDevice<ArmsseCpuid>(machine, ArmsseCpuid.TypeName, d => d.SetProperty("CPUID", i.ToString(CultureInfo.InvariantCulture)));
                BoardSupport.Map(cpuid, CpuContainers[i], 0x4001F000);
            }
        }

        CreateWatchdogs();
        Sysctl = BoardSupport.CreateDevice<IotkitSysctl>(machine, IotkitSysctl.TypeName, d =>
        {
            d.SetProperty("sse-version", _fpga.SseVersion.ToString(CultureInfo.InvariantCulture));
            d.SetProperty("CPUWAIT_RST", _fpga.CpuWaitReset.ToString(CultureInfo.InvariantCulture));
            d.SetProperty("INITSVTOR0_RST", Hex(InitSvtor));
            d.SetProperty("INITSVTOR1_RST", Hex(InitSvtor));
        });
        BoardSupport.Map(Sysctl, Container, 0x50021000);
        ConnectSysctl();
        Sysctl.SystemResetRequested += () => machine.Loop.Post(() => BoardSupport.GuestResetRequest(machine));

        if (_fpga.IsSse200)
        {
            ReadOnlySpan<(string Name, ulong Address)> ppus =
            [
                ("CPU0CORE_PPU", 0x50023000), ("CPU1CORE_PPU", 0x50025000), ("DBG_PPU", 0x50029000),
                ("RAM0_PPU", 0x5002A000), ("RAM1_PPU", 0x5002B000), ("RAM2_PPU", 0x5002C000), ("RAM3_PPU", 0x5002D000),
                ("SYS_PPU", 0x50022000),
            ];
            foreach (var (name, address) in ppus)
            {
                BoardSupport.Unimplemented(machine, name, address, 0x1000, priority: 0, parent: Container);
            }

            for (var i = 0; i < _fpga.NumCpus; i++)
            {
                BoardSupport.Unimplemented(machine, $"cachectrl{i}", 0x50010000, 0x1000, priority: 0, parent: CpuContainers[i]);
                BoardSupport.Unimplemented(machine, $"CPUSECCTRL{i}", 0x50011000, 0x1000, priority: 0, parent: CpuContainers[i]);
            }
        }
    }

    private void CreateApbPpc0()
    {
        var machine = _machine;
        var timer0 = BoardSupport.CreateDevice<CmsdkApbTimer>(machine, CmsdkApbTimer.TypeName, d => d.Pclk.SetHz(MainClockHz));
        var timer1 = BoardSupport.CreateDevice<CmsdkApbTimer>(machine, CmsdkApbTimer.TypeName, d => d.Pclk.SetHz(MainClockHz));
        var dualTimer = BoardSupport.CreateDevice<CmsdkApbDualTimer>(machine, CmsdkApbDualTimer.TypeName, d => d.Timclk.SetHz(MainClockHz));
        timer0.ConnectIrq(0, Irq(3));
        timer1.ConnectIrq(0, Irq(4));
        dualTimer.ConnectIrq(0, Irq(5));
        var regions = new List<MemoryRegion> { timer0.Mmio[0].Region!, timer1.Mmio[0].Region!, dualTimer.Mmio[0].Region! };
        if (_fpga.IsSse200)
        {
            for (var i = 0; i < 2; i++)
            {
                var mhu = BoardSupport.CreateDevice<ArmsseMhu>(machine, ArmsseMhu.TypeName);
                for (var cpu = 0; cpu < _fpga.NumCpus; cpu++)
                {
                    mhu.ConnectIrq(cpu, Cpus[cpu].IrqInput(6 + i));
                }

                regions.Add(mhu.Mmio[0].Region!);
            }
        }

        var ppc0 = BoardSupport.CreateDevice<TzPpc>(machine, TzPpc.TypeName, d =>
        {
            for (var port = 0; port < regions.Count; port++)
            {
                d.SetPort(port, regions[port]);
            }
        });
        for (var port = 0; port < regions.Count; port++)
        {
            Container.AddSubregion(0x40000000 + ((ulong)port * 0x1000), ppc0.PortRegion(port));
        }

        ConnectPpc("apb_ppc0", ppc0);
    }

    private void CreateWatchdogs()
    {
        var machine = _machine;
        var nmi = new OrIrq("nmi-orgate", 2);
        nmi.Output.Connect(Cpus[0].GetGpioIn("NMI", 0).Set);
        ReadOnlySpan<(ulong Address, uint ClockHz)> watchdogs = [(0x40081000, MainClockHz), (0x5002E000, S32kClockHz), (0x50081000, MainClockHz)];
        for (var i = 0; i < watchdogs.Length; i++)
        {
            var (address, clockHz) = watchdogs[i];
            var watchdog = BoardSupport.CreateDevice<CmsdkApbWatchdog>(machine, CmsdkApbWatchdog.TypeName, d => d.Wdogclk.SetHz(clockHz));
            BoardSupport.Map(watchdog, Container, address);
            watchdog.ConnectIrq(0, i == 0 ? Irq(1) : nmi.Inputs[i - 1]);
            watchdog.ResetRequested += () => machine.Loop.Post(() => BoardSupport.GuestResetRequest(machine));
        }
    }
}
