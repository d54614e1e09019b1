using Nemu.Testing.Qtest;

namespace Nemu.Cli.Tests.Virt;

/// <summary>
/// <c>-M virt,highmem=off</c> without <c>-nodefaults</c>: QEMU 7.2 adds its default NIC, a virtio-net-pci at 00:01.0
/// (issue6-ref cmdline-edu-testdev-defaults.txt). Nemu models no network devices, so it adds none (documented in
/// docs/deviations.md) and otherwise starts the same machine; user PCI functions then take the first free slot.
/// </summary>
public sealed class VirtDefaultsTests
{
    [Fact]
    public void VirtStartsWithoutNodefaultsAndAddsNoNic()
    {
        using var nemu = QtestClient.StartNemu("-M", "virt,highmem=off", "-device", "edu", "-device", "pci-testdev");

        var pci = MonitorSections.Lines(nemu.Hmp("info pci"));

        Assert.Equal("  Bus  0, device   1, function 0:", pci[4]);
        Assert.Equal("    Class 0255: PCI device 1234:11e8", pci[5]);
        Assert.DoesNotContain(pci, l => l.Contains("1af4:1000", StringComparison.Ordinal));
        Assert.Equal(0x11e81234u, nemu.ReadL(0x3f008000));
        Assert.Equal(0xffffffffu, nemu.ReadL(0x3f018000));
    }

    [Fact]
    public void VirtWithoutNodefaultsHasTheSameSystemMemoryMapAsWithIt()
    {
        using var nemu = QtestClient.StartNemu("-M", "virt,highmem=off");

        var expected = MonitorSections.FlatViews(VirtRecording.Output("mtree-f", "edu-testdev"));
        var actual = MonitorSections.FlatViews(nemu.Hmp("info mtree -f"));

        Assert.Equal(expected["memory"], actual["memory"]);
        Assert.Equal(expected["I/O"], actual["I/O"]);
    }
}
