// An unpacked FP operand (Armv7-M ARM A2.5.9 FPUnpack result): class, sign and, for finite nonzero numbers, the
// exact value as Mant * 2^Exp with an integer significand (normals carry the implicit bit).
namespace Nemu.Arm.Fp;

/// <summary>An FPUnpack result; plain stack data.</summary>
public readonly record struct FpValue(FpType Type, bool Sign, ulong Mant, int Exp, ulong Raw)
{
    public bool IsNaN => Type is FpType.QNaN or FpType.SNaN;

    public bool IsZero => Type == FpType.Zero;

    public bool IsInfinity => Type == FpType.Infinity;
}
