using Nemu.Core.Logging;
using Nemu.Hw.Intc;
using Nemu.Hw.Tests.Misc;

namespace Nemu.Hw.Tests.Intc;

/// <summary>QEMU 7.2 arm-gicv2m as virt configures it (base-spi 48, 64 SPIs); values from issue6-ref/qtest-main.txt.</summary>
public sealed class ArmGicV2mTests
{
    [Fact]
    public void TyperIidrAndIdRegistersMatchQemu()
    {
        var v2m = Create(out _);

        Assert.Equal(0x00500040u, TestMachine.Read(v2m, 0x008));
        Assert.Equal(0x05100000u, TestMachine.Read(v2m, 0xfcc));
        for (ulong offset = 0xfd0; offset <= 0xffc; offset += 4)
        {
            Assert.Equal(0u, TestMachine.Read(v2m, offset));
        }
    }

    [Fact]
    public void SubWordReadsReturnZeroWithQemusGuestError()
    {
        var v2m = Create(out _);
        using var capture = Log.Capture(LogItem.GuestErrors);

        Assert.Equal(0u, TestMachine.Read(v2m, 0x008, 1));
        Assert.Equal(0u, TestMachine.Read(v2m, 0x008, 2));
        Assert.Contains(capture.Lines, l => l.Contains("gicv2m_read: bad size 1", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(0x50u, 4u, 0)]
    [InlineData(0x8fu, 4u, 63)]
    [InlineData(0x50u, 2u, 0)]
    [InlineData(0x450u, 4u, 0)]
    public void SetSpiWritesPulseTheSpiOfTheInterruptId(uint data, uint size, int expected)
    {
        var v2m = Create(out var device);
        var events = Watch(device);

        TestMachine.Write(v2m, 0x040, data, size);

        Assert.Equal([(expected, true), (expected, false)], events);
    }

    [Theory]
    [InlineData(0x4fu, 4u)]
    [InlineData(0x90u, 4u)]
    [InlineData(0x50u, 1u)]
    public void OutOfRangeIdsAndByteWritesAreIgnored(uint data, uint size)
    {
        var v2m = Create(out var device);
        var events = Watch(device);

        TestMachine.Write(v2m, 0x040, data, size);

        Assert.Empty(events);
    }

    [Fact]
    public void TryDeliverIsTheInProcessSetSpiPath()
    {
        Create(out var device);
        var events = Watch(device);

        Assert.True(device.TryDeliver(0x51));
        Assert.False(device.TryDeliver(0x4f));
        Assert.True(device.RaiseSpi(2));
        Assert.False(device.RaiseSpi(64));

        Assert.Equal([(1, true), (1, false), (2, true), (2, false)], events);
    }

    [Fact]
    public void RealizeRefusesTooManySpisWithQemusText()
    {
        var machine = new TestMachine();

        var error = Assert.Throws<Qdev.QdevException>(() => machine.Create<ArmGicV2m>(ArmGicV2m.TypeName, ("num-spi", "129")));

        Assert.Equal("requested 129 SPIs exceeds GICv2m frame maximum 128", error.Message);
    }

    private static List<(int Index, bool Level)> Watch(ArmGicV2m device)
    {
        var events = new List<(int, bool)>();
        for (var i = 0; i < device.SpiCount; i++)
        {
            var index = i;
            device.GetIrq(i).Connect(level => events.Add((index, level)));
        }

        return events;
    }

    private static Memory.IMemoryRegionOps Create(out ArmGicV2m device)
    {
        var machine = new TestMachine();
        device = machine.Create<ArmGicV2m>(ArmGicV2m.TypeName, ("base-spi", "48"), ("num-spi", "64"));
        return device;
    }
}
