// ARMv7E-M DSP extension forms (ARMv7-M ARM A7.7, the instructions marked "ARMv7E-M"): saturating
// arithmetic QADD/QSUB/QDADD/QDSUB and SSAT16/USAT16 (set Q), parallel add/subtract in all six prefixes
// (signed, saturating, halving; set or use GE), SEL, USAD8/USADA8, the halfword and dual multiplies, SMMUL/SMMLA,
// PKHBT/PKHTB, UMAAL and the extend-and-add forms.
namespace Nemu.Boards.Tests.Differential;

/// <summary>Generators for ARMv7E-M DSP forms.</summary>
public static class DspForms
{
    private static readonly string[] ParallelPrefixes = ["s", "q", "sh", "u", "uq", "uh"];
    private static readonly string[] ParallelOps = ["add16", "asx", "sax", "sub16", "add8", "sub8"];
    private static readonly string[] SaturatingOps = ["qadd", "qsub", "qdadd", "qdsub"];
    private static readonly string[] Halves = ["bb", "bt", "tb", "tt"];
    private static readonly string[] DualOps = ["smuad", "smuadx", "smusd", "smusdx"];
    private static readonly string[] DualAccOps = ["smlad", "smladx", "smlsd", "smlsdx"];
    private static readonly string[] DualLongOps = ["smlald", "smlaldx", "smlsld", "smlsldx"];
    private static readonly string[] MostSignificantOps = ["smmla", "smmlar", "smmls", "smmlsr"];
    private static readonly string[] ExtendAddOps = ["sxtab", "sxtah", "uxtab", "uxtah", "sxtab16", "uxtab16"];

    public static string Saturating(FormContext c)
    {
        var rng = c.Rng;
        return rng.Below(3) switch
        {
            0 => $"{c.Op("ssat16")} {c.Dst()}, {FormContext.Dec(rng.Between(1, 16))}, {c.Src()}",
            1 => $"{c.Op("usat16")} {c.Dst()}, {FormContext.Dec(rng.Between(0, 15))}, {c.Src()}",
            _ => $"{c.Op(rng.Pick(SaturatingOps))} {c.Dst()}, {c.Src()}, {c.Src()}",
        };
    }

    public static string Simd(FormContext c)
    {
        var rng = c.Rng;
        switch (rng.Below(8))
        {
            case < 4:
                return $"{c.Op(rng.Pick(ParallelPrefixes) + rng.Pick(ParallelOps))} {c.Dst()}, {c.Src()}, {c.Src()}";
            case 4:
                return $"{c.Op("sel")} {c.Dst()}, {c.Src()}, {c.Src()}";
            case 5:
                return rng.Chance(50)
                    ? $"{c.Op("usad8")} {c.Dst()}, {c.Src()}, {c.Src()}"
                    : $"{c.Op("usada8")} {c.Dst()}, {c.Src()}, {c.Src()}, {c.Src()}";
            case 6:
                var rotate = rng.Below(4) == 0 ? string.Empty : ", ror " + FormContext.Dec(8 * rng.Between(1, 3));
                return rng.Chance(70)
                    ? $"{c.Op(rng.Pick(ExtendAddOps))} {c.Dst()}, {c.Src()}, {c.Src()}{rotate}"
                    : $"{c.Op(rng.Chance(50) ? "sxtb16" : "uxtb16")} {c.Dst()}, {c.Src()}{rotate}";
            default:
                return rng.Chance(50)
                    ? $"{c.Op("pkhbt")} {c.Dst()}, {c.Src()}, {c.Src()}, lsl {FormContext.Dec(rng.Between(0, 31))}"
                    : $"{c.Op("pkhtb")} {c.Dst()}, {c.Src()}, {c.Src()}, asr {FormContext.Dec(rng.Between(1, 32))}";
        }
    }

    public static string Multiply(FormContext c)
    {
        var rng = c.Rng;
        switch (rng.Below(9))
        {
            case 0:
                return $"{c.Op("smul" + rng.Pick(Halves))} {c.Dst()}, {c.Src()}, {c.Src()}";
            case 1:
                return $"{c.Op("smla" + rng.Pick(Halves))} {c.Dst()}, {c.Src()}, {c.Src()}, {c.Src()}";
            case 2:
                return rng.Chance(50)
                    ? $"{c.Op("smulw" + (rng.Chance(50) ? "b" : "t"))} {c.Dst()}, {c.Src()}, {c.Src()}"
                    : $"{c.Op("smlaw" + (rng.Chance(50) ? "b" : "t"))} {c.Dst()}, {c.Src()}, {c.Src()}, {c.Src()}";
            case 3:
                return $"{c.Op(rng.Pick(DualOps))} {c.Dst()}, {c.Src()}, {c.Src()}";
            case 4:
                return $"{c.Op(rng.Pick(DualAccOps))} {c.Dst()}, {c.Src()}, {c.Src()}, {c.Src()}";
            case 5:
                var (lo, hi) = c.DstPair();
                return $"{c.Op(rng.Pick(DualLongOps))} {lo}, {hi}, {c.Src()}, {c.Src()}";
            case 6:
                var (lo2, hi2) = c.DstPair();
                return $"{c.Op(rng.Chance(50) ? "smlal" + rng.Pick(Halves) : "umaal")} {lo2}, {hi2}, {c.Src()}, {c.Src()}";
            case 7:
                return $"{c.Op(rng.Chance(50) ? "smmul" : "smmulr")} {c.Dst()}, {c.Src()}, {c.Src()}";
            default:
                return $"{c.Op(rng.Pick(MostSignificantOps))} {c.Dst()}, {c.Src()}, {c.Src()}, {c.Src()}";
        }
    }
}
