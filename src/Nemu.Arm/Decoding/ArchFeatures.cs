// Architecture features an encoding needs (Armv7-M ARM A5.1: "ARMv6-M" and "ARMv7-M" columns of the encoding
// tables; the DSP extension of ARMv7E-M and the FP extension as later table lines). An encoding needs ALL of its
// features (an FPv5 double-precision line needs FpV5 | FpDouble).
namespace Nemu.Arm.Decoding;

/// <summary>The architecture feature an encoding requires; a CPU model implements a set of them.</summary>
[Flags]
public enum ArchFeatures : byte
{
    None = 0,

    /// <summary>ARMv6-M baseline (every M-profile core).</summary>
    V6M = 1 << 0,

    /// <summary>The ARMv7-M Main Extension (Thumb-2 data processing, CBZ, IT, divide, ...).</summary>
    V7M = 1 << 1,

    /// <summary>ARMv7E-M DSP extension (the table lines marked Dsp).</summary>
    Dsp = 1 << 2,

    /// <summary>Floating-point extension, single precision (FPv4-SP and later), with the D-register transfers.</summary>
    Fp = 1 << 3,

    /// <summary>Double-precision arithmetic (FPv5-D16 of Cortex-M7).</summary>
    FpDouble = 1 << 4,

    /// <summary>The FPv5 additions: VSEL, VMAXNM/VMINNM, VRINT*, VCVTA/N/P/M, half-precision to/from double.</summary>
    FpV5 = 1 << 5,

    /// <summary>The ARMv8-M Main Extension additions (TT, load-acquire/store-release, MSPLIM/PSPLIM).</summary>
    V8M = 1 << 6,

    /// <summary>The ARMv8-M Security Extension (SG, BXNS, BLXNS, TTA, VLSTM/VLLDM, the *_NS registers).</summary>
    SecExt = 1 << 7,
}
