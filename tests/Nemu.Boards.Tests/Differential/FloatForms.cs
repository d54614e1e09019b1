// FPv4-SP forms (ARMv7-M ARM A7.7, the VFP instructions; single precision only, s0-s15): arithmetic,
// multiply-accumulate (chained and fused), VSQRT/VABS/VNEG, every VCVT between float and 32-bit integer
// (round-to-zero and FPSCR-rounding "R" forms), fixed-point and half-precision conversions, VCMP/VCMPE
// followed by VMRS APSR_nzcv, and core<->FP moves. The initial FPSCR has random RMode, FZ, DN, AHP, NZCV
// and cumulative flags, so results cover every rounding mode with flush-to-zero and default-NaN on and off.
// Excluded: double precision (not in FPv4-SP), s16-s31 (callee-saved, kept by the harness), VLDR/VSTR/VLDM
// (memory forms are covered by the integer groups), VMSR (a random FPSCR write includes reserved bits).
using System.Globalization;

namespace Nemu.Boards.Tests.Differential;

/// <summary>Generators for single-precision FP forms and interesting FP operand values.</summary>
public static class FloatForms
{
    /// <summary>FPSCR bits that exist on ARMv7-M: NZCV, AHP, DN, FZ, RMode, IDC and the IXC..IOC flags.</summary>
    public const uint FpscrMask = 0xF7C0_009F;

    private static readonly uint[] Specials =
    [
        0x0000_0000, 0x8000_0000, 0x7F80_0000, 0xFF80_0000, 0x7FC0_0000, 0x7F80_0001, 0xFFC0_0001, 0x7FBF_FFFF,
        0x0000_0001, 0x807F_FFFF, 0x0080_0000, 0x8080_0000, 0x7F7F_FFFF, 0x3F80_0000, 0xBF80_0000, 0x3F00_0000,
        0x3FC0_0000, 0x4020_0000, 0xBFC0_0000, 0x4F00_0000, 0xCF00_0000, 0x4F80_0000, 0x4EFF_FFFF, 0xCF00_0001,
    ];

    private static readonly string[] BinaryOps = ["vadd", "vsub", "vmul", "vdiv", "vnmul"];
    private static readonly string[] AccumulateOps = ["vmla", "vmls", "vnmla", "vnmls", "vfma", "vfms", "vfnma", "vfnms"];
    private static readonly string[] UnaryOps = ["vsqrt", "vabs", "vneg", "vmov"];
    private static readonly string[] ToInteger = ["vcvt.s32.f32", "vcvt.u32.f32", "vcvtr.s32.f32", "vcvtr.u32.f32"];
    private static readonly string[] HalfConversions = ["vcvtb.f32.f16", "vcvtt.f32.f16", "vcvtb.f16.f32", "vcvtt.f16.f32"];
    private static readonly string[] Immediates = ["1.0", "0.5", "2.0", "-1.5", "31.0", "0.125", "-0.1875", "10.0"];

    public static uint Value(DeterministicRandom rng) => rng.Below(5) switch
    {
        0 or 1 => rng.Pick(Specials),
        2 => BitConverter.SingleToUInt32Bits(rng.Between(-1000, 1000) / (rng.Chance(50) ? 1f : 4f)),
        3 => ((uint)rng.Between(100, 160) << 23) | (rng.Next32() & 0x807F_FFFF),
        _ => rng.Next32(),
    };

    public static uint Fpscr(DeterministicRandom rng) => rng.Next32() & FpscrMask & (rng.Chance(40) ? 0xFFFF_FFFF : 0xF6C0_0000);

    /// <summary>"vcvt.s32.f32" with the IT condition after the mnemonic ("vcvteq.s32.f32").</summary>
    private static string Conditional(FormContext c, string mnemonic)
    {
        var dot = mnemonic.IndexOf('.', StringComparison.Ordinal);
        return c.Op(mnemonic[..dot]) + mnemonic[dot..];
    }

    private static string S(FormContext c) => "s" + c.Rng.Below(CaseState.FpRegisters).ToString(CultureInfo.InvariantCulture);

    /// <summary>One FP form; compares come with the VMRS that copies the result flags to APSR.</summary>
    public static IEnumerable<string> Next(FormContext c)
    {
        var rng = c.Rng;
        switch (rng.Below(10))
        {
            case 0:
            case 1:
                yield return $"{c.Op(rng.Pick(BinaryOps))}.f32 {S(c)}, {S(c)}, {S(c)}";
                break;
            case 2:
                yield return $"{c.Op(rng.Pick(AccumulateOps))}.f32 {S(c)}, {S(c)}, {S(c)}";
                break;
            case 3:
                yield return $"{c.Op(rng.Pick(UnaryOps))}.f32 {S(c)}, {S(c)}";
                break;
            case 4:
                var toInt = rng.Pick(ToInteger);
                yield return $"{Conditional(c, toInt)} {S(c)}, {S(c)}";
                break;
            case 5:
                yield return $"{c.Op("vcvt")}.f32.{(rng.Chance(50) ? "s32" : "u32")} {S(c)}, {S(c)}";
                break;
            case 6:
                var sd = S(c);
                var type = rng.Pick(["s16", "u16", "s32", "u32"]);
                var bits = rng.Between(1, type.EndsWith("16", StringComparison.Ordinal) ? 16 : 32);
                yield return rng.Chance(50)
                    ? $"{c.Op("vcvt")}.{type}.f32 {sd}, {sd}, {FormContext.Dec(bits)}"
                    : $"{c.Op("vcvt")}.f32.{type} {sd}, {sd}, {FormContext.Dec(bits)}";
                break;
            case 7:
                var half = rng.Pick(HalfConversions);
                yield return $"{Conditional(c, half)} {S(c)}, {S(c)}";
                break;
            case 8:
                var compare = rng.Chance(50) ? "vcmp" : "vcmpe";
                yield return rng.Chance(75) ? $"{c.Op(compare)}.f32 {S(c)}, {S(c)}" : $"{c.Op(compare)}.f32 {S(c)}, #0";
                yield return $"{c.Op("vmrs")} APSR_nzcv, fpscr";
                break;
            default:
                yield return rng.Below(4) switch
                {
                    0 => $"{c.Op("vmov")} {S(c)}, {c.Src()}",
                    1 => $"{c.Op("vmov")} {c.Dst()}, {S(c)}",
                    2 => $"{c.Op("vmrs")} {c.Dst()}, fpscr",
                    _ => $"{c.Op("vmov")}.f32 {S(c)}, #{rng.Pick(Immediates)}",
                };
                break;
        }
    }
}
