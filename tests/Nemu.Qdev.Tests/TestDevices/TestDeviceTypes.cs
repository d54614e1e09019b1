namespace Nemu.Qdev.Tests.TestDevices;

/// <summary>The test module: registers the sample device types, as a real module would.</summary>
internal static class TestDeviceTypes
{
    public static void Register(DeviceTypeRegistry registry)
    {
        registry.Register(TestUart.TypeInfo);
        registry.Register(TestLoader.TypeInfo);
        registry.Register(TestPropsDevice.TypeInfo);
        registry.Register(TestI2cController.TypeInfo);
        registry.Register(TestSensor.TypeInfo);
    }

    public static DeviceTypeRegistry CreateRegistry() => DeviceTypeRegistry.Create(Register);
}
