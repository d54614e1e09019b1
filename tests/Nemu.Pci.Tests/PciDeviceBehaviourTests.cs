using Nemu.Core;

namespace Nemu.Pci.Tests;

/// <summary>pci.md §9 26-46 through the ECAM window and the system address space (values from qtest-main.txt).</summary>
public sealed class PciDeviceBehaviourTests
{
    private static readonly ulong Edu = PciTestMachine.Ecam(0, 1, 0, 0);

    private static PciTestMachine MachineWithEndpoint(params (string, string)[] options)
    {
        var m = new PciTestMachine();
        m.Add<TestEndpoint>(TestEndpoint.TypeName, options);
        return m;
    }

    [Fact]
    public void B26_ReadOnlyHeaderWritesHaveNoEffectAndCommandKeepsOnlyWritableBits()
    {
        var m = MachineWithEndpoint();
        m.WriteL(Edu, 0);
        Assert.Equal(0x11e81234u, m.ReadL(Edu));
        m.WriteW(Edu + 4, 0xffff);
        Assert.Equal(0x00100507u, m.ReadL(Edu + 4));
        m.WriteW(Edu + 4, 0);
        Assert.Equal(0x00100000u, m.ReadL(Edu + 4));
        m.WriteL(Edu + 0x3c, 0xffffffff);
        Assert.Equal(0x000001ffu, m.ReadL(Edu + 0x3c));
        m.WriteL(Edu + 0x0c, 0xffffffff);
        Assert.Equal(0x000000ffu, m.ReadL(Edu + 0x0c));
        m.WriteL(Edu + 0x08, 0);
        Assert.Equal(0x00ff0010u, m.ReadL(Edu + 0x08));
    }

    [Fact]
    public void B27_StatusWriteOneClearsWriteZeroKeeps()
    {
        var m = MachineWithEndpoint();
        var device = (PciDevice)m.RootBus.Devices[8]!;
        device.Config[PciConfig.Status + 1] = 0xf9;
        m.WriteW(Edu + 6, 0);
        Assert.Equal(0xf9, device.Config[PciConfig.Status + 1]);
        m.WriteW(Edu + 6, 0x0100);
        Assert.Equal(0xf8, device.Config[PciConfig.Status + 1]);
        Assert.Equal(0x10, device.Config[PciConfig.Status] & 0x10); // cap list bit is not W1C
    }

    [Fact]
    public void B28_BarSizingReturnsSizeMaskAndTypeBitsAndUnimplementedBarsReadZero()
    {
        var m = MachineWithEndpoint(("io", "on"));
        m.WriteL(Edu + 0x10, 0xffffffff);
        Assert.Equal(0xfff00000u, m.ReadL(Edu + 0x10));
        m.WriteL(Edu + 0x14, 0xffffffff);
        Assert.Equal(0xffffff01u, m.ReadL(Edu + 0x14));
        m.WriteL(Edu + 0x18, 0xffffffff);
        Assert.Equal(0u, m.ReadL(Edu + 0x18));
        m.WriteL(Edu + 0x10, 0x12345678);
        Assert.Equal(0x12300000u, m.ReadL(Edu + 0x10));
        m.WriteL(Edu + 0x10, 0x000fffff);
        Assert.Equal(0u, m.ReadL(Edu + 0x10));
        m.WriteL(Edu + 0x14, 0x3);
        Assert.Equal(0x1u, m.ReadL(Edu + 0x14));
        m.WriteL(Edu + 0x14, 0x12345678);
        Assert.Equal(0x12345601u, m.ReadL(Edu + 0x14));
    }

    [Fact]
    public void B29_SixtyFourBitBarUpperDwordSizesAsAllOnes()
    {
        var m = MachineWithEndpoint(("bar64", "on"));
        Assert.Equal(0x4u, m.ReadL(Edu + 0x10));
        m.WriteL(Edu + 0x10, 0xffffffff);
        m.WriteL(Edu + 0x14, 0xffffffff);
        Assert.Equal(0xfff00004u, m.ReadL(Edu + 0x10));
        Assert.Equal(0xffffffffu, m.ReadL(Edu + 0x14));
    }

    [Fact]
    public void B30_BarMappedOnlyWithMemoryEnableAndGpexAllowsAddressZero()
    {
        var m = MachineWithEndpoint();
        var device = m.RootBus.Devices[8]!;
        Assert.Equal(0xffffffffu, m.ReadL(0x1000_0000)); // unclaimed PCI memory reads all-ones
        m.WriteW(Edu + 4, 0x0002);
        Assert.Equal(0ul, device.GetBarAddress(0)); // virt's pci_allow_0_address: QEMU 7.2 maps a BAR at 0
        m.WriteL(Edu + 0x10, 0x1000_0000);
        Assert.Equal(0x1000_0000ul, device.GetBarAddress(0));
        Assert.Equal(0x010000edu, m.ReadL(0x1000_0000));
        m.WriteW(Edu + 4, 0);
        Assert.Equal(PciBar.Unmapped, device.GetBarAddress(0));
        Assert.Equal(0xffffffffu, m.ReadL(0x1000_0000));
    }

    [Fact]
    public void B31_ThirtyTwoBitBarCrossingFourGibIsNotMapped()
    {
        var m = MachineWithEndpoint();
        m.WriteL(Edu + 0x10, 0xfff0_0000);
        m.WriteW(Edu + 4, 0x0002);
        Assert.Equal(PciBar.Unmapped, m.RootBus.Devices[8]!.GetBarAddress(0));
    }

    [Fact]
    public void B32_RomBarNeedsMemoryEnableAndRomEnable()
    {
        var m = MachineWithEndpoint(("rom", "on"));
        var device = m.RootBus.Devices[8]!;
        m.WriteL(Edu + 0x30, 0xffffffff);
        Assert.Equal(0xffff0001u, m.ReadL(Edu + 0x30));
        m.WriteL(Edu + 0x30, 0x2000_0000);
        m.WriteW(Edu + 4, 0x0002);
        Assert.Equal(PciBar.Unmapped, device.GetBarAddress(PciDevice.RomSlot));
        m.WriteL(Edu + 0x30, 0x2000_0001);
        Assert.Equal(0x2000_0000ul, device.GetBarAddress(PciDevice.RomSlot));
        m.WriteW(Edu + 4, 0);
        Assert.Equal(PciBar.Unmapped, device.GetBarAddress(PciDevice.RomSlot));
    }

    [Fact]
    public void B33_MovingAnEnabledBarRendersOnceWithTheNewAddressOnly()
    {
        var m = MachineWithEndpoint();
        m.WriteL(Edu + 0x10, 0x1000_0000);
        m.WriteW(Edu + 4, 0x0002);
        var listener = new CountingListener();
        m.Space.RegisterListener(listener);
        listener.Commits = 0;
        m.WriteL(Edu + 0x10, 0x1020_0000);
        Assert.Equal(1, listener.Commits);
        Assert.Equal(0xffffffffu, m.ReadL(0x1000_0000));
        Assert.Equal(0x010000edu, m.ReadL(0x1020_0000));
    }

    [Fact]
    public void B34_BarsMapWithPriorityOneOverTheBusSpace()
    {
        var m = MachineWithEndpoint();
        var background = Memory.MemoryRegion.CreateIo("background", 0x100_0000, Nemu.Hw.Pci.UnassignedIoOps.Instance);
        m.Host.MmioSpace!.AddSubregion(0x1000_0000, background);
        m.WriteL(Edu + 0x10, 0x1000_0000);
        m.WriteW(Edu + 4, 0x0002);
        Assert.Equal(1, m.RootBus.Devices[8]!.Bars[0]!.Region.Priority);
        Assert.Equal(0x010000edu, m.ReadL(0x1000_0000));
    }

    [Fact]
    public void B35_B36_CapabilityListHeadIsLastAddedAndItsBytesAreReadOnly()
    {
        var m = MachineWithEndpoint();
        var device = m.RootBus.Devices[8]!;
        Assert.Equal(0x00800005u, m.ReadL(Edu + 0x40));
        Assert.Equal(0x50, device.AddCapability(PciConfig.CapIdVendor, 0, 8, out _));
        Assert.Equal(0x58, device.AddCapability(PciConfig.CapIdPm, 0, 8, out _));
        Assert.Equal(0x10u, m.ReadL(Edu + 4) >> 16 & 0x10);
        Assert.Equal(0x58u, m.ReadL(Edu + 0x34));
        Assert.Equal(0x00005001u, m.ReadL(Edu + 0x58));
        Assert.Equal(0x00004009u, m.ReadL(Edu + 0x50));
        m.WriteL(Edu + 0x54, 0xa5a5a5a5);
        Assert.Equal(0u, m.ReadL(Edu + 0x54));
    }

    [Fact]
    public void B37_DeviceSpecificBytesAreStorageAndB40_ConventionalDeviceExtendedSpaceReadsAllOnes()
    {
        var m = MachineWithEndpoint();
        m.WriteL(Edu + 0x80, 0xa5a5a5a5);
        Assert.Equal(0xa5a5a5a5u, m.ReadL(Edu + 0x80));
        m.WriteL(Edu + 0x100, 0xa5a5a5a5);
        Assert.Equal(0xffffffffu, m.ReadL(Edu + 0x100));
        Assert.Equal(0xffffffffu, m.ReadL(Edu + 0xffc));
    }

    [Fact]
    public void B39_MissingFunctionAndMissingBusReadAllOnes()
    {
        var m = MachineWithEndpoint();
        Assert.Equal(0xffffffffu, m.ReadL(PciTestMachine.Ecam(0, 5, 0, 0)));
        Assert.Equal(0xffffffffu, m.ReadL(PciTestMachine.Ecam(1, 0, 0, 0)));
        Assert.Equal(0xffu, m.Read(PciTestMachine.Ecam(0, 5, 0, 0), 1));
        m.WriteL(PciTestMachine.Ecam(0, 5, 0, 0x10), 0x1234); // ignored, no exception
    }

    [Fact]
    public void EcamSubDwordAndUnalignedAccessesMatchQemu()
    {
        var m = MachineWithEndpoint();
        Assert.Equal(0xe812ul, m.Read(Edu + 1, 2));
        Assert.Equal(0x11e8ul, m.Read(Edu + 2, 4));
        Assert.Equal(0x0010000011e81234ul, m.Read(Edu, 8));
        Assert.Equal(0x11ul, m.Read(Edu + 3, 1));
    }

    [Fact]
    public void B41_IntxSetsStatusAndIntxDisableLowersAndRestoresTheLine()
    {
        var m = MachineWithEndpoint();
        var device = m.RootBus.Devices[8]!;
        m.WriteW(Edu + 4, 0x0006);
        device.SetIrq(true);
        Assert.True(m.Irq[1]); // slot 1, INTA -> (1 + 0) % 4
        Assert.Equal(0x18ul, m.Read(Edu + 6, 2));
        m.WriteW(Edu + 4, 0x0406);
        Assert.False(m.Irq[1]);
        Assert.Equal(0x18ul, m.Read(Edu + 6, 2));
        m.WriteW(Edu + 4, 0x0006);
        Assert.True(m.Irq[1]);
        device.SetIrq(false);
        Assert.False(m.Irq[1]);
        Assert.Equal(0x10ul, m.Read(Edu + 6, 2));
    }

    [Fact]
    public void IntxDisableWrittenByByteAtOffsetFiveDoesNotPropagate()
    {
        var m = MachineWithEndpoint();
        var device = m.RootBus.Devices[8]!;
        device.SetIrq(true);
        m.Write(Edu + 5, 0x04, 1);
        Assert.True(m.Irq[1]);
    }

    [Fact]
    public void B42_SharedRootLineStaysHighUntilBothDeassert()
    {
        var m = new PciTestMachine();
        var a = m.Add<TestEndpoint>(TestEndpoint.TypeName, ("addr", "1"));
        var b = m.Add<TestEndpoint>(TestEndpoint.TypeName, ("addr", "5"));
        a.SetIrq(true);
        b.SetIrq(true);
        Assert.True(m.Irq[1]);
        a.SetIrq(false);
        Assert.True(m.Irq[1]);
        b.SetIrq(false);
        Assert.False(m.Irq[1]);
    }

    [Fact]
    public void B46_ResetUnmapsBarsClearsCommandAndLowersIntx()
    {
        var m = MachineWithEndpoint();
        var device = m.RootBus.Devices[8]!;
        m.WriteL(Edu + 0x10, 0x1000_0000);
        m.WriteW(Edu + 4, 0x0006);
        m.WriteL(Edu + 0x3c, 0x5);
        device.SetIrq(true);
        device.Reset();
        Assert.Equal(0x00100000u, m.ReadL(Edu + 4));
        Assert.Equal(0u, m.ReadL(Edu + 0x10));
        Assert.Equal(0x100u, m.ReadL(Edu + 0x3c));
        Assert.Equal(PciBar.Unmapped, device.GetBarAddress(0));
        Assert.False(m.Irq[1]);
        Assert.False(device.BusMasterAddressSpace!.Root.Subregions[0].Enabled);
    }

    [Fact]
    public void BusMasterAliasFollowsCommandBusMasterEnable()
    {
        var m = MachineWithEndpoint();
        var device = m.RootBus.Devices[8]!;
        m.WriteL(0x4000_0000, 0x12345678);
        Span<byte> buffer = stackalloc byte[4];
        device.DmaRead(0x4000_0000, buffer);
        Assert.Equal(0u, BitConverter.ToUInt32(buffer));
        m.WriteW(Edu + 4, 0x0004);
        Assert.Equal(MemTxResult.Ok, device.DmaRead(0x4000_0000, buffer));
        Assert.Equal(0x12345678u, BitConverter.ToUInt32(buffer));
        device.SendMessage(new MsiMessage(0x4000_0004, 0x55));
        Assert.Equal(0x55u, m.ReadL(0x4000_0004));
        Assert.Equal(TestEndpoint.TypeName, device.BusMasterAddressSpace!.Name);
        Assert.Equal("bus master container", device.BusMasterAddressSpace.Root.Name);
        Assert.Equal("bus master", device.BusMasterAddressSpace.Root.Subregions[0].Name);
    }

    [Fact]
    public void TakenSlotIsRefusedWithQemuWording()
    {
        var m = MachineWithEndpoint();
        var error = Assert.Throws<Qdev.QdevException>(() => m.Add<TestEndpoint>(TestEndpoint.TypeName, ("addr", "01.0"), ("id", "x")));
        Assert.Equal("PCI: slot 1 function 0 not available for test-endpoint, in use by test-endpoint,id=(null)", error.Message);
    }

    [Fact]
    public void QtreeLinesAreQemus()
    {
        var m = MachineWithEndpoint();
        m.WriteL(Edu + 0x10, 0x1000_0000);
        var text = Qdev.QtreePrinter.Print(m.Tree.SystemBus);
        var expected = string.Concat(new[]
        {
            "addr = 01.0",
            "romfile = \"\"",
            "romsize = 4294967295 (0xffffffff)",
            "rombar = 1 (0x1)",
            "multifunction = false",
            "x-pcie-lnksta-dllla = true",
            "x-pcie-extcap-init = true",
            "failover_pair_id = \"\"",
            "acpi-index = 0 (0x0)",
            "class Class 00ff, addr 00:01.0, pci id 1234:11e8 (sub 1af4:1100)",
            "bar 0: mem at 0xffffffffffffffff [0xffffe]",
        }.Select(l => "        " + l + "\n"));
        Assert.Contains(expected, text, StringComparison.Ordinal);
        Assert.Contains("      class Host bridge, addr 00:00.0, pci id 1b36:0008 (sub 1af4:1100)\n", text, StringComparison.Ordinal);
        Assert.Contains("    bus: pcie.0\n      type PCIE\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public void StateRoundTripRestoresConfigAndRejectsBadReadOnlyBytes()
    {
        var m = MachineWithEndpoint();
        var device = m.RootBus.Devices[8]!;
        m.WriteL(Edu + 0x10, 0x1000_0000);
        m.WriteW(Edu + 4, 0x0002);
        var saved = device.VmState!.Save();
        device.Reset();
        Assert.Equal(PciBar.Unmapped, device.GetBarAddress(0));
        device.VmState.Load(saved, 2);
        Assert.Equal(0x1000_0000ul, device.GetBarAddress(0));
        Assert.Equal(0x010000edu, m.ReadL(0x1000_0000));

        var bad = (byte[])saved.Clone();
        bad[4] ^= 0xff; // config[0]: vendor id, read-only and checked
        var error = Assert.Throws<Core.State.StateLoadException>(() => device.VmState.Load(bad, 2));
        Assert.Contains("Bad config data: i=0x0", error.Message, StringComparison.Ordinal);
    }

    private sealed class CountingListener : Memory.MemoryListener
    {
        public int Commits;

        public override void Commit() => Commits++;
    }
}
