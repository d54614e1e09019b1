using System.Text;
using Nemu.Hw.Pci;
using Nemu.Memory;
using Nemu.Pci;
using Nemu.Qdev;

namespace Nemu.Hw.Tests.Pci;

/// <summary>pci-testdev as QEMU 7.2 hw/misc/pci-testdev.c, driven the way kvm-unit-tests' pci-testdev test does.</summary>
public sealed class PciTestdevTests
{
    private readonly PciTestbed _bed = new();
    private readonly PciTestdev _dev;
    private readonly AddressSpace _mmio;
    private readonly AddressSpace _portio;

    public PciTestdevTests()
    {
        _dev = _bed.Create<PciTestdev>(PciTestdev.TypeName);
        _dev.Realize();
        _mmio = _bed.Map(_dev.Mmio);
        _portio = _bed.Map(_dev.Portio);
    }

    [Fact]
    public void BarsReadZeroWithNoTestSelectedAsRecorded()
    {
        for (var offset = 0UL; offset < 0x20; offset += 4)
        {
            Assert.Equal(0UL, PciTestbed.Read(_mmio, offset, 4));
            Assert.Equal(0UL, PciTestbed.Read(_portio, offset, 4));
        }
    }

    [Fact]
    public void SelectingAMemoryTestShowsItsHeader()
    {
        PciTestbed.Write(_mmio, 0, 0, 1);

        Assert.Equal(0UL, PciTestbed.Read(_mmio, 0, 1));
        Assert.Equal(1UL, PciTestbed.Read(_mmio, 1, 1));
        Assert.Equal(2048UL, PciTestbed.Read(_mmio, 4, 4));
        Assert.Equal(0xfaUL, PciTestbed.Read(_mmio, 8, 4));
        Assert.Equal(0UL, PciTestbed.Read(_mmio, 12, 4));
        Assert.Equal("mmio-no-eventfd", ReadName(_mmio));
    }

    [Fact]
    public void AnIoBarWriteSelectsTheIoTests()
    {
        PciTestbed.Write(_portio, 0, 2, 1);

        Assert.Equal(5UL, PciTestbed.Read(_portio, 0, 1));
        Assert.Equal(133UL, PciTestbed.Read(_portio, 4, 4));
        Assert.Equal("portio-datamatch-eventfd", ReadName(_portio));
        // Either BAR shows the selected test.
        Assert.Equal(133UL, PciTestbed.Read(_mmio, 4, 4));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    public void EveryTestCountsItsSixteenWrites(int test)
    {
        var space = test < PciTestdev.TestsPerType ? _mmio : _portio;
        PciTestbed.Write(space, 0, (ulong)(test % PciTestdev.TestsPerType), 1);
        Assert.Equal(0UL, PciTestbed.Read(space, 12, 4));
        var data = PciTestbed.Read(space, 8, 4);
        var offset = PciTestbed.Read(space, 4, 4);

        for (var i = 0; i < 16; i++)
        {
            PciTestbed.Write(space, offset, data, 1);
        }

        Assert.Equal(16UL, PciTestbed.Read(space, 12, 4));
    }

    [Fact]
    public void DataMatchTestIgnoresOtherValuesAndTheWildcardCountsThem()
    {
        PciTestbed.Write(_mmio, 0, 2, 1);
        PciTestbed.Write(_mmio, 2050, 0x01, 1);
        Assert.Equal(0UL, PciTestbed.Read(_mmio, 12, 4));

        PciTestbed.Write(_mmio, 0, 1, 1);
        Assert.Equal(0xceUL, PciTestbed.Read(_mmio, 8, 1));
        PciTestbed.Write(_mmio, 2049, 0x01, 1);
        PciTestbed.Write(_mmio, 2049, 0x02, 1);
        PciTestbed.Write(_mmio, 2050, 0x02, 1);
        Assert.Equal(2UL, PciTestbed.Read(_mmio, 12, 4));
    }

    [Fact]
    public void SelectingAgainZeroesTheCount()
    {
        PciTestbed.Write(_mmio, 0, 0, 1);
        PciTestbed.Write(_mmio, 2048, 0xfa, 1);
        PciTestbed.Write(_mmio, 0, 0, 1);
        Assert.Equal(0UL, PciTestbed.Read(_mmio, 12, 4));
    }

    [Fact]
    public void ValueThreeOrMoreDeselects()
    {
        PciTestbed.Write(_mmio, 0, 1, 1);
        PciTestbed.Write(_mmio, 0, 3, 1);
        Assert.Equal(0UL, PciTestbed.Read(_mmio, 4, 4));
        Assert.Equal(-1, _dev.State.Current);
    }

    [Fact]
    public void ReadsFromTheHeadersLastByteOnReadZero()
    {
        PciTestbed.Write(_mmio, 0, 0, 1);
        var length = PciTestdev.Header(0).Length;
        Assert.Equal((ulong)'d', PciTestbed.Read(_mmio, (ulong)length - 2, 1));
        Assert.Equal(0UL, PciTestbed.Read(_mmio, (ulong)length - 1, 1));
        Assert.Equal(0UL, PciTestbed.Read(_mmio, 0x800, 4));
    }

    [Fact]
    public void ResetDeselectsTheTest()
    {
        PciTestbed.Write(_mmio, 0, 0, 1);
        _dev.Reset();
        Assert.Equal(0UL, PciTestbed.Read(_mmio, 4, 4));
    }

    [Fact]
    public void BarsAreQemusRegions()
    {
        var bar0 = Assert.IsType<PciBar>(_dev.Bars[0]);
        var bar1 = Assert.IsType<PciBar>(_dev.Bars[1]);
        Assert.Equal((0x1000UL, PciBarType.Memory32, "pci-testdev-mmio"), (bar0.Size, bar0.Type, bar0.Region.Name));
        Assert.Equal((0x100UL, PciBarType.Io, "pci-testdev-portio"), (bar1.Size, bar1.Type, bar1.Region.Name));
        Assert.Null(_dev.Bars[2]);
    }

    [Fact]
    public void MembarAddsASixtyFourBitPrefetchableBarTwo()
    {
        var dev = _bed.Create<PciTestdev>(PciTestdev.TypeName, ("membar", "1M"));
        dev.Realize();

        var bar2 = Assert.IsType<PciBar>(dev.Bars[2]);
        Assert.Equal((1UL << 20, PciBarType.Memory64 | PciBarType.Prefetch, "pci-testdev-membar"), (bar2.Size, bar2.Type, bar2.Region.Name));
        Assert.Equal("1048576 (1 MiB)", dev.PrintProperty("membar"));
    }

    [Fact]
    public void MembarMustBeAPowerOfTwo()
    {
        var dev = _bed.Create<PciTestdev>(PciTestdev.TypeName, ("membar", "0x3000"));
        var error = Assert.Throws<QdevException>(dev.Realize);
        Assert.Equal("pci-testdev: membar size 0x3000 is not a power of two", error.Message);
    }

    [Fact]
    public void StaticHeaderBytesMatchTheRecording()
    {
        Assert.Equal("0 (0 B)", _dev.PrintProperty("membar"));
        foreach (var offset in new[] { 0x00, 0x04, 0x08, 0x0c, 0x10, 0x2c, 0x30, 0x34, 0x3c })
        {
            Assert.Equal(QemuRecording.TestdevHeader[offset / 4], _dev.ConfigRead(offset, 4));
        }
    }

    [Fact]
    public void HeaderAndBarSizingMatchTheRecording()
    {
        for (var i = 0; i < 16; i++)
        {
            Assert.Equal(QemuRecording.TestdevHeader[i], _dev.ConfigRead(i * 4, 4));
        }

        (int Offset, uint Write, uint Read)[] recorded =
        [
            (0x10, 0xffffffff, 0xfffff000), (0x14, 0xffffffff, 0xffffff01), (0x14, 0x0, 0x1), (0x14, 0x12345678, 0x12345601),
            (0x14, 0xfffffffe, 0xffffff01), (0x14, 0x3, 0x1), (0x18, 0xffffffff, 0x0),
        ];
        foreach (var (offset, write, read) in recorded)
        {
            _dev.ConfigWrite(offset, write, 4);
            Assert.Equal(read, _dev.ConfigRead(offset, 4));
        }

        _dev.ConfigWrite(0x80, 0xa5a5a5a5, 4);
        Assert.Equal(0xa5a5a5a5u, _dev.ConfigRead(0x80, 4));
    }

    private static string ReadName(AddressSpace space)
    {
        var name = new StringBuilder();
        for (var offset = 16UL; ; offset++)
        {
            var b = PciTestbed.Read(space, offset, 1);
            if (b == 0)
            {
                return name.ToString();
            }

            name.Append((char)b);
        }
    }
}
