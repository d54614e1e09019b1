namespace Nemu.Pci.Tests;

public sealed class PciDeviceTests
{
    [Fact]
    public void ConfigWriteChangesOnlyWritableBitsAndClearsWriteOneToClearBits()
    {
        var device = new ProbeFunction();
        device.Config[PciConfig.Command] = 0x00;
        device.Wmask[PciConfig.Command] = 0x07;
        device.Config[PciConfig.Status + 1] = 0xf9;
        device.W1cmask[PciConfig.Status + 1] = 0xf9;

        device.ConfigWrite(PciConfig.Command, 0x0100_00ff, 4);

        Assert.Equal(0x07, device.Config[PciConfig.Command]);
        Assert.Equal(0xf8, device.Config[PciConfig.Status + 1]);
    }

    [Fact]
    public void CapabilityIsLinkedAtTheListHeadAndItsBytesAreReadOnly()
    {
        var device = new ProbeFunction();
        Assert.Equal(0x40, device.AddCapability(PciConfig.CapIdMsi, 0, 10, out _));
        Assert.Equal(0x50, device.AddCapability(PciConfig.CapIdMsix, 0x50, 12, out _));

        Assert.Equal(0x50, device.Config[PciConfig.CapabilityList]);
        Assert.Equal(0x40, device.Config[0x51]);
        Assert.Equal(0x00, device.Config[0x41]);
        Assert.Equal(PciConfig.StatusCapList, device.GetWord(PciConfig.Status) & PciConfig.StatusCapList);
        Assert.Equal(-1, device.AddCapability(PciConfig.CapIdVendor, 0x48, 4, out var error));
        Assert.Contains("regions overlap", error, StringComparison.Ordinal);
    }

    private sealed class ProbeFunction : PciDevice
    {
    }
}
