// Implements: QEMU's DeviceCategory (include/hw/qdev-core.h) as used by `-device help` grouping.
namespace Nemu.Qdev;

/// <summary>The categories a device type is listed under in <c>-device help</c>; none means "Uncategorized".</summary>
[Flags]
public enum DeviceCategories
{
    None = 0,
    Bridge = 1 << 0,
    Usb = 1 << 1,
    Storage = 1 << 2,
    Network = 1 << 3,
    Input = 1 << 4,
    Display = 1 << 5,
    Sound = 1 << 6,
    Misc = 1 << 7,
    Cpu = 1 << 8,
    Watchdog = 1 << 9,
}
