namespace Nemu.Memory;

/// <summary>The byte order a device's registers use (QEMU's DEVICE_*_ENDIAN).</summary>
public enum DeviceEndianness : byte
{
    /// <summary>Target order; Arm guests here are little-endian.</summary>
    Native = 0,
    Little = 1,
    Big = 2,
}
