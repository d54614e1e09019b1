using Nemu.Core.State;

namespace Nemu.Qdev.Tests.TestDevices;

/// <summary>A sysbus device that provides an <c>i2c</c> bus (like versatile_i2c) and has a named GPIO input.</summary>
internal sealed class TestI2cController : SysBusDevice
{
    public static readonly StateDescription<TestI2cController> Vmsd =
        StateDescription<TestI2cController>.Builder("test-i2c", 1, 1)
            .Int32("out", d => ref d._out)
            .Int32("in", d => ref d._in, reset: 1)
            .Build();

    public static readonly DeviceType TypeInfo =
        DeviceType.Define("test-i2c", () => new TestI2cController())
            .Parent(SysBusDevice.TypeName)
            .Build();

    private int _out;
    private int _in;

    public TestI2cController()
    {
        InitGpioIn("scl", 2, (_, _) => { });
        Bus = CreateChildBus("i2c", "i2c-bus");
        InitState(Vmsd, this);
    }

    public Bus Bus { get; }
}
