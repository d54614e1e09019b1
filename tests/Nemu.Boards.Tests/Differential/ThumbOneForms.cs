// ARMv6-M integer forms (ARMv6-M ARM A6.7): the 16-bit data-processing encodings, which set flags outside
// an IT block (ARMv6-M has none), on r0-r7, plus the high-register ADD/MOV/CMP forms (T2 encodings, no SP
// or PC). MULS needs Rd == Rm in its only encoding.
namespace Nemu.Boards.Tests.Differential;

/// <summary>Generators for ARMv6-M integer forms.</summary>
public static class ThumbOneForms
{
    private static readonly string[] TwoRegisterOps = ["ands", "orrs", "eors", "bics", "adcs", "sbcs", "mvns", "lsls", "lsrs", "asrs", "rors"];
    private static readonly string[] BitOps = ["rev", "rev16", "revsh", "sxtb", "sxth", "uxtb", "uxth"];

    public static string Alu(FormContext c)
    {
        var rng = c.Rng;
        switch (rng.Below(12))
        {
            case 0:
                return $"{(rng.Chance(50) ? "adds" : "subs")} {c.LowDst()}, {c.LowSrc()}, {c.LowSrc()}";
            case 1:
                return $"{(rng.Chance(50) ? "adds" : "subs")} {c.LowDst()}, {c.LowSrc()}, {FormContext.Dec(rng.Below(8))}";
            case 2:
                var rdn = c.LowDst();
                return $"{(rng.Chance(50) ? "adds" : "subs")} {rdn}, {rdn}, {FormContext.Dec(rng.Below(256))}";
            case 3:
            case 4:
                var rd = c.LowDst();
                var op2 = rng.Pick(TwoRegisterOps);
                return op2 == "mvns" ? $"mvns {rd}, {c.LowSrc()}" : $"{op2} {rd}, {rd}, {c.LowSrc()}";
            case 5:
                return $"rsbs {c.LowDst()}, {c.LowSrc()}, #0";
            case 6:
                var shift = rng.Pick(["lsls", "lsrs", "asrs"]);
                var amount = shift == "lsls" ? rng.Below(32) : rng.Between(1, 32);
                return $"{shift} {c.LowDst()}, {c.LowSrc()}, {FormContext.Dec(amount)}";
            case 7:
                return rng.Below(3) switch
                {
                    0 => $"cmp {c.LowSrc()}, {FormContext.Dec(rng.Below(256))}",
                    1 => $"cmp {c.Src()}, {c.Src()}",
                    _ => $"{(rng.Chance(50) ? "cmn" : "tst")} {c.LowSrc()}, {c.LowSrc()}",
                };
            case 8:
                return rng.Chance(50) ? $"movs {c.LowDst()}, {FormContext.Dec(rng.Below(256))}" : $"movs {c.LowDst()}, {c.LowSrc()}";
            case 9:
                // ADD/MOV (register) T2: at least one high register, flags untouched.
                var high = FormContext.R(rng.Between(8, 12));
                return rng.Chance(50) ? $"{(rng.Chance(50) ? "add" : "mov")} {high}, {c.Src()}" : $"{(rng.Chance(50) ? "add" : "mov")} {c.LowDst()}, {FormContext.R(rng.Between(8, 12))}";
            case 10:
                var product = c.LowDst();
                return $"muls {product}, {c.LowSrc()}, {product}";
            default:
                return $"{rng.Pick(BitOps)} {c.LowDst()}, {c.LowSrc()}";
        }
    }
}
