using Nemu.Hw.Tests.Misc;
using Nemu.Hw.Virtio;

namespace Nemu.Hw.Tests.Virtio;

/// <summary>A QEMU 7.2 virtio-mmio transport with no backend, as probed on virt under qtest.</summary>
public sealed class VirtioMmioTests
{
    [Fact]
    public void IdentifiesAsALegacyTransportWithNoDevice()
    {
        var machine = new TestMachine();
        var transport = machine.Create<VirtioMmio>(VirtioMmio.TypeName);

        Assert.Equal(0x74726976u, TestMachine.Read(transport, 0x000));
        Assert.Equal(1u, TestMachine.Read(transport, 0x004));
        Assert.Equal(0u, TestMachine.Read(transport, 0x008));
        Assert.Equal(0x554d4551u, TestMachine.Read(transport, 0x00c));
        Assert.Equal(0u, TestMachine.Read(transport, 0x070));
    }

    [Fact]
    public void WritesAreIgnoredWithoutABackend()
    {
        var machine = new TestMachine();
        var transport = machine.Create<VirtioMmio>(VirtioMmio.TypeName);

        TestMachine.Write(transport, 0x070, 1);

        Assert.Equal(0u, TestMachine.Read(transport, 0x070));
    }

    [Fact]
    public void NonLegacyTransportReportsVersion2()
    {
        var machine = new TestMachine();
        var transport = machine.Create<VirtioMmio>(VirtioMmio.TypeName, ("force-legacy", "off"));

        Assert.Equal(2u, TestMachine.Read(transport, 0x004));
    }
}
