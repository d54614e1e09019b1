// FPSCR bit layout of the ARMv7-M floating-point extension (Armv7-M ARM A2.5.3 "Floating-point Status and Control
// Register"): the NZCV condition flags written by VCMP, the AHP/DN/FZ/RMode controls and the cumulative exception
// flags set by FPProcessException (A2.5.9). Not modelled: exception trapping (M-profile has no trap enables).
namespace Nemu.Arm.Fp;

/// <summary>FPSCR fields as bit masks, plus helpers to read the control fields.</summary>
public static class FpscrFlags
{
    /// <summary>Invalid Operation cumulative flag.</summary>
    public const uint Ioc = 1u << 0;

    /// <summary>Division by Zero cumulative flag.</summary>
    public const uint Dzc = 1u << 1;

    /// <summary>Overflow cumulative flag.</summary>
    public const uint Ofc = 1u << 2;

    /// <summary>Underflow cumulative flag.</summary>
    public const uint Ufc = 1u << 3;

    /// <summary>Inexact cumulative flag.</summary>
    public const uint Ixc = 1u << 4;

    /// <summary>Input Denormal cumulative flag (an input was flushed to zero).</summary>
    public const uint Idc = 1u << 7;

    /// <summary>RMode, bits [23:22].</summary>
    public const int RModeShift = 22;

    /// <summary>Flush-to-zero mode.</summary>
    public const uint Fz = 1u << 24;

    /// <summary>Default NaN mode.</summary>
    public const uint Dn = 1u << 25;

    /// <summary>Alternative half-precision format.</summary>
    public const uint Ahp = 1u << 26;

    /// <summary>The N, Z, C, V flags, bits [31:28].</summary>
    public const uint Nzcv = 0xF000_0000;

    /// <summary>Every bit that exists on ARMv7-M (the rest is reserved, RAZ/WI as QEMU keeps it).</summary>
    public const uint WritableMask = 0xF7C0_009F;

    /// <summary>FPDSCR: only AHP, DN, FZ and RMode exist.</summary>
    public const uint DefaultMask = 0x07C0_0000;

    /// <summary>The rounding mode of FPSCR.RMode.</summary>
    public static FpRounding Rounding(uint fpscr) => (FpRounding)((fpscr >> RModeShift) & 3);
}
