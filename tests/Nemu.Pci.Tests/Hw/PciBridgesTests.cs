using Nemu.Hw.Pci;

namespace Nemu.Pci.Tests.Hw;

/// <summary>
/// gpex-root, pci-bridge and pcie-root-port against qtest-main.txt / qtest-bridges.txt (QEMU 7.2): header dwords,
/// capabilities, masks, bus numbering, windows, swizzle and secondary bus reset (pci.md §9 43-45).
/// </summary>
public sealed class PciBridgesTests
{
    private static readonly ulong Bridge = PciTestMachine.Ecam(0, 1, 0, 0);
    private static readonly ulong Port = PciTestMachine.Ecam(0, 2, 0, 0);

    // The qtest-bridges.txt configuration: pci-bridge 00:01.0 (br0) with endpoints at 01:02.0 and 01:03.0,
    // pcie-root-port 00:02.0 (rp0) with an endpoint at 02:00.0.
    private static PciTestMachine BridgesMachine()
    {
        var m = new PciTestMachine();
        m.Add<PciBridgeDevice>(PciBridgeDevice.TypeName, ("id", "br0"), ("chassis_nr", "1"));
        m.Add<TestEndpoint>(TestEndpoint.TypeName, ("bus", "br0"), ("addr", "2"), ("id", "td1"));
        m.Add<TestEndpoint>(TestEndpoint.TypeName, ("bus", "br0"), ("addr", "3"), ("id", "edu1"));
        m.Add<PcieRootPort>(PcieRootPort.TypeName, ("id", "rp0"), ("chassis", "2"), ("slot", "0"));
        m.Add<TestEndpoint>(TestEndpoint.TypeName, ("bus", "rp0"), ("id", "edu2"));
        return m;
    }

    private static void AssertDwords(PciTestMachine m, ulong function, params (int Offset, uint Value)[] expected)
    {
        foreach (var (offset, value) in expected)
        {
            Assert.True(value == m.ReadL(function + (ulong)offset), $"0x{offset:x2}: expected 0x{value:x8}, read 0x{m.ReadL(function + (ulong)offset):x8}");
        }
    }

    [Fact]
    public void GpexRootHeaderIsQemus()
    {
        var m = new PciTestMachine();
        AssertDwords(m, PciTestMachine.Ecam(0, 0, 0, 0),
            (0x00, 0x00081b36), (0x04, 0), (0x08, 0x06000000), (0x0c, 0), (0x10, 0), (0x2c, 0x11001af4), (0x34, 0), (0x3c, 0),
            (0x100, 0xffffffff), (0xffc, 0xffffffff));
    }

    [Fact]
    public void PciBridgeHeaderAndSlotIdAndShpcCapabilitiesAreQemus()
    {
        var m = BridgesMachine();
        AssertDwords(m, Bridge,
            (0x00, 0x00011b36), (0x08, 0x06040000), (0x0c, 0x00010000), (0x10, 0x00000004), (0x14, 0), (0x18, 0),
            (0x1c, 0x00a00000), (0x20, 0), (0x24, 0x00010001), (0x28, 0), (0x2c, 0), (0x30, 0), (0x38, 0),
            (0x3c, 0x00000100), (0x40, 0x0000000c), (0x44, 0), (0x48, 0x01204004), (0x100, 0xffffffff), (0xffc, 0xffffffff));
        Assert.Equal(0xb0u, m.ReadL(Bridge + 4) >> 16);
    }

    [Fact]
    public void PciBridgeMsiCapabilityHeadsTheListAsQemu()
    {
        var m = BridgesMachine();
        AssertDwords(m, Bridge, (0x34, 0x4c), (0x4c, 0x01804805));
    }

    [Fact]
    public void PcieRootPortHeaderExpressCapabilityAndExtendedCapabilitiesAreQemus()
    {
        var m = BridgesMachine();
        AssertDwords(m, Port,
            (0x00, 0x000c1b36), (0x04, 0x00100000), (0x08, 0x06040000), (0x0c, 0x00010000), (0x18, 0), (0x1c, 0x000000f0),
            (0x20, 0x0000fff0), (0x24, 0x0001fff1), (0x28, 0), (0x2c, 0), (0x30, 0), (0x3c, 0x00000100),
            (0x40, 0x0000000d), (0x44, 0x00001b36), (0x58, 0x00008000), (0x5c, 0), (0x60, 0x00300604), (0x64, 0x22040000),
            (0x68, 0x0002007b), (0x6c, 0x004001c0), (0x78, 0x00300020), (0x80, 0x0000001e), (0x84, 0x00000004),
            (0x100, 0x14820001), (0x104, 0), (0x108, 0), (0x10c, 0x00462030), (0x114, 0x0000e000), (0x118, 0x000002a0),
            (0x148, 0x0001000d), (0x14c, 0x0000005f), (0x150, 0), (0xffc, 0));
        Assert.Equal(0x01424810u & 0xffff00ff, m.ReadL(Port + 0x54) & 0xffff00ff);
    }

    [Fact]
    public void PcieRootPortMsixCapabilityIsLinkedAsQemu()
    {
        var m = BridgesMachine();
        AssertDwords(m, Port, (0x34, 0x54), (0x54, 0x01424810), (0x48, 0x00004011), (0x4c, 0), (0x50, 0x00000800));
    }

    [Fact]
    public void PcieRootPortWriteMasksAreQemus()
    {
        var m = new PciTestMachine();
        m.Add<PcieRootPort>(PcieRootPort.TypeName, ("chassis", "2"), ("slot", "0"), ("addr", "1"));
        var port = PciTestMachine.Ecam(0, 1, 0, 0);
        (int Offset, uint Value)[] expected =
        [
            (0x1c, 0x0000f0f0), (0x20, 0xfff0fff0), (0x24, 0xfff1fff1), (0x28, 0xffffffff), (0x3c, 0x005f01ff),
            (0x5c, 0x0000000f), (0x64, 0x02040000), (0x6c, 0x009007f9), (0x70, 0x00000007), (0x7c, 0x00008020),
            (0x84, 0x00000004), (0x90, 0xffffffff), (0x10c, 0x03fff030), (0x114, 0x0000f1c1), (0x118, 0x000007e0),
            (0x12c, 0x00000007), (0x14c, 0x005f005f), (0x150, 0xffffffff),
        ];
        foreach (var (offset, value) in expected)
        {
            m.WriteL(port + (ulong)offset, 0xffffffff);
            Assert.True(value == m.ReadL(port + (ulong)offset), $"0x{offset:x}: expected 0x{value:x8}, read 0x{m.ReadL(port + (ulong)offset):x8}");
        }
    }

    [Fact]
    public void PciBridgeRegisterMasksAndBarSizingAreQemus()
    {
        var m = BridgesMachine();
        (int Offset, uint Value)[] expected =
        [
            (0x10, 0xffffff04), (0x14, 0xffffffff), (0x18, 0xffffffff), (0x1c, 0x00a0f0f0), (0x20, 0xfff0fff0),
            (0x24, 0xfff1fff1), (0x28, 0xffffffff), (0x2c, 0xffffffff), (0x30, 0), (0x3c, 0x0bff01ff),
        ];
        foreach (var (offset, value) in expected)
        {
            m.WriteL(Bridge + (ulong)offset, 0xffffffff);
            Assert.True(value == m.ReadL(Bridge + (ulong)offset), $"0x{offset:x}: expected 0x{value:x8}, read 0x{m.ReadL(Bridge + (ulong)offset):x8}");
            m.WriteL(Bridge + (ulong)offset, 0);
        }
    }

    [Fact]
    public void B44_DevicesBehindABridgeAreInvisibleUntilBusNumbersAreProgrammed()
    {
        var m = BridgesMachine();
        Assert.Equal(0xffffffffu, m.ReadL(PciTestMachine.Ecam(1, 2, 0, 0)));
        m.WriteL(Bridge + 0x18, 0x00010100);
        Assert.Equal(0x11e81234u, m.ReadL(PciTestMachine.Ecam(1, 2, 0, 0)));
        Assert.Equal(0x11e81234u, m.ReadL(PciTestMachine.Ecam(1, 3, 0, 0)));
        Assert.Equal(0xffffffffu, m.ReadL(PciTestMachine.Ecam(1, 2, 0, 0x100))); // behind a conventional bus
        m.WriteL(Port + 0x18, 0x00020200);
        Assert.Equal(0x11e81234u, m.ReadL(PciTestMachine.Ecam(2, 0, 0, 0)));
        Assert.Equal(1, m.RootBus.FindBus(1)!.Number);
        Assert.Equal("br0", m.RootBus.FindBus(1)!.QdevBus.Name);
    }

    [Fact]
    public void B45_BridgeMemoryWindowForwardsOnlyWithMemoryEnable()
    {
        var m = BridgesMachine();
        m.WriteL(Bridge + 0x18, 0x00010100);
        m.WriteL(Bridge + 0x20, 0x10001000);
        m.WriteL(PciTestMachine.Ecam(1, 3, 0, 0x10), 0x1000_0000);
        m.WriteW(PciTestMachine.Ecam(1, 3, 0, 4), 0x0006);
        Assert.Equal(0xffffffffu, m.ReadL(0x1000_0000));
        m.WriteW(Bridge + 4, 0x0006);
        Assert.Equal(0x010000edu, m.ReadL(0x1000_0000));
        Assert.Equal(0xffffffffu, m.ReadL(0x1010_0000)); // past limit | 0xfffff
        m.WriteW(Bridge + 4, 0);
        Assert.Equal(0xffffffffu, m.ReadL(0x1000_0000));
    }

    [Fact]
    public void B43_InterruptsSwizzleThroughBridgesToTheHostLines()
    {
        var m = BridgesMachine();
        var edu1 = (TestEndpoint)m.RootBus.Children[0].Devices[3 << 3]!;
        edu1.SetIrq(true);
        Assert.Equal([true, false, false, false], m.Irq); // (1 + (3 + 0) % 4) % 4 = 0 -> SPI 3
        edu1.SetIrq(false);
        var edu2 = (TestEndpoint)m.RootBus.Children[1].Devices[0]!;
        edu2.SetIrq(true);
        Assert.Equal([false, false, true, false], m.Irq); // root port slot 2 -> SPI 5
    }

    [Fact]
    public void SecondaryBusResetResetsTheDevicesBehindTheBridge()
    {
        var m = BridgesMachine();
        m.WriteL(Bridge + 0x18, 0x00010100);
        var edu = PciTestMachine.Ecam(1, 3, 0, 0);
        m.WriteL(edu + 0x10, 0x1000_0000);
        m.WriteW(edu + 4, 0x0006);
        Assert.Equal(0x00100006u, m.ReadL(edu + 4));
        m.WriteW(Bridge + 0x3e, 0x0040);
        m.WriteW(Bridge + 0x3e, 0x0000);
        Assert.Equal(0x00100000u, m.ReadL(edu + 4));
        Assert.Equal(0u, m.ReadL(edu + 0x10));
    }

    [Fact]
    public void BridgeWindowsAreAliasesNamedAsQemus()
    {
        var m = BridgesMachine();
        var bridge = (PciBridge)m.RootBus.Devices[8]!;
        Assert.Equal(
            ["pci_bridge_pref_mem", "pci_bridge_mem", "pci_bridge_io", "pci_bridge_vga_io_lo", "pci_bridge_vga_io_hi", "pci_bridge_vga_mem"],
            bridge.Windows.Select(w => w.Name));
        Assert.Equal("pci_bridge_pci", bridge.Windows[1].Alias!.Name);
        Assert.Equal("pci_bridge_io", bridge.Windows[2].Alias!.Name);
        m.WriteW(Bridge + 0x1c, 0x2020);
        m.WriteW(Bridge + 4, 0x0001);
        Assert.Equal(0x2000ul, bridge.Windows[2].Address);
        Assert.Equal((UInt128)0x1000, bridge.Windows[2].Size);
    }
}
