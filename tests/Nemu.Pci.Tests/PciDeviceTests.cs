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

    private sealed class ProbeFunction : PciDevice
    {
    }
}
