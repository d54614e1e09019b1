// Registers the device types of Nemu.Arm (no reflection scanning; boards' modules call this).
using Nemu.Arm.Devices;
using Nemu.Qdev;

namespace Nemu.Arm;

/// <summary>The Nemu.Arm device module.</summary>
public static class ArmModule
{
    public static void Register(DeviceTypeRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(registry);
        registry.Register(Armv7m.TypeInfo);
    }
}
