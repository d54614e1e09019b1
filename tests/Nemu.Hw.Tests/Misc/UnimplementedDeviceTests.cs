using Nemu.Core.Logging;
using Nemu.Hw.Misc;
using static Nemu.Hw.Tests.Misc.TestMachine;

namespace Nemu.Hw.Tests.Misc;

/// <summary>QEMU hw/misc/unimp.c: RAZ/WI with -d unimp lines.</summary>
public sealed class UnimplementedDeviceTests
{
    [Fact]
    public void AccessesReadZeroAndLogInQemuFormat()
    {
        var machine = new TestMachine();
        var dev = machine.Create<UnimplementedDevice>("unimplemented-device", ("name", "i2c-0"), ("size", "0x1000"));
        using var log = Log.Capture(LogItem.Unimp);
        Assert.Equal(0u, Read(dev, 0x10));
        Write(dev, 0x4, 0xab, 2);
        Assert.Equal(
            ["i2c-0: unimplemented device read  (size 4, offset 0x010)", "i2c-0: unimplemented device write (size 2, offset 0x004, value 0x00ab)"],
            log.Lines);
        Assert.Equal("i2c-0", dev.Mmio[0].Name);
    }

    [Theory]
    [InlineData(0x1000UL, 3)]
    [InlineData(0x200000UL, 6)]
    [InlineData(0x1UL, 0)]
    [InlineData(0x10000UL, 4)]
    public void OffsetWidthIsHexDigitsOfSizeMinusOne(ulong size, int width) =>
        Assert.Equal(width, UnimplementedDevice.OffsetWidth(size));

    [Fact]
    public void RealizeNeedsSizeAndName()
    {
        var machine = new TestMachine();
        var noSize = machine.Tree.Create("unimplemented-device");
        Assert.Equal("property 'size' not specified or zero", Assert.Throws<Nemu.Qdev.QdevException>(noSize.Realize).Message);
        var noName = machine.Tree.Create("unimplemented-device");
        noName.SetProperty("size", "16");
        Assert.Equal("property 'name' not specified", Assert.Throws<Nemu.Qdev.QdevException>(noName.Realize).Message);
    }
}
