// The three binary interchange formats of the FP extension (Armv7-M ARM A2.5.1): half (with the Arm alternative
// half-precision variant, A2.5.4), single and double, described by exponent and fraction widths so that one
// software implementation (FpCore) serves all of them.
namespace Nemu.Arm.Fp;

/// <summary>An IEEE 754 binary format: E exponent bits, F fraction bits, N = 1 + E + F total.</summary>
public readonly record struct FpFormat(int E, int F)
{
    public static readonly FpFormat Half = new(5, 10);
    public static readonly FpFormat Single = new(8, 23);
    public static readonly FpFormat Double = new(11, 52);

    /// <summary>Total width in bits.</summary>
    public int N => 1 + E + F;

    public int Bias => (1 << (E - 1)) - 1;

    /// <summary>The exponent of the smallest normal number (1 - bias).</summary>
    public int Emin => 1 - Bias;

    public ulong FracMask => (1ul << F) - 1;

    public ulong ExpMax => (1ul << E) - 1;

    public ulong SignBit => 1ul << (N - 1);

    public ulong QuietBit => 1ul << (F - 1);

    /// <summary>FPDefaultNaN: positive, quiet, zero payload.</summary>
    public ulong DefaultNaN => (ExpMax << F) | QuietBit;

    public ulong Infinity(bool sign) => (sign ? SignBit : 0) | (ExpMax << F);

    public ulong Zero(bool sign) => sign ? SignBit : 0;

    /// <summary>FPMaxNormal.</summary>
    public ulong MaxNormal(bool sign) => (sign ? SignBit : 0) | ((ExpMax - 1) << F) | FracMask;
}
