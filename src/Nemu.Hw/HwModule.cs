using Nemu.Hw.Core;
using Nemu.Qdev;

namespace Nemu.Hw;

/// <summary>Registers the generic device types of this project.</summary>
public static class HwModule
{
    public static void Register(DeviceTypeRegistry registry)
    {
        registry.Register(GenericLoaderDevice.TypeInfo);
    }
}
