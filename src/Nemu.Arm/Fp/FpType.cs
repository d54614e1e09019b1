// The operand classes of the Arm pseudocode FPUnpack (Armv7-M ARM A2.5.9 "FPType").
namespace Nemu.Arm.Fp;

/// <summary>What FPUnpack found in an operand.</summary>
public enum FpType : byte
{
    Zero,
    Nonzero,
    Infinity,
    QNaN,
    SNaN,
}
