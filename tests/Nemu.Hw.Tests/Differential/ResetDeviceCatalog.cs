// The devices of QEMU 7.2's mps2-an385 and lm3s6965evb that Nemu implements, with the properties those
// boards give them (mprofile.md §6.3, §6.9) and every register offset whose reset value is compared.
using Nemu.Hw.Char;
using Nemu.Hw.Mps2;
using Nemu.Memory;
using Nemu.Qdev;

namespace Nemu.Hw.Tests.Differential;

internal static class ResetDeviceCatalog
{
    public const string An385 = "mps2-an385";
    public const string Lm3s6965evb = "lm3s6965evb";

    public static IReadOnlyList<ResetDevice> Devices { get; } =
    [
        new(An385, "uart0", 0x40004000, m => Make(m, "cmsdk-apb-uart", ("pclk-frq", "25000000")),
            [(0x04, "STATE"), (0x08, "CTRL"), (0x0c, "INTSTATUS"), (0x10, "BAUDDIV"), .. Ids(0xfd0, 12)],
            "DATA 0x00 (a read clears RXFULL and accepts input)"),
        new(An385, "timer0", 0x40000000, m => Make(m, "cmsdk-apb-timer", ("pclk", "25000000")), CmsdkTimerRegisters()),
        new(An385, "timer1", 0x40001000, m => Make(m, "cmsdk-apb-timer", ("pclk", "25000000")), CmsdkTimerRegisters()),
        new(An385, "dualtimer", 0x40002000, m => Make(m, "cmsdk-apb-dualtimer", ("TIMCLK", "25000000")),
            [.. DualTimerModule(0x00, 1), .. DualTimerModule(0x20, 2), (0xf00, "ITCR"), .. Ids(0xfd0, 12)],
            "TIMERxINTCLR, ITOP (write-only)"),
        new(An385, "watchdog", 0x40008000, m => Make(m, "cmsdk-apb-watchdog", ("WDOGCLK", "25000000")),
            [.. WatchdogRegisters(), (0xf00, "ITCR"), .. Ids(0xfd0, 12)],
            "WDOGINTCLR, ITOP (write-only)"),
        new(An385, "fpgaio", 0x40028000, m => Make(m, "mps2-fpgaio", ("prescale-clk", "25000000")),
            [(0x00, "LED0"), (0x08, "BUTTON"), (0x10, "CLK1HZ"), (0x14, "CLK100HZ"), (0x18, "COUNTER"), (0x1c, "PRESCALE"), (0x20, "PSCNTR"), (0x4c, "MISC")]),
        new(An385, "scc", 0x4002f000, An385Scc,
            [(0x00, "CFG0"), (0x04, "CFG1"), (0x0c, "CFG3"), (0x10, "CFG4"), (0xa0, "CFGDATA_RTN"), (0xa4, "CFGDATA_OUT"),
             (0xa8, "CFGCTRL"), (0xac, "CFGSTAT"), (0x100, "DLL"), (0xff8, "AID"), (0xffc, "ID")]),
        new(Lm3s6965evb, "uart0", 0x4000c000, m => Make(m, Pl011.LuminaryTypeName, ("clk", "12500000")),
            [(0x04, "RSR"), (0x18, "FR"), (0x20, "ILPR"), (0x24, "IBRD"), (0x28, "FBRD"), (0x2c, "LCR_H"), (0x30, "CR"), (0x34, "IFLS"),
             (0x38, "IMSC"), (0x3c, "RIS"), (0x40, "MIS"), (0x48, "DMACR"), .. Ids(0xfe0, 8)],
            "DR 0x00 (a read pops the RX FIFO and accepts input)"),
        new(Lm3s6965evb, "gptm0", 0x40030000, m => Make(m, "stellaris-gptm", ("clk", "12500000")),
            [(0x00, "CFG"), (0x04, "TAMR"), (0x08, "TBMR"), (0x0c, "CTL"), (0x18, "IMR"), (0x1c, "RIS"), (0x20, "MIS"), (0x24, "ICR"),
             (0x28, "TAILR"), (0x2c, "TBILR"), (0x30, "TAMATCHR"), (0x34, "TBMATCHR"), (0x38, "TAPR"), (0x3c, "TBPR"), (0x40, "TAPMR"),
             (0x44, "TBPMR"), (0x48, "TAR"), (0x4c, "TBR")]),
        new(Lm3s6965evb, "sysctl", 0x400fe000, m => Make(
                m, "stellaris-sys", ("did0", "0x10010002"), ("did1", "0x1073402e"), ("dc0", "0x00ff007f"), ("dc1", "0x001133ff"),
                ("dc2", "0x030f5317"), ("dc3", "0x0f0f87ff"), ("dc4", "0x5000007f"), ("user0", "0x5452"), ("user1", "0x563412")),
            [(0x000, "DID0"), (0x004, "DID1"), (0x008, "DC0"), (0x010, "DC1"), (0x014, "DC2"), (0x018, "DC3"), (0x01c, "DC4"),
             (0x030, "PBORCTL"), (0x034, "LDOPCTL"), (0x040, "SRCR0"), (0x044, "SRCR1"), (0x048, "SRCR2"), (0x050, "RIS"), (0x054, "IMC"),
             (0x058, "MISC"), (0x05c, "RESC"), (0x060, "RCC"), (0x064, "PLLCFG"), (0x070, "RCC2"), (0x100, "RCGC0"), (0x104, "RCGC1"),
             (0x108, "RCGC2"), (0x110, "SCGC0"), (0x114, "SCGC1"), (0x118, "SCGC2"), (0x120, "DCGC0"), (0x124, "DCGC1"), (0x128, "DCGC2"),
             (0x150, "CLKVCLR"), (0x160, "LDOARST"), (0x1e0, "USER0"), (0x1e4, "USER1")]),
        new(Lm3s6965evb, "watchdog", 0x40000000, m => Make(m, "luminary-watchdog", ("WDOGCLK", "12500000")),
            [.. WatchdogRegisters(), .. Ids(0xfd0, 12)],
            "WDOGINTCLR (write-only)"),
    ];

    public static IEnumerable<ResetRegister> Registers => Devices.SelectMany(d => d.Rows);

    private static IMemoryRegionOps Make(Misc.TestMachine machine, string type, params (string Name, string Value)[] properties) =>
        (IMemoryRegionOps)machine.Create<Device>(type, properties);

    private static IMemoryRegionOps An385Scc(Misc.TestMachine machine)
    {
        var scc = machine.Tree.Create<Mps2Scc>("mps2-scc");
        scc.SetProperty("scc-id", "0x41043850");
        scc.SetProperty("scc-aid", "0x00200008");
        scc.SetProperty("scc-cfg4", "2");
        scc.SetOscclk(50_000_000, 24_576_000, 25_000_000);
        scc.Realize();
        scc.Reset();
        return scc;
    }

    private static (ulong, string)[] CmsdkTimerRegisters() =>
        [(0x00, "CTRL"), (0x04, "VALUE"), (0x08, "RELOAD"), (0x0c, "INTSTATUS"), .. Ids(0xfd0, 12)];

    private static (ulong, string)[] DualTimerModule(ulong at, int n) =>
        [(at, $"TIMER{n}LOAD"), (at + 0x04, $"TIMER{n}VALUE"), (at + 0x08, $"TIMER{n}CONTROL"), (at + 0x10, $"TIMER{n}RIS"),
         (at + 0x14, $"TIMER{n}MIS"), (at + 0x18, $"TIMER{n}BGLOAD")];

    private static (ulong, string)[] WatchdogRegisters() =>
        [(0x000, "LOAD"), (0x004, "VALUE"), (0x008, "CONTROL"), (0x010, "RIS"), (0x014, "MIS"), (0xc00, "LOCK")];

    /// <summary>PrimeCell ID words from <paramref name="first"/>: PID4-7 (when 12), PID0-3, CID0-3.</summary>
    private static (ulong, string)[] Ids(ulong first, int count)
    {
        string[] names = count == 12
            ? ["PID4", "PID5", "PID6", "PID7", "PID0", "PID1", "PID2", "PID3", "CID0", "CID1", "CID2", "CID3"]
            : ["PID0", "PID1", "PID2", "PID3", "CID0", "CID1", "CID2", "CID3"];
        return [.. names.Select((name, i) => (first + (ulong)(i * 4), name))];
    }
}
