// SYSm numbers of MRS/MSR (Armv7-M ARM B5.1.1; mprofile.md §4.7).
namespace Nemu.Arm.Decoding;

/// <summary>Special register numbers (SYSm) and their names.</summary>
public static class SpecialRegisters
{
    public const uint Apsr = 0, Iapsr = 1, Eapsr = 2, Xpsr = 3, Ipsr = 5, Epsr = 6, Iepsr = 7;
    public const uint Msp = 8, Psp = 9, Primask = 16, Basepri = 17, BasepriMax = 18, Faultmask = 19, Control = 20;

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
        Primask => "primask",
        Basepri => "basepri",
        BasepriMax => "basepri_max",
        Faultmask => "faultmask",
        Control => "control",
        _ => "#" + sysm,
    };
}
