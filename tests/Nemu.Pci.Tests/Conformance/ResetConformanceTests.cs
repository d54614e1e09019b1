// Implements: pci.md §9 item 46 (§2.8 device reset) on virt: HMP system_reset and a pci-bridge Secondary Bus Reset
// pulse (Bridge Control bit 6) each bring functions back to their reset state: Command, BARs and Interrupt Line
// cleared, BARs unmapped, INTx deasserted, MSI Enable and MSI-X Enable/Function Mask cleared. Values are QEMU
// 7.2's (qtest-bridges.txt); both scripts also run on qemu-system-arm. Asynchronous IRQ lines caused by an HMP
// command arrive with the next qtest reply on both emulators.
namespace Nemu.Pci.Tests.Conformance;

/// <summary>Device reset through the machine and through a bridge (pci.md §9 46).</summary>
public sealed class ResetConformanceTests
{
    private static readonly ulong Edu = VirtPci.Ecam(0, 1, 0, 0);
    private static readonly ulong Port = VirtPci.Ecam(0, 3, 0, 0);

    [Fact]
    public void B46_SystemResetUnmapsBarsClearsCommandAndDeassertsIntx()
    {
        var s = new QtestScript();
        s.WriteL(Edu + 0x10, 0x10000000);
        s.WriteL(Edu + 0x3c, 0x2a);
        s.WriteW(Edu + 0x04, 0x0006);
        s.Send("irq_intercept_in " + VirtPci.Gic);
        var raise = s.WriteL(0x10000060, 1);
        s.Hmp("system_reset");
        var command = s.ReadL(Edu + 0x04);
        var bar = s.ReadL(Edu + 0x10);
        var line = s.ReadL(Edu + 0x3c);
        var unmapped = s.ReadL(0x10000000);

        var t = s.AssertSameAsQemu(VirtPci.EduTestdev);

        Assert.Equal(["IRQ raise 4"], t.Irqs(raise));
        Assert.Equal(["IRQ lower 4"], t.Irqs(command));
        Assert.Equal(0x00100000u, t.Value(command));
        Assert.Equal(0u, t.Value(bar));
        Assert.Equal(0x100u, t.Value(line));
        Assert.Equal(0xffffffffu, t.Value(unmapped));
    }

    [Fact]
    public void B46_SystemResetDisablesMsiAndMsix()
    {
        var s = new QtestScript();
        s.WriteL(Edu + 0x44, 0x08020040);
        s.WriteW(Edu + 0x4c, 0x50);
        s.WriteW(Edu + 0x42, 0x0001);
        var msiOn = s.ReadW(Edu + 0x42);
        s.WriteW(Port + 0x4a, 0xc000);
        var msixOn = s.ReadW(Port + 0x4a);
        s.Hmp("system_reset");
        var msi = s.ReadL(Edu + 0x40);
        var msiAddress = s.ReadL(Edu + 0x44);
        var msix = s.ReadL(Port + 0x48);

        var t = s.AssertSameAsQemu(VirtPci.With(VirtPci.EduTestdev, "-device", "pcie-root-port,id=rp0,chassis=1,slot=0,addr=3"));

        Assert.Equal(0x0081u, t.Value(msiOn));
        Assert.Equal(0xc000u, t.Value(msixOn));
        Assert.Equal(0x00800005u, t.Value(msi));
        Assert.Equal(0u, t.Value(msiAddress));
        Assert.Equal(0x00004011u, t.Value(msix));
    }

    [Fact]
    public void B46_SecondaryBusResetResetsTheFunctionsBehindTheBridge()
    {
        var bridge = VirtPci.Ecam(0, 1, 0, 0);
        var edu1 = VirtPci.Ecam(1, 3, 0, 0);
        var s = new QtestScript();
        s.WriteL(bridge + 0x18, 0x00010100);
        s.WriteL(bridge + 0x20, 0x10001000);
        s.WriteW(bridge + 0x04, 0x0006);
        s.WriteL(edu1 + 0x10, 0x10000000);
        s.WriteW(edu1 + 0x04, 0x0006);
        var before = s.ReadL(edu1 + 0x04);
        var mapped = s.ReadL(0x10000000);
        s.WriteW(bridge + 0x3e, 0x0040);
        s.WriteW(bridge + 0x3e, 0x0000);
        var command = s.ReadL(edu1 + 0x04);
        var bar = s.ReadL(edu1 + 0x10);
        var unmapped = s.ReadL(0x10000000);
        // The bridge itself keeps its configuration.
        var bridgeCommand = s.ReadW(bridge + 0x04);
        var busNumbers = s.ReadL(bridge + 0x18);

        var t = s.AssertSameAsQemu(VirtPci.Bridges);

        Assert.Equal(0x00100006u, t.Value(before));
        Assert.Equal(VirtPci.EduIdRegister, t.Value(mapped));
        Assert.Equal(0x00100000u, t.Value(command));
        Assert.Equal(0u, t.Value(bar));
        Assert.Equal(0xffffffffu, t.Value(unmapped));
        Assert.Equal(0x0006u, t.Value(bridgeCommand));
        Assert.Equal(0x00010100u, t.Value(busNumbers));
    }
}
