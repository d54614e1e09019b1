// Rounding modes of the Arm pseudocode FPRounding (Armv7-M ARM A2.5.3 RMode encoding, plus the FPv5 TIEAWAY
// used by VRINTA/VCVTA). The first four values equal the FPSCR.RMode encoding.
namespace Nemu.Arm.Fp;

/// <summary>An IEEE 754 rounding direction.</summary>
public enum FpRounding : byte
{
    /// <summary>Round to Nearest, ties to even (RN).</summary>
    TieEven = 0,

    /// <summary>Round towards Plus Infinity (RP).</summary>
    PosInf = 1,

    /// <summary>Round towards Minus Infinity (RM).</summary>
    NegInf = 2,

    /// <summary>Round towards Zero (RZ).</summary>
    Zero = 3,

    /// <summary>Round to Nearest, ties away from zero (FPv5 VRINTA/VCVTA only).</summary>
    TieAway = 4,
}
