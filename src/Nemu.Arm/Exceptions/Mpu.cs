// The PMSAv7 memory protection unit (Armv7-M ARM B3.5; mprofile.md §5). SEAM: the registers and the region
// lookup are still to be written (issue 4, piece C); every access is allowed.
namespace Nemu.Arm.Exceptions;

/// <summary>MPU state and the permission check.</summary>
public sealed class Mpu
{
    public Mpu(int regionCount)
    {
        RegionCount = regionCount;
    }

    /// <summary>Number of regions (MPU_TYPE.DREGION): 8 on Cortex-M3/M4/M7, 0 on Cortex-M0.</summary>
    public int RegionCount { get; }

    /// <summary>Whether an access is permitted.</summary>
    public bool Check(uint address, MpuAccess access, bool privileged, bool negPri) => true;
}
