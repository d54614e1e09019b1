// Implements: pci.md §9 item 47 (§2.9 `info pci`) through the HMP monitor of a qtest-driven virt machine: the output
// for each recorded configuration (issue6-ref cmdline-*.txt; the mapped one after qtest-mapped.txt's BAR, bridge
// window and MSI programming) equals QEMU 7.2's recording, and the edu+testdev and mapped runs are also compared
// live with qemu-system-arm. QEMU 7.2 prints unmapped BARs as "at 0xffffffffffffffff [size - 2]." — the
// recordings, not §2.9's older format, are the reference.
using Nemu.Pci.Tests.Info;

namespace Nemu.Pci.Tests.Conformance;

/// <summary>HMP <c>info pci</c> against QEMU's output (pci.md §9 47).</summary>
public sealed class InfoPciConformanceTests
{
    private static readonly string[] Mapped = VirtPci.With(VirtPci.EduTestdev,
        "-device", "pci-bridge,id=br0,chassis_nr=1", "-device", "edu,bus=br0,addr=3,id=edu1");

    private static readonly string[] PciBridge = VirtPci.With(VirtPci.EduTestdev,
        "-device", "pci-bridge,id=br0,chassis_nr=1", "-device", "pci-testdev,bus=br0,addr=2,id=td1", "-device", "edu,bus=br0,addr=3,id=edu1");

    private static readonly string[] RootPort = VirtPci.With(VirtPci.EduTestdev,
        "-device", "pcie-root-port,id=rp0,chassis=1,slot=0", "-device", "edu,bus=rp0,id=edu1");

    [Fact]
    public void B47_InfoPciOfEduAndTestdevIsQemus()
    {
        var s = new QtestScript();
        var info = s.Hmp("info pci");

        var t = s.AssertSameAsQemu(VirtPci.EduTestdev);

        Assert.Equal(Recorded.EduTestdev, t.Reply(info));
    }

    [Fact]
    public void B47_InfoPciAfterProgrammingBarsWindowsAndMsiIsQemus()
    {
        // qtest-mapped.txt: edu BAR0 + line 42, testdev BAR0/BAR1, bridge buses/windows/BAR0, edu1 BAR0, edu MSI.
        var s = new QtestScript();
        foreach (var line in new[]
        {
            "writel 0x3f008010 0x10000000", "writel 0x3f00803c 0x2a", "writew 0x3f008004 0x0006",
            "writel 0x3f010010 0x10100000", "writel 0x3f010014 0x1000", "writew 0x3f010004 0x0003",
            "writel 0x3f018018 0x00010100", "writel 0x3f018020 0x10301020", "writel 0x3f01801c 0x2020",
            "writel 0x3f018010 0x10400000", "writew 0x3f018004 0x0007", "writel 0x3f118010 0x10200000",
            "writew 0x3f118004 0x0006", "writel 0x3f008044 0x08020040", "writew 0x3f00804c 0x50", "writew 0x3f008042 0x1",
        })
        {
            s.Send(line);
        }

        var info = s.Hmp("info pci");

        var t = s.AssertSameAsQemu(Mapped);

        Assert.Equal(Recorded.Mapped, t.Reply(info));
    }

    [Fact]
    public void B47_InfoPciOfAnUnprogrammedPciBridgeIsQemus()
    {
        using var qts = Testing.Qtest.QtestClient.StartInProcess(PciBridge);
        Assert.Equal(Recorded.PciBridge, qts.Hmp("info pci"));
    }

    [Fact]
    public void B47_InfoPciOfAnUnprogrammedRootPortIsQemus()
    {
        using var qts = Testing.Qtest.QtestClient.StartInProcess(RootPort);
        Assert.Equal(Recorded.RootPort, qts.Hmp("info pci"));
    }
}
