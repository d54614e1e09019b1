// Differential qtest scripts (issue 6 acceptance; pci.md §2-§4, §7; issue6-plan §0 findings 2-3, §4): the same
// protocol lines go to qemu-system-arm 7.2 and to nemu-system-arm (both as child processes, same -M virt,
// highmem=off -nodefaults arguments) and the answers are compared command by command:
// - every config dword 0x00-0xfc, 0x100 and 0xffc of gpex-root (00:00.0), edu (00:01.0), pci-testdev (00:02.0);
// - BAR sizing of all six BARs of each, then mapping them and enabling the functions as firmware does, and
//   edu / pci-testdev register reads;
// - edu INTx and MSI into the GICv2m doorbell 0x08020040 with data = INTID 80 + k after GICD_ICFGR makes the
//   SPI edge-triggered: the GICD_ISPENDR word, then (last: the intercept cannot be undone) the IRQ raise/lower
//   lines under irq_intercept_in on the GIC;
// - pcie-root-port's MSI-X table and PBA access rules (issue6-ref/qtest-msix-rootport.txt, replayed live).
// QEMU's edu has no MSI-X (finding 2): Nemu's edu,msix-vectors=1 MSI-X message is asserted to pend exactly what a
// direct doorbell write of the same data pends on QEMU. No clock commands (QEMU 7.2 here has no qtest accelerator).
using System.Globalization;
using Nemu.Testing.Qtest;

namespace Nemu.Cli.Tests.Pci;

/// <summary>Nemu against qemu-system-arm 7.2 on the same qtest scripts (virt, highmem=off, edu and pci-testdev).</summary>
public sealed class PciDifferentialTests
{
    public const ulong Ecam = 0x3f000000;
    public const ulong Gicd = 0x08000000;
    public const ulong Doorbell = 0x08020040;
    public const ulong EduBar0 = 0x10000000;
    public const string Gic = "/machine/unattached/device[1]";

    private static readonly string[] Board = ["-M", "virt,highmem=off", "-nodefaults"];
    private static readonly string[] EduAndTestdev = [.. Board, "-device", "edu", "-device", "pci-testdev"];

    /// <summary>INTIDs 80 + k used as MSI data (the first, second, a middle and the last of GICv2m's 64 SPIs).</summary>
    private static readonly int[] Intids = [80, 81, 111, 143];

    [Fact]
    public void ConfigSpaceBarSizingAndRegistersAgree()
    {
        var script = new List<string>();
        foreach (var devfn in new[] { 0x00, 0x08, 0x10 })
        {
            script.Add($"# config space of 00:{devfn >> 3:x2}.0");
            for (var offset = 0; offset < 0x100; offset += 4)
            {
                script.Add(Readl(Config(devfn, offset)));
            }

            script.Add(Readl(Config(devfn, 0x100)));
            script.Add(Readl(Config(devfn, 0xffc)));
            for (var bar = 0; bar < 6; bar++)
            {
                var register = Config(devfn, 0x10 + (4 * bar));
                script.AddRange([Readl(register), Writel(register, 0xffffffff), Readl(register), Writel(register, 0), Readl(register)]);
            }
        }

        script.AddRange(MapEduAndTestdev());
        script.AddRange(["readw 0x3f008004", "readw 0x3f010004", "readl 0x3f008010", "readl 0x3f010010", "readl 0x3f010014"]);
        foreach (var offset in new[] { 0x00, 0x04, 0x08, 0x20, 0x24, 0x80, 0x88, 0x90, 0x98, 0x100 })
        {
            script.Add(Readl(EduBar0 + (ulong)offset));
        }

        // The factorial is left out: QEMU computes it on a host thread (the read races), Nemu inside the write.
        script.AddRange([Writel(EduBar0 + 4, 0x12345678), Readl(EduBar0 + 4), "readq 0x10000000", "readb 0x10000000", "readl 0x10000002"]);
        for (var offset = 0; offset < 0x20; offset += 4)
        {
            script.Add(Readl(0x10100000 + (ulong)offset));
            script.Add(Readl(0x3eff1000 + (ulong)offset));
        }

        var (qemu, nemu) = RunBoth(EduAndTestdev, script);
        QtestTranscript.AssertSame(qemu, nemu, "config space, BARs and registers");

        // Pin the recorded facts too, so the test cannot pass with both emulators wrong (issue6-ref/qtest-main.txt).
        Assert.Equal("OK 0x0000000011e81234", nemu.AnswerTo(Readl(Config(0x08, 0))));
        Assert.Equal("OK 0x0000000000800005", nemu.AnswerTo(Readl(Config(0x08, 0x40))));
        Assert.Equal("OK 0x00000000fff00000", nemu.AnswerTo(Readl(Config(0x08, 0x10)), nemu.IndexOf(Writel(Config(0x08, 0x10), 0xffffffff))));
        Assert.Equal("OK 0x00000000ffffff01", nemu.AnswerTo(Readl(Config(0x10, 0x14)), nemu.IndexOf(Writel(Config(0x10, 0x14), 0xffffffff))));
        Assert.Equal("OK 0x00000000010000ed", nemu.AnswerTo(Readl(EduBar0)));
        Assert.Equal("OK 0x00000000edcba987", nemu.AnswerTo(Readl(EduBar0 + 4), nemu.IndexOf(Writel(EduBar0 + 4, 0x12345678))));
    }

    [Fact]
    public void EduMsiPendsTheSameSpiAndPulsesTheSameLine()
    {
        var script = new List<string>(MapEduAndTestdev())
        {
            "# INTx (slot 1 pin A = SPI 4 = INTID 36), level: pending while asserted",
            "readl 0x8000204", Writel(EduBar0 + 0x60, 1), "readl 0x8000204", "readl 0x8000304", Writel(EduBar0 + 0x64, 1), "readl 0x8000204",
            "# MSI capability at 0x40: 64-bit address, data, enable",
            Writel(Config(0x08, 0x44), (uint)Doorbell), Writel(Config(0x08, 0x48), 0), "readw 0x3f008042", "writew 0x3f008042 0x1", "readw 0x3f008042",
        };
        foreach (var intid in Intids)
        {
            script.AddRange(MsiToIntid(intid));
        }

        script.Add("# level-configured INTID 82: the pulse leaves nothing pending");
        script.AddRange([$"writew 0x3f00804c 0x{82:x}", Writel(EduBar0 + 0x60, 1), Readl(Ispendr(82)), Writel(EduBar0 + 0x64, 1)]);
        script.Add("# bus mastering off drops the message");
        script.AddRange(["writew 0x3f008004 0x2", Writel(EduBar0 + 0x60, 1), Readl(Ispendr(143)), Writel(EduBar0 + 0x64, 1), "writew 0x3f008004 0x6"]);
        script.Add("# the GIC's inputs intercepted: the pulse is seen as lines");
        script.Add("irq_intercept_in " + Gic);
        foreach (var intid in Intids)
        {
            script.AddRange([$"writew 0x3f00804c 0x{intid:x}", Writel(EduBar0 + 0x60, 1), Writel(EduBar0 + 0x64, 1)]);
        }

        var (qemu, nemu) = RunBoth(EduAndTestdev, script);
        QtestTranscript.AssertSame(qemu, nemu, "edu MSI into GICv2m");

        Assert.Equal("OK 0x0000000000000010", nemu.AnswerTo("readl 0x8000204", nemu.IndexOf(Writel(EduBar0 + 0x60, 1))));
        Assert.Equal("OK 0x0000000000010000", nemu.AnswerTo(Readl(Ispendr(80)), nemu.IndexOf("writew 0x3f00804c 0x50")));
        var intercepted = nemu.IndexOf("irq_intercept_in " + Gic);
        Assert.Equal("IRQ raise 48 | IRQ lower 48 | OK", nemu.AnswerTo(Writel(EduBar0 + 0x60, 1), intercepted));
    }

    [Fact]
    public void NemuEduMsixMessagePendsTheSpiQemuPendsForTheSameDoorbellWrite()
    {
        // QEMU: a direct write of the data to the doorbell (what the MSI-X message is on the bus).
        var qemuScript = new List<string>();
        foreach (var intid in Intids)
        {
            qemuScript.AddRange(EdgeConfig(intid));
            qemuScript.AddRange([Writel(Doorbell, (uint)intid), Readl(Ispendr(intid)), Writel(Icpendr(intid), Bit(intid)), Readl(Ispendr(intid))]);
        }

        qemuScript.Add("irq_intercept_in " + Gic);
        qemuScript.AddRange(Intids.Select(intid => Writel(Doorbell, (uint)intid)));
        QtestTranscript qemu;
        using (var qts = QtestClient.StartQemu(Board))
        {
            qemu = QtestTranscript.Run(qts, "qemu", qemuScript);
        }

        // Nemu: edu,msix-vectors=1, entry 0 = (doorbell, INTID), unmasked, MSI-X enabled, edu raise.
        using var nemuQts = QtestClient.StartNemu([.. Board, "-device", "edu,msix-vectors=1"]);
        var bus = QPciBus.Virt(nemuQts);
        var edu = QPciDevice.Find(bus, slot: 1, function: 0) ?? throw new InvalidOperationException("no edu at 00:01.0");
        var bar0 = edu.IoMap(0);
        edu.Enable();
        edu.MsixEnable();
        Assert.Equal(1, edu.MsixTableSize());
        var answers = new List<string>();
        var lines = new List<string>();
        foreach (var intid in Intids)
        {
            foreach (var line in EdgeConfig(intid))
            {
                nemuQts.Raw(line);
            }

            edu.MsixSetEntry(0, Doorbell, (uint)intid);
            edu.MsixSetMasked(0, false);
            edu.WriteL(bar0, 0x60, 1);
            answers.Add(nemuQts.Raw(Readl(Ispendr(intid))));
            nemuQts.WriteL(Icpendr(intid), Bit(intid));
            answers.Add(nemuQts.Raw(Readl(Ispendr(intid))));
            edu.WriteL(bar0, 0x64, 1);
        }

        nemuQts.IrqInterceptIn(Gic);
        foreach (var intid in Intids)
        {
            edu.MsixSetEntry(0, Doorbell, (uint)intid);
            nemuQts.ClearAsyncLines();
            edu.WriteL(bar0, 0x60, 1);
            lines.Add(string.Join(" | ", [.. nemuQts.AsyncLines, "OK"]));
            edu.WriteL(bar0, 0x64, 1);
        }

        var expectedPending = new List<string>();
        var expectedLines = new List<string>();
        foreach (var intid in Intids)
        {
            expectedPending.Add(qemu.AnswerTo(Readl(Ispendr(intid)), qemu.IndexOf(Writel(Doorbell, (uint)intid))));
            expectedPending.Add(qemu.AnswerTo(Readl(Ispendr(intid)), qemu.IndexOf(Writel(Icpendr(intid), Bit(intid)))));
            expectedLines.Add(qemu.AnswerTo(Writel(Doorbell, (uint)intid), qemu.IndexOf("irq_intercept_in " + Gic)));
        }

        Assert.Equal(expectedPending, answers);
        Assert.Equal(expectedLines, lines);
        Assert.Equal("OK 0x0000000000010000", answers[0]);
        Assert.Equal("IRQ raise 111 | IRQ lower 111 | OK", lines[^1]);
    }

    [Fact]
    public void RootPortMsixTableAndPbaAccessRulesAgree()
    {
        string[] args = [.. Board, "-device", "pcie-root-port,id=rp0,chassis=1,slot=0"];
        var (qemu, nemu) = RunBoth(args, RootPortMsixScript);
        QtestTranscript.AssertSame(qemu, nemu, "pcie-root-port MSI-X table and PBA");
        Assert.Equal("OK 0x0000000008020040", nemu.AnswerTo("readq 0x10000000"));
        Assert.Equal("OK 0x000000000000c000", nemu.AnswerTo("readw 0x3f00804a"));
    }

    /// <summary>The command lines of issue6-ref/qtest-msix-rootport.txt (QEMU's recording), without its QMP hot-plug.</summary>
    public static readonly string[] RootPortMsixScript =
    [
        "readl 0x3f008048", "readl 0x3f00804c", "readl 0x3f008050",
        "writel 0x3f008010 0xffffffff", "readl 0x3f008010", "writel 0x3f008010 0x10000000", "writel 0x3f008018 0x00010100",
        "writew 0x3f008004 0x0006",
        "readl 0x10000000", "readl 0x10000004", "readl 0x10000008", "readl 0x1000000c", "readl 0x10000800",
        "readb 0x10000000", "readw 0x10000000", "writeb 0x10000000 0x11", "writew 0x10000000 0x2222", "readl 0x10000000",
        "writeq 0x10000000 0x0000000008020040", "readq 0x10000000", "readl 0x10000004",
        "writeq 0x10000008 0x0000000100000050", "readl 0x10000008", "readl 0x1000000c",
        "readl 0x10000002", "writel 0x10000002 0xffffffff", "readl 0x10000000",
        "readl 0x10000010", "writel 0x10000010 0x1234", "readl 0x10000010", "readl 0x100007fc",
        "writel 0x10000800 0xffffffff", "readl 0x10000800", "readb 0x10000800", "readl 0x10000808",
        "writew 0x3f00804a 0xffff", "readw 0x3f00804a", "writew 0x3f00804a 0x0000",
        "writel 0x1000000c 0x0", "writew 0x3f00804a 0x8000", "readw 0x3f00804a",
        "irq_intercept_in /machine/unattached/device[1]",
        "readl 0x3f008054", "readl 0x3f00806c", "readl 0x3f008070", "writew 0x3f008070 0x0029", "readl 0x3f008070",
        "readl 0x10000800", "writel 0x1000000c 0x1", "writew 0x3f008072 0x0008", "readl 0x3f008070",
        "readl 0x10000800", "writel 0x1000000c 0x0", "readl 0x10000800",
    ];

    /// <summary>Starts QEMU then Nemu (one at a time) with <paramref name="args"/> and runs <paramref name="script"/> on each.</summary>
    public static (QtestTranscript Qemu, QtestTranscript Nemu) RunBoth(string[] args, IEnumerable<string> script)
    {
        var lines = script.ToList();
        QtestTranscript qemu;
        using (var qts = QtestClient.StartQemu(args))
        {
            qemu = QtestTranscript.Run(qts, "qemu", lines);
        }

        using var nemuQts = QtestClient.StartNemu(args);
        return (qemu, QtestTranscript.Run(nemuQts, "nemu", lines));
    }

    /// <summary>Firmware-style set-up: edu BAR0 at 0x10000000 (MEM|MASTER), pci-testdev BAR0 at 0x10100000 and BAR1 at port 0x1000 (IO|MEM).</summary>
    public static IEnumerable<string> MapEduAndTestdev() =>
    [
        "# map BARs and enable the functions",
        Writel(Config(0x08, 0x10), (uint)EduBar0), "writew 0x3f008004 0x6",
        Writel(Config(0x10, 0x10), 0x10100000), Writel(Config(0x10, 0x14), 0x1000), "writew 0x3f010004 0x3",
    ];

    public static ulong Config(int devfn, int offset) => Ecam + ((ulong)devfn << 12) + (ulong)offset;

    public static string Readl(ulong address) => $"readl 0x{address:x}";

    public static string Writel(ulong address, uint value) => $"writel 0x{address:x} 0x{value:x}";

    public static ulong Ispendr(int intid) => Gicd + 0x200 + (ulong)(4 * (intid / 32));

    public static ulong Icpendr(int intid) => Gicd + 0x280 + (ulong)(4 * (intid / 32));

    public static uint Bit(int intid) => 1u << (intid % 32);

    /// <summary>GICD_ICFGR: read the word, then set the edge bit of <paramref name="intid"/> (bit 2*(n%16)+1) over it.</summary>
    public static IEnumerable<string> EdgeConfig(int intid)
    {
        var register = Gicd + 0xc00 + (ulong)(4 * (intid / 16));
        var edge = 2u << (2 * (intid % 16));

        // The other SPIs of these words stay level; earlier INTIDs in the same word were set edge by this script.
        var earlier = Intids.Where(i => i < intid && i / 16 == intid / 16).Aggregate(0u, (v, i) => v | (2u << (2 * (i % 16))));
        return [Readl(register), Writel(register, earlier | edge), Readl(register)];
    }

    private static IEnumerable<string> MsiToIntid(int intid) =>
    [
        string.Create(CultureInfo.InvariantCulture, $"# MSI with data = INTID {intid}"),
        .. EdgeConfig(intid),
        $"writew 0x3f00804c 0x{intid:x}", "readl 0x3f00804c",
        Writel(EduBar0 + 0x60, 1), Readl(Ispendr(intid)), Readl(Gicd + 0x300 + (ulong)(4 * (intid / 32))), Readl(EduBar0 + 0x24),
        Writel(Icpendr(intid), Bit(intid)), Readl(Ispendr(intid)), Writel(EduBar0 + 0x64, 1),
    ];
}
