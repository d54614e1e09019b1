// Architecture features an encoding needs (Armv7-M ARM A5.1: "ARMv6-M" and "ARMv7-M" columns of the encoding
// tables; the DSP extension of ARMv7E-M, and the FP extension as later table lines).
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

    /// <summary>Floating-point extension (not yet implemented: coprocessor space raises NOCP).</summary>
    Fp = 1 << 3,
}
