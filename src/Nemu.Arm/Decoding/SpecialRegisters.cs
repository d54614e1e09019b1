// SYSm numbers of MRS/MSR (Armv7-M ARM B5.1.1; Armv8-M ARM C2.4 MRS/MSR with the Main and Security Extensions;
// mprofile.md §4.7). Names are the assembler's, lower case.
namespace Nemu.Arm.Decoding;

/// <summary>Special register numbers (SYSm) and their names.</summary>
public static class SpecialRegisters
{
    public const uint Apsr = 0, Iapsr = 1, Eapsr = 2, Xpsr = 3, Ipsr = 5, Epsr = 6, Iepsr = 7;
    public const uint Msp = 8, Psp = 9, Primask = 16, Basepri = 17, BasepriMax = 18, Faultmask = 19, Control = 20;

    /// <summary>ARMv8-M Main Extension stack limits.</summary>
    public const uint Msplim = 10, Psplim = 11;

    /// <summary>Security Extension: the Non-secure registers as seen from Secure state.</summary>
    public const uint MspNs = 0x88, PspNs = 0x89, MsplimNs = 0x8A, PsplimNs = 0x8B, PrimaskNs = 0x90, BasepriNs = 0x91,
        FaultmaskNs = 0x93, ControlNs = 0x94, SpNs = 0x98;

    public static string Name(uint sysm) => sysm switch
    {
        Apsr => "apsr",
        Iapsr => "iapsr",
        Eapsr => "eapsr",
        Xpsr => "xpsr",
        Ipsr => "ipsr",
        Epsr => "epsr",
        Iepsr => "iepsr",
        Msp => "msp",
        Psp => "psp",
        Msplim => "msplim",
        Psplim => "psplim",
        Primask => "primask",
        Basepri => "basepri",
        BasepriMax => "basepri_max",
        Faultmask => "faultmask",
        Control => "control",
        MspNs => "msp_ns",
        PspNs => "psp_ns",
        MsplimNs => "msplim_ns",
        PsplimNs => "psplim_ns",
        PrimaskNs => "primask_ns",
        BasepriNs => "basepri_ns",
        FaultmaskNs => "faultmask_ns",
        ControlNs => "control_ns",
        SpNs => "sp_ns",
        _ => "#" + sysm,
    };
}
