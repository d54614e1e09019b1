using Nemu.Hw.Gpio;
using Nemu.Hw.Tests.Misc;

namespace Nemu.Hw.Tests.Gpio;

/// <summary>QEMU 7.2 pl061 facts as the virt board configures it (pullups 0, pulldowns 0xff), probed under qtest.</summary>
public sealed class Pl061Tests
{
    [Fact]
    public void ArmIdsMatchQemu()
    {
        var gpio = Create(out _);

        uint[] ids = [0x61, 0x10, 0x04, 0x00, 0x0d, 0xf0, 0x05, 0xb1];
        for (var i = 0; i < ids.Length; i++)
        {
            Assert.Equal(ids[i], TestMachine.Read(gpio, 0xfe0 + ((ulong)i * 4)));
        }

        Assert.Equal(0u, TestMachine.Read(gpio, 0xfd0));
    }

    [Fact]
    public void DataIsReadAndWrittenThroughTheAddressMask()
    {
        var gpio = Create(out _);

        TestMachine.Write(gpio, 0x3fc, 0xaa);
        Assert.Equal(0u, TestMachine.Read(gpio, 0x3fc));

        TestMachine.Write(gpio, 0x400, 0xff);
        TestMachine.Write(gpio, 0x3fc, 0xaa);

        Assert.Equal(0xaau, TestMachine.Read(gpio, 0x3fc));
        Assert.Equal(0u, TestMachine.Read(gpio, 0x004));
        Assert.Equal(0x2u, TestMachine.Read(gpio, 0x008));
        Assert.Equal(0x80u, TestMachine.Read(gpio, 0x200));
    }

    [Fact]
    public void OutputPinsDriveTheGpioOutputs()
    {
        var gpio = Create(out var device);
        var pin1 = device.GetGpioOut(null, 1);

        TestMachine.Write(gpio, 0x400, 0x02);
        TestMachine.Write(gpio, 0x008, 0x02);

        Assert.True(pin1.Level);
    }

    [Fact]
    public void RisingEdgeOnAnInputPinRaisesTheInterrupt()
    {
        var gpio = Create(out var device);
        TestMachine.Write(gpio, 0x40c, 0x08);
        TestMachine.Write(gpio, 0x410, 0x08);

        device.GetGpioIn(null, 3).Set(true);

        Assert.Equal(0x08u, TestMachine.Read(gpio, 0x414));
        Assert.True(device.GetIrq(0).Level);
        TestMachine.Write(gpio, 0x41c, 0x08);
        Assert.False(device.GetIrq(0).Level);
    }

    [Fact]
    public void LuminaryRegistersAreBadOffsetsOnTheArmVariant()
    {
        var gpio = Create(out _);

        TestMachine.Write(gpio, 0x520, 0x1acce551);

        Assert.Equal(0u, TestMachine.Read(gpio, 0x520));
        Assert.Equal(0u, TestMachine.Read(gpio, 0x524));
        TestMachine.Write(gpio, 0x420, 0xff);
        Assert.Equal(0xffu, TestMachine.Read(gpio, 0x420));
    }

    private static Pl061 Create(out Pl061 device)
    {
        var machine = new TestMachine();
        device = machine.Create<Pl061>(Pl061.TypeName, ("pullups", "0"), ("pulldowns", "0xff"));
        return device;
    }
}
