// The MPU registers of the System Control Space (Armv7-M ARM B3.5.5-B3.5.9: MPU_TYPE 0xD90, MPU_CTRL 0xD94,
// MPU_RNR 0xD98, MPU_RBAR/MPU_RASR 0xD9C/0xDA0 and their aliases up to 0xDB8; mprofile.md §5).
// SEAM: only MPU_TYPE, reading 0, until issue 4 piece C.
using Nemu.Arm.Exceptions;
using Nemu.Qdev.Registers;

namespace Nemu.Arm.Devices;

/// <summary>MPU register block of the SCS.</summary>
public sealed partial class ScsRegisters
{
    private static void AddMpuRegisters(RegisterTableBuilder<Nvic> b)
    {
        b.Register(0xD90, "MPU_TYPE", RegisterAccess.ReadOnly);
    }
}
