// The CPU's side of the MPU (Armv7-M ARM B3.5; mprofile.md §5): the permission check used by stacking and the
// hook called whenever the privilege, the negative-priority state or the MPU configuration changes.
// SEAM: the TLB selection is still to be written (issue 4, piece C).
using Nemu.Arm.Exceptions;

namespace Nemu.Arm.Cpu;

/// <summary>MPU integration.</summary>
public sealed partial class ArmCpu
{
    /// <summary>The memory protection unit.</summary>
    public Mpu Mpu { get; }

    /// <summary>Checks an access made by the exception machinery (stacking, lazy FP) against the MPU.</summary>
    internal bool MpuAllows(uint address, MpuAccess access, bool privileged, bool negPri) =>
        Mpu.Check(address, access, privileged, negPri);

    /// <summary>
    /// Called after anything that changes which MPU permissions apply (privilege, HardFault/NMI/FAULTMASK state,
    /// MPU register writes): drops cached translations and decoded-page permissions that may no longer hold.
    /// </summary>
    internal void OnMmuIndexChanged()
    {
    }
}
