// Implements: pci.md §9 items 41-43 (§2.6 INTx) on virt: edu raises INTx through its BAR0 register 0x60 and
// acknowledges through 0x64; gpex-pcihost drives SPIs 3-6 (INTA-INTD after the root swizzle (slot + pin) % 4) into
// the GIC, whose inputs are intercepted (irq_intercept_in /machine/unattached/device[1]) so each level change
// arrives as "IRQ raise N" / "IRQ lower N". Values are QEMU 7.2's (qtest-main.txt, qtest-bridges.txt); every
// script also runs on qemu-system-arm.
namespace Nemu.Pci.Tests.Conformance;

/// <summary>INTx assertion, disable, sharing and bridge swizzling (pci.md §9 41-43).</summary>
public sealed class IntxConformanceTests
{
    private static readonly ulong Edu = VirtPci.Ecam(0, 1, 0, 0);

    [Fact]
    public void B41_AssertSetsStatusBit3AndIntxDisableHoldsTheLineLow()
    {
        var s = new QtestScript();
        s.WriteL(Edu + 0x10, 0x10000000);
        s.WriteW(Edu + 0x04, 0x0006);
        s.Send("irq_intercept_in " + VirtPci.Gic);
        var raise = s.WriteL(0x10000060, 1);
        var status = s.ReadW(Edu + 0x06);
        var disable = s.WriteW(Edu + 0x04, 0x0406);
        var statusDisabled = s.ReadW(Edu + 0x06);
        var enable = s.WriteW(Edu + 0x04, 0x0006);
        var ack = s.WriteL(0x10000064, 1);
        var statusClear = s.ReadW(Edu + 0x06);
        // Asserting while disabled: status follows the device, the line stays low until the enable.
        s.WriteW(Edu + 0x04, 0x0406);
        var raiseDisabled = s.WriteL(0x10000060, 1);
        var statusWhileDisabled = s.ReadW(Edu + 0x06);
        var enableAsserted = s.WriteW(Edu + 0x04, 0x0006);
        var ackAgain = s.WriteL(0x10000064, 1);

        var t = s.AssertSameAsQemu(VirtPci.EduTestdev);

        Assert.Equal(["IRQ raise 4"], t.Irqs(raise));
        Assert.Equal(0x18u, t.Value(status));
        Assert.Equal(["IRQ lower 4"], t.Irqs(disable));
        Assert.Equal(0x18u, t.Value(statusDisabled));
        Assert.Equal(["IRQ raise 4"], t.Irqs(enable));
        Assert.Equal(["IRQ lower 4"], t.Irqs(ack));
        Assert.Equal(0x10u, t.Value(statusClear));
        Assert.Empty(t.Irqs(raiseDisabled));
        Assert.Equal(0x18u, t.Value(statusWhileDisabled));
        Assert.Equal(["IRQ raise 4"], t.Irqs(enableAsserted));
        Assert.Equal(["IRQ lower 4"], t.Irqs(ackAgain));
    }

    [Fact]
    public void B41_OneByteWriteOfTheCommandHighByteDoesNotReevaluateIntx()
    {
        var s = new QtestScript();
        s.WriteL(Edu + 0x10, 0x10000000);
        s.WriteW(Edu + 0x04, 0x0006);
        s.Send("irq_intercept_in " + VirtPci.Gic);
        var raise = s.WriteL(0x10000060, 1);
        // Only writes covering byte 0x04 run the INTx-disable update (pci_default_write_config).
        var highByte = s.WriteB(Edu + 0x05, 0x04);
        var command = s.ReadW(Edu + 0x04);
        // The next byte-0x04 write sees the bit already set (disabled before and after), so nothing changes either,
        // and the deassert while "disabled" is not propagated: the root line stays high (QEMU 7.2's behaviour).
        var lowByte = s.WriteB(Edu + 0x04, 0x06);
        var ack = s.WriteL(0x10000064, 1);
        var enable = s.WriteW(Edu + 0x04, 0x0006);
        var raiseAgain = s.WriteL(0x10000060, 1);

        var t = s.AssertSameAsQemu(VirtPci.EduTestdev);

        Assert.Equal(["IRQ raise 4"], t.Irqs(raise));
        Assert.Empty(t.Irqs(highByte));
        Assert.Equal(0x0406u, t.Value(command));
        Assert.Empty(t.Irqs(lowByte));
        Assert.Empty(t.Irqs(ack));
        Assert.Empty(t.Irqs(enable));
        Assert.Empty(t.Irqs(raiseAgain));
    }

    [Fact]
    public void B42_ASharedRootLineStaysHighUntilBothDevicesDeassert()
    {
        // edu at slot 1 and slot 5, pin A: (1 + 0) % 4 == (5 + 0) % 4 == 1 -> INTB -> SPI 4.
        var second = VirtPci.Ecam(0, 5, 0, 0);
        var s = new QtestScript();
        s.WriteL(Edu + 0x10, 0x10000000);
        s.WriteW(Edu + 0x04, 0x0006);
        s.WriteL(second + 0x10, 0x10100000);
        s.WriteW(second + 0x04, 0x0006);
        s.Send("irq_intercept_in " + VirtPci.Gic);
        var first = s.WriteL(0x10000060, 1);
        var both = s.WriteL(0x10100060, 1);
        var oneLeft = s.WriteL(0x10000064, 1);
        var none = s.WriteL(0x10100064, 1);

        var t = s.AssertSameAsQemu(VirtPci.With(VirtPci.EduTestdev, "-device", "edu,addr=5"));

        Assert.Equal(["IRQ raise 4"], t.Irqs(first));
        Assert.Empty(t.Irqs(both));
        Assert.Empty(t.Irqs(oneLeft));
        Assert.Equal(["IRQ lower 4"], t.Irqs(none));
    }

    [Fact]
    public void B43_BridgeSwizzlesTheSlotAndPinOntoItsOwnSlotsLine()
    {
        var bridge = VirtPci.Ecam(0, 1, 0, 0);
        var port = VirtPci.Ecam(0, 2, 0, 0);
        var behindSlot3 = VirtPci.Ecam(1, 3, 0, 0);
        var behindSlot4 = VirtPci.Ecam(1, 4, 0, 0);
        var behindPort = VirtPci.Ecam(2, 0, 0, 0);
        var s = new QtestScript();
        s.WriteL(bridge + 0x18, 0x00010100);
        s.WriteL(bridge + 0x20, 0x10101000);
        s.WriteW(bridge + 0x04, 0x0006);
        s.WriteL(behindSlot3 + 0x10, 0x10000000);
        s.WriteW(behindSlot3 + 0x04, 0x0006);
        s.WriteL(behindSlot4 + 0x10, 0x10100000);
        s.WriteW(behindSlot4 + 0x04, 0x0006);
        s.WriteL(port + 0x18, 0x00020200);
        s.WriteL(port + 0x20, 0x10201020);
        s.WriteW(port + 0x04, 0x0006);
        s.WriteL(behindPort + 0x10, 0x10200000);
        s.WriteW(behindPort + 0x04, 0x0006);
        s.Send("irq_intercept_in " + VirtPci.Gic);
        var slot3 = s.WriteL(0x10000060, 1);
        var slot3Ack = s.WriteL(0x10000064, 1);
        var slot4 = s.WriteL(0x10100060, 1);
        var slot4Ack = s.WriteL(0x10100064, 1);
        var rootPort = s.WriteL(0x10200060, 1);
        var rootPortAck = s.WriteL(0x10200064, 1);

        var t = s.AssertSameAsQemu(VirtPci.With(VirtPci.Bridges, "-device", "edu,bus=br0,addr=4,id=edu3"));

        // Slot 3 pin A -> bridge pin (3 + 0) % 4 = D -> root (1 + 3) % 4 = INTA -> SPI 3.
        Assert.Equal(["IRQ raise 3"], t.Irqs(slot3));
        Assert.Equal(["IRQ lower 3"], t.Irqs(slot3Ack));
        // Slot 4 pin A -> bridge pin A -> root (1 + 0) % 4 = INTB -> SPI 4.
        Assert.Equal(["IRQ raise 4"], t.Irqs(slot4));
        Assert.Equal(["IRQ lower 4"], t.Irqs(slot4Ack));
        // Behind the root port at slot 2: pin A -> root (2 + 0) % 4 = INTC -> SPI 5.
        Assert.Equal(["IRQ raise 5"], t.Irqs(rootPort));
        Assert.Equal(["IRQ lower 5"], t.Irqs(rootPortAck));
    }
}
