using Nemu.Pci.Info;
using Nemu.Qdev;

namespace Nemu.Pci.Tests.Info;

/// <summary>
/// <c>info pci</c> text against QEMU 7.2's recordings (issue6-ref/pci-*.txt, HMP CRLF turned into LF): decimal
/// "Class %04d" fallback, class names, BAR lines ending in '.', unmapped BARs at 0xffffffffffffffff with a wrapped
/// limit, bridge windows and bus numbers, functions behind a bridge only once it has a secondary bus number.
/// </summary>
public sealed class PciInfoPrinterTests
{
    private readonly QdevTree _tree = TestPciFunction.NewTree();
    private readonly PciBus _root = TestPciFunction.NewBus("pcie.0", null);

    [Fact]
    public void MappedConfigurationMatchesQemu()
    {
        AddHostBridge();
        var edu = AddEdu(0x08, null, _root);
        edu.Interrupt(1, 42);
        edu.Bars[0]!.Address = 0x10000000;
        var testdev = AddTestdev(0x10);
        testdev.Bars[0]!.Address = 0x10100000;
        testdev.Bars[1]!.Address = 0x1000;

        var bridge = TestPciFunction.Create(_tree, _root, 0x18, "br0", 0x1b36, 0x0001, 0x0604, headerType: 1);
        bridge.Interrupt(1, 0);
        bridge.Config[PciConfig.SecondaryBus] = 1;
        bridge.Config[PciConfig.SubordinateBus] = 1;
        bridge.Config[PciConfig.IoBase] = 0x21;
        bridge.Config[PciConfig.IoLimit] = 0x21;
        bridge.SetWord(PciConfig.MemoryBase, 0x1020);
        bridge.SetWord(PciConfig.MemoryLimit, 0x1030);
        bridge.SetWord(PciConfig.PrefMemoryBase, 0x0001);
        bridge.SetWord(PciConfig.PrefMemoryLimit, 0x0001);
        bridge.Bar(0, PciBarType.Memory64, 0x100, 0x10400000);
        var secondary = TestPciFunction.NewBus("br0", bridge);
        var behind = AddEdu(0x18, "edu1", secondary);
        behind.Interrupt(1, 0);
        behind.Bars[0]!.Address = 0x10200000;

        Assert.Equal(Recorded.Mapped, PciInfoPrinter.Print([_root, secondary]));
    }

    [Fact]
    public void RootPortWithResetWindowsAndNoSecondaryBusHidesWhatIsBehindIt()
    {
        AddHostBridge();
        AddEdu(0x08, null, _root).Interrupt(1, 0);
        AddTestdev(0x10);
        var port = TestPciFunction.Create(_tree, _root, 0x18, "rp0", 0x1b36, 0x000c, 0x0604, headerType: 1);
        port.Interrupt(1, 0);
        port.Config[PciConfig.IoBase] = 0xf0;
        port.SetWord(PciConfig.MemoryBase, 0xfff0);
        port.SetWord(PciConfig.PrefMemoryBase, 0xfff1);
        port.SetWord(PciConfig.PrefMemoryLimit, 0x0001);
        port.Bar(0, PciBarType.Memory32, 0x1000);
        var secondary = TestPciFunction.NewBus("rp0", port);
        AddEdu(0x00, null, secondary);

        Assert.Equal(Recorded.RootPort, PciInfoPrinter.Print([_root, secondary]));
    }

    [Fact]
    public void DefaultNicUsesTheClassNameTableAndPrintsIoPrefetchAndRomBars()
    {
        AddHostBridge();
        var nic = TestPciFunction.Create(_tree, _root, 0x08, null, 0x1af4, 0x1000, 0x0200);
        nic.Subsystem(0x1af4, 0x0001);
        nic.Interrupt(1, 0);
        nic.Bar(0, PciBarType.Io, 0x20);
        nic.Bar(1, PciBarType.Memory32, 0x1000);
        nic.Bar(4, PciBarType.Memory64 | PciBarType.Prefetch, 0x4000);
        nic.Bar(6, PciBarType.Memory32, 0x40000);
        AddEdu(0x10, null, _root).Interrupt(1, 0);
        AddTestdev(0x18);

        Assert.Equal(Recorded.EduTestdevDefaults, PciInfoPrinter.Print([_root]));
    }

    [Fact]
    public void MachineWithoutPciPrintsNothing() => Assert.Equal(string.Empty, PciInfoPrinter.Print(_tree));

    [Theory]
    [InlineData(0x0600, "Host bridge")]
    [InlineData(0x0604, "PCI bridge")]
    [InlineData(0x0c03, "USB controller")]
    [InlineData(0x0c05, "SMBus")]
    [InlineData(0x00ff, null)]
    [InlineData(0x0000, null)]
    public void ClassNamesFollowQemusTable(ushort classCode, string? name) => Assert.Equal(name, PciClassNames.Find(classCode));

    private void AddHostBridge() =>
        TestPciFunction.Create(_tree, _root, 0x00, null, 0x1b36, 0x0008, 0x0600).Subsystem(0x1af4, 0x1100);

    private TestPciFunction AddEdu(int devfn, string? id, PciBus bus)
    {
        var edu = TestPciFunction.Create(_tree, bus, devfn, id, 0x1234, 0x11e8, 0x00ff);
        edu.Subsystem(0x1af4, 0x1100);
        edu.Bar(0, PciBarType.Memory32, 0x100000);
        return edu;
    }

    private TestPciFunction AddTestdev(int devfn)
    {
        var testdev = TestPciFunction.Create(_tree, _root, devfn, null, 0x1b36, 0x0005, 0x00ff);
        testdev.Subsystem(0x1af4, 0x1100);
        testdev.Bar(0, PciBarType.Memory32, 0x1000);
        testdev.Bar(1, PciBarType.Io, 0x100);
        return testdev;
    }
}
