// Implements: pci.md §9 items 38-40 (§2.5 config access paths) on virt, whose only config mechanism is ECAM at
// 0x3f000000: the legacy CF8/CFC ports are unclaimed there (qtest I/O space and the PIO window at 0x3eff0000 +
// port), missing functions and buses read all-ones, and a conventional function's registers past 0xff read
// all-ones and ignore writes. Nemu has no CF8/CFC host on virt (neither has QEMU), so item 38 is what a guest sees
// at those ports; the CF8 latch rules themselves belong to a PC host. Scripts also run on qemu-system-arm 7.2.
namespace Nemu.Pci.Tests.Conformance;

/// <summary>Config access paths (pci.md §9 38-40).</summary>
public sealed class ConfigAccessConformanceTests
{
    private static readonly ulong Edu = VirtPci.Ecam(0, 1, 0, 0);

    [Fact]
    public void B38_VirtHasNoCf8CfcMechanismAndItsPortsReadAllOnes()
    {
        var s = new QtestScript();
        s.Send("outl 0xcf8 0x80000804");
        var latch = s.Send("inl 0xcf8");
        s.Send("outw 0xcfc 0x6");
        var data = s.Send("inl 0xcfc");
        s.WriteL(VirtPci.PioWindow + 0xcf8, 0x80000804);
        var windowLatch = s.ReadL(VirtPci.PioWindow + 0xcf8);
        s.WriteW(VirtPci.PioWindow + 0xcfc, 0x6);
        var windowData = s.ReadL(VirtPci.PioWindow + 0xcfc);
        var windowByte = s.ReadB(VirtPci.PioWindow + 0xcfe);
        // Neither write reached edu's Command register.
        var command = s.ReadL(Edu + 0x04);

        var t = s.AssertSameAsQemu(VirtPci.EduTestdev);

        Assert.Equal("OK 0xffffffff", t.Reply(latch));
        Assert.Equal("OK 0xffffffff", t.Reply(data));
        Assert.Equal(0xffffffffu, t.Value(windowLatch));
        Assert.Equal(0xffffffffu, t.Value(windowData));
        Assert.Equal(0xffu, t.Value(windowByte));
        Assert.Equal(0x00100000u, t.Value(command));
    }

    [Fact]
    public void B39_MissingFunctionsAndBusesReadAllOnesAtEveryWidth()
    {
        var s = new QtestScript();
        var emptySlot = s.ReadL(VirtPci.Ecam(0, 5, 0, 0));
        var emptyFunction = s.ReadL(VirtPci.Ecam(0, 1, 1, 0));
        var noBus = s.ReadL(VirtPci.Ecam(1, 0, 0, 0));
        var lastBus = s.ReadL(VirtPci.Ecam(0xf, 0x1f, 7, 0xffc)); // the 16 MiB window holds buses 0-15
        var word = s.ReadW(VirtPci.Ecam(0, 5, 0, 2));
        var single = s.ReadB(VirtPci.Ecam(0, 5, 0, 0x3d));
        var quad = s.Send($"readq 0x{VirtPci.Ecam(0, 5, 0, 0):x}");
        s.WriteL(VirtPci.Ecam(0, 5, 0, 0x40), 0);
        var afterWrite = s.ReadL(VirtPci.Ecam(0, 5, 0, 0x40));
        var present = s.ReadL(Edu);

        var t = s.AssertSameAsQemu(VirtPci.EduTestdev);

        Assert.Equal(0xffffffffu, t.Value(emptySlot));
        Assert.Equal(0xffffffffu, t.Value(emptyFunction));
        Assert.Equal(0xffffffffu, t.Value(noBus));
        Assert.Equal(0xffffffffu, t.Value(lastBus));
        Assert.Equal(0xffffu, t.Value(word));
        Assert.Equal(0xffu, t.Value(single));
        Assert.Equal(ulong.MaxValue, t.Value(quad));
        Assert.Equal(0xffffffffu, t.Value(afterWrite));
        Assert.Equal(VirtPci.EduIds, t.Value(present));
    }

    [Fact]
    public void B40_ExtendedConfigOfAConventionalFunctionReadsAllOnesAndIgnoresWrites()
    {
        var port = VirtPci.Ecam(0, 3, 0, 0);
        var eduBehindPort = VirtPci.Ecam(2, 0, 0, 0);
        var s = new QtestScript();
        var first = s.ReadL(Edu + 0x100);
        s.WriteL(Edu + 0x100, 0xa5a5a5a5);
        var afterWrite = s.ReadL(Edu + 0x100);
        var last = s.ReadL(Edu + 0xffc);
        var lastByte = s.ReadB(Edu + 0xfff);
        // A PCIe function has the 4 KiB space: the root port's extended capabilities start at 0x100.
        var express = s.ReadL(port + 0x100);
        var expressLast = s.ReadL(port + 0xffc);
        // edu is a conventional PCI device even behind a PCIe root port.
        s.WriteL(port + 0x18, 0x00020200);
        var behind = s.ReadL(eduBehindPort);
        var behindExtended = s.ReadL(eduBehindPort + 0x100);

        var t = s.AssertSameAsQemu(VirtPci.With(VirtPci.EduTestdev, "-device", "pcie-root-port,id=rp0,chassis=1,slot=0,addr=3", "-device", "edu,bus=rp0"));

        Assert.Equal(0xffffffffu, t.Value(first));
        Assert.Equal(0xffffffffu, t.Value(afterWrite));
        Assert.Equal(0xffffffffu, t.Value(last));
        Assert.Equal(0xffu, t.Value(lastByte));
        Assert.Equal(0x14820001u, t.Value(express));
        Assert.Equal(0u, t.Value(expressLast));
        Assert.Equal(VirtPci.EduIds, t.Value(behind));
        Assert.Equal(0xffffffffu, t.Value(behindExtended));
    }
}
