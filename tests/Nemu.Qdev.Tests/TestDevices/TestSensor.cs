using Nemu.Core.State;

namespace Nemu.Qdev.Tests.TestDevices;

/// <summary>A user-creatable I2C slave (like tmp105) whose state has a subsection.</summary>
internal sealed class TestSensor : Device
{
    public static readonly StateDescription<TestSensor> Vmsd =
        StateDescription<TestSensor>.Builder("test-sensor", 2, 1)
            .UInt8("address", d => ref d._address)
            .Int16("temperature", d => ref d._temperature, reset: 25)
            .Subsection(
                StateDescription<TestSensor>.Builder("test-sensor/alarm", 1, 1).Bool("alarm", d => ref d._alarm).Build(),
                d => d._alarm)
            .Build();

    public static readonly DeviceType TypeInfo =
        DeviceType.Define("test-sensor", () => new TestSensor())
            .Bus("i2c-bus")
            .Category(DeviceCategories.Misc)
            .UserCreatable()
            .UInt8("address", d => ref d._address, 0x48)
            .Build();

    private byte _address;
    private short _temperature;
    private bool _alarm;

    public TestSensor() => InitState(Vmsd, this);

    protected override void OnReset() => _alarm = true;
}
