// FPv5-D16 double-precision forms for the m7 variant (ARMv7-M ARM A7.7 with the FPv5 additions of the
// Cortex-M7; operands d0-d7, which alias s0-s15, so the harness's s0-s15 input words and "sK=" result fields
// carry them: d<n> is s<2n> (low word) and s<2n+1> (high word); d8-d15 are callee-saved and never touched):
// arithmetic, chained and fused multiply-accumulate, VSQRT/VABS/VNEG/VMOV, VCVT/VCVTR to s32/u32, from s32/u32,
// fixed-point, f32<->f64 and f16<->f64 conversions, VCMP/VCMPE (+ #0) with VMRS APSR_nzcv, and the core<->D
// register moves (two core registers, scalar halves, two singles) and VMOV immediate. Initial d0-d7 mix double
// special values (±0, ±inf, quiet and signalling NaNs, denormals, integer and float/half range boundaries) with
// pairs of single-precision values. Excluded: VMOV Rt, Rt2, Dm with Rt == Rt2 (UNPREDICTABLE), VLDR/VSTR/VLDM
// (memory forms are covered by the integer groups).
using System.Globalization;

namespace Nemu.Boards.Tests.Differential;

/// <summary>Generators for double-precision FP forms and interesting double operand values.</summary>
public static class DoubleForms
{
    private static readonly ulong[] Specials =
    [
        0x0000_0000_0000_0000, 0x8000_0000_0000_0000, 0x7FF0_0000_0000_0000, 0xFFF0_0000_0000_0000,
        0x7FF8_0000_0000_0000, 0x7FF0_0000_0000_0001, 0xFFF8_0000_0000_0001, 0x7FF7_FFFF_FFFF_FFFF,
        0x0000_0000_0000_0001, 0x800F_FFFF_FFFF_FFFF, 0x0010_0000_0000_0000, 0x8010_0000_0000_0000,
        0x7FEF_FFFF_FFFF_FFFF, 0x3FF0_0000_0000_0000, 0xBFF0_0000_0000_0000, 0x3FE0_0000_0000_0000,
        0xBFE0_0000_0000_0000, 0x3FF8_0000_0000_0000, 0x4004_0000_0000_0000, 0xC004_0000_0000_0000,
        0x41E0_0000_0000_0000, 0xC1E0_0000_0000_0000, 0x41F0_0000_0000_0000, 0x41DF_FFFF_FFC0_0000,
        0x41DF_FFFF_FFE0_0000, 0xC1E0_0000_0020_0000, 0xC1E0_0000_0010_0000, 0x41EF_FFFF_FFF0_0000,
        0x41EF_FFFF_FFE0_0000, 0x47EF_FFFF_E000_0000, 0x47EF_FFFF_F000_0000, 0x36A0_0000_0000_0000,
        0x3690_0000_0000_0000, 0x3810_0000_0000_0000, 0x380F_FFFF_F000_0000, 0x40EF_FC00_0000_0000,
        0x40EF_FE00_0000_0000, 0x3E70_0000_0000_0000, 0x3E60_0000_0000_0000, 0x3F10_0000_0000_0000,
        0x3FD5_5555_5555_5555, 0x3FB9_9999_9999_999A, 0x4330_0000_0000_0000, 0x4330_0000_0000_0001,
    ];

    private static readonly string[] BinaryOps = ["vadd", "vsub", "vmul", "vdiv", "vnmul"];
    private static readonly string[] AccumulateOps = ["vmla", "vmls", "vnmla", "vnmls", "vfma", "vfms", "vfnma", "vfnms"];
    private static readonly string[] UnaryOps = ["vsqrt", "vabs", "vneg", "vmov"];
    private static readonly string[] ToInteger = ["vcvt.s32.f64", "vcvt.u32.f64", "vcvtr.s32.f64", "vcvtr.u32.f64"];
    private static readonly string[] Immediates = ["1.0", "0.5", "2.0", "-1.5", "31.0", "0.125", "-0.1875", "10.0"];
    private static readonly int[] Divisors = [1, 2, 3, 4];

    public static ulong Value(DeterministicRandom rng) => rng.Below(5) switch
    {
        0 or 1 => rng.Pick(Specials),
        2 => BitConverter.DoubleToUInt64Bits(rng.Between(-1000, 1000) / (double)rng.Pick(Divisors)),
        3 => ((ulong)rng.Between(880, 1160) << 52) | (rng.Next64() & 0x800F_FFFF_FFFF_FFFF),
        _ => rng.Next64(),
    };

    /// <summary>Initial s0-s15 of an m7 case: each of d0-d7 is a double value (60 %) or two single values.</summary>
    public static void Initialise(DeterministicRandom rng, CaseState state)
    {
        for (var d = 0; d < CaseState.FpRegisters / 2; d++)
        {
            if (rng.Chance(60))
            {
                var value = Value(rng);
                state.S[2 * d] = (uint)value;
                state.S[(2 * d) + 1] = (uint)(value >> 32);
            }
            else
            {
                state.S[2 * d] = FloatForms.Value(rng);
                state.S[(2 * d) + 1] = FloatForms.Value(rng);
            }
        }
    }

    public static string D(FormContext c) => "d" + c.Rng.Below(CaseState.FpRegisters / 2).ToString(CultureInfo.InvariantCulture);

    public static string S(FormContext c) => "s" + c.Rng.Below(CaseState.FpRegisters).ToString(CultureInfo.InvariantCulture);

    /// <summary>"vcvt.s32.f64" with the IT condition after the mnemonic ("vcvteq.s32.f64").</summary>
    public static string Conditional(FormContext c, string mnemonic)
    {
        var dot = mnemonic.IndexOf('.', StringComparison.Ordinal);
        return c.Op(mnemonic[..dot]) + mnemonic[dot..];
    }

    /// <summary>One double-precision form; compares come with the VMRS that copies the result flags to APSR.</summary>
    public static IEnumerable<string> Next(FormContext c)
    {
        var rng = c.Rng;
        switch (rng.Below(12))
        {
            case 0:
            case 1:
                yield return $"{c.Op(rng.Pick(BinaryOps))}.f64 {D(c)}, {D(c)}, {D(c)}";
                break;
            case 2:
                yield return $"{c.Op(rng.Pick(AccumulateOps))}.f64 {D(c)}, {D(c)}, {D(c)}";
                break;
            case 3:
                yield return $"{c.Op(rng.Pick(UnaryOps))}.f64 {D(c)}, {D(c)}";
                break;
            case 4:
                yield return $"{Conditional(c, rng.Pick(ToInteger))} {S(c)}, {D(c)}";
                break;
            case 5:
                yield return $"{c.Op("vcvt")}.f64.{(rng.Chance(50) ? "s32" : "u32")} {D(c)}, {S(c)}";
                break;
            case 6:
                var dd = D(c);
                var type = rng.Pick(["s16", "u16", "s32", "u32"]);
                var bits = rng.Between(1, type.EndsWith("16", StringComparison.Ordinal) ? 16 : 32);
                yield return rng.Chance(50)
                    ? $"{c.Op("vcvt")}.{type}.f64 {dd}, {dd}, {FormContext.Dec(bits)}"
                    : $"{c.Op("vcvt")}.f64.{type} {dd}, {dd}, {FormContext.Dec(bits)}";
                break;
            case 7:
                yield return rng.Chance(50) ? $"{c.Op("vcvt")}.f32.f64 {S(c)}, {D(c)}" : $"{c.Op("vcvt")}.f64.f32 {D(c)}, {S(c)}";
                break;
            case 8:
                yield return HalfConversion(c);
                break;
            case 9:
                var compare = rng.Chance(50) ? "vcmp" : "vcmpe";
                yield return rng.Chance(75) ? $"{c.Op(compare)}.f64 {D(c)}, {D(c)}" : $"{c.Op(compare)}.f64 {D(c)}, #0";
                yield return $"{c.Op("vmrs")} APSR_nzcv, fpscr";
                break;
            default:
                yield return Move(c);
                break;
        }
    }

    /// <summary>VCVTB/VCVTT between half precision (bottom or top half of an S register) and double precision.</summary>
    public static string HalfConversion(FormContext c)
    {
        var bottomOrTop = c.Rng.Chance(50) ? "vcvtb" : "vcvtt";
        return c.Rng.Chance(50) ? $"{c.Op(bottomOrTop)}.f16.f64 {S(c)}, {D(c)}" : $"{c.Op(bottomOrTop)}.f64.f16 {D(c)}, {S(c)}";
    }

    private static string Index(int n) => n.ToString(CultureInfo.InvariantCulture);

    private static string Move(FormContext c)
    {
        var rng = c.Rng;
        switch (rng.Below(6))
        {
            case 0:
                return $"{c.Op("vmov")} {D(c)}, {c.Src()}, {c.Src()}";
            case 1:
                var (low, high) = c.DstPair();
                return $"{c.Op("vmov")} {low}, {high}, {D(c)}";
            case 2:
                return $"{c.Op("vmov")}.32 {D(c)}[{Index(rng.Below(2))}], {c.Src()}";
            case 3:
                return $"{c.Op("vmov")}.32 {c.Dst()}, {D(c)}[{Index(rng.Below(2))}]";
            case 4:
                var first = rng.Below(CaseState.FpRegisters - 1);
                var pair = $"s{Index(first)}, s{Index(first + 1)}";
                if (rng.Chance(50))
                {
                    return $"{c.Op("vmov")} {pair}, {c.Src()}, {c.Src()}";
                }

                var (rt, rt2) = c.DstPair();
                return $"{c.Op("vmov")} {rt}, {rt2}, {pair}";
            default:
                return $"{c.Op("vmov")}.f64 {D(c)}, #{rng.Pick(Immediates)}";
        }
    }
}
