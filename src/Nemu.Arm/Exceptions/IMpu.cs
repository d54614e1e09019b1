// The common face of the M-profile MPUs (Armv7-M ARM B3.5 PMSAv7, Armv8-M ARM B3.5 PMSAv8; mprofile.md §5.1): what
// the CPU's TLB contexts, fetch checks and exception stacking ask of an MPU, whichever architecture it implements.
namespace Nemu.Arm.Exceptions;

/// <summary>An MPU (one bank on cores with the Security Extension) as the CPU's memory paths see it.</summary>
public interface IMpu
{
    /// <summary>Raised after every register write that can change a lookup (the CPU drops cached translations).</summary>
    Action? Changed { get; set; }

    /// <summary>Whether region lookups apply to a context (ENABLE, and HFNMIENA for negative priority).</summary>
    bool AppliesTo(bool negPri);

    /// <summary>Whether an access is permitted.</summary>
    bool Check(uint address, MpuAccess access, bool privileged, bool negPri);

    /// <summary>The permissions of one address for a context.</summary>
    MpuPermissions Permissions(uint address, bool privileged, bool negPri);

    /// <summary>
    /// The permissions of <paramref name="address"/> and whether they hold for the whole aligned block of
    /// 2^<paramref name="pageShift"/> bytes around it (so a TLB may cache the page).
    /// </summary>
    MpuPermissions Permissions(uint address, bool privileged, bool negPri, int pageShift, out bool uniform);
}
