using Nemu.Hw.Pci;
using Nemu.Pci;

namespace Nemu.Hw.Tests.Pci;

/// <summary>
/// edu behaviour that needs the PCI core (piece P: BAR masks, INTx) and MSI/MSI-X (piece X), checked against the
/// QEMU 7.2 recording notes/issue6-ref/qtest-main.txt. Written against the Nemu.Pci seam's public API.
/// </summary>
public sealed class EduPciTests
{
    private readonly PciTestbed _bed = new();

    [Fact]
    public void HeaderAndMsiCapabilityMatchTheRecording()
    {
        var edu = Realized();

        for (var i = 0; i < 16; i++)
        {
            Assert.Equal(QemuRecording.EduHeader[i], edu.ConfigRead(i * 4, 4));
        }

        for (var i = 0; i < QemuRecording.EduMsiCapability.Length; i++)
        {
            Assert.Equal(QemuRecording.EduMsiCapability[i], edu.ConfigRead(0x40 + (i * 4), 4));
        }
    }

    [Fact]
    public void BarZeroSizesAsOneMebibyteAndKeepsOnlyAddressBits()
    {
        var edu = Realized();
        (uint Write, uint Read)[] recorded =
        [
            (0xffffffff, 0xfff00000), (0x0, 0x0), (0x12345678, 0x12300000), (0xfff00001, 0xfff00000),
            (0x80000008, 0x80000000), (0x000fffff, 0x0),
        ];
        foreach (var (write, read) in recorded)
        {
            edu.ConfigWrite(PciConfig.BaseAddress0, write, 4);
            Assert.Equal(read, edu.ConfigRead(PciConfig.BaseAddress0, 4));
        }

        for (var bar = 1; bar < 6; bar++)
        {
            edu.ConfigWrite(PciConfig.BaseAddress0 + (bar * 4), 0xffffffff, 4);
            Assert.Equal(0u, edu.ConfigRead(PciConfig.BaseAddress0 + (bar * 4), 4));
        }
    }

    [Fact]
    public void RaiseAssertsIntxAndAckDeassertsIt()
    {
        var edu = Realized();
        var bar = _bed.Map(edu.Mmio);

        PciTestbed.Write(bar, 0x60, 1, 4);
        Assert.Equal(0x18u, edu.ConfigRead(PciConfig.Status, 2));

        PciTestbed.Write(bar, 0x64, 1, 4);
        Assert.Equal(0x10u, edu.ConfigRead(PciConfig.Status, 2));
    }

    [Fact]
    public void MsixExtensionAddsAnExclusiveBarOne()
    {
        var edu = _bed.Create<Edu>(Edu.TypeName, ("msix-vectors", "4"));
        edu.Realize();

        var bar = Assert.IsType<PciBar>(edu.Bars[Edu.MsixBarIndex]);
        Assert.Equal((0x1000UL, "edu-msix"), (bar.Size, bar.Region.Name));
        Assert.NotNull(edu.MsixState);
        Assert.Equal(4, edu.MsixState!.Vectors);
        // The default device keeps QEMU's layout: MSI first in the list, no MSI-X.
        Assert.Null(Realized().MsixState);
    }

    private Edu Realized()
    {
        var edu = _bed.Create<Edu>(Edu.TypeName);
        edu.Realize();
        return edu;
    }
}
