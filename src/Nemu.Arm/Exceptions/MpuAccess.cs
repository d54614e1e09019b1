// The kind of access an MPU check is made for (Armv7-M ARM B3.5 PMSAv7, mprofile.md §5).
namespace Nemu.Arm.Exceptions;

/// <summary>Read, write or instruction fetch.</summary>
public enum MpuAccess
{
    Read,
    Write,
    Execute,
}
