// The FPv5 additions of the Cortex-M7 (ARMv7-M ARM A7.7 as extended for FPv5, ARMv8-M ARM C2.4 for their
// definitions), in single and double precision (s0-s15 / d0-d7): VSEL<cc> (EQ, GE, GT, VS on the random APSR
// flags), VMAXNM/VMINNM (a quiet NaN loses to a number), VRINTA/N/P/M (directed, no Inexact), VRINTR/X/Z
// (FPSCR rounding / Inexact / toward zero), VCVTA/N/P/M to s32/u32 (directed rounding), VCVT f32<->f64 and
// VCVTB/VCVTT f16<->f64. VSEL, VMAXNM/VMINNM, VRINTA/N/P/M and VCVTA/N/P/M have no condition field (they are
// never inside the IT group's blocks).
namespace Nemu.Boards.Tests.Differential;

/// <summary>Generators for the FPv5 instruction forms.</summary>
public static class Fpv5Forms
{
    private static readonly string[] SelectConditions = ["eq", "ge", "gt", "vs"];
    private static readonly string[] Directions = ["a", "n", "p", "m"];
    private static readonly string[] FpscrRoundings = ["r", "x", "z"];

    public static string Next(FormContext c)
    {
        var rng = c.Rng;
        var dp = rng.Chance(50);
        var t = dp ? ".f64" : ".f32";
        string F() => dp ? DoubleForms.D(c) : DoubleForms.S(c);
        return rng.Below(8) switch
        {
            0 => $"vsel{rng.Pick(SelectConditions)}{t} {F()}, {F()}, {F()}",
            1 => $"{(rng.Chance(50) ? "vmaxnm" : "vminnm")}{t} {F()}, {F()}, {F()}",
            2 => $"vrint{rng.Pick(Directions)}{t} {F()}, {F()}",
            3 => $"{c.Op("vrint" + rng.Pick(FpscrRoundings))}{t} {F()}, {F()}",
            4 or 5 => $"vcvt{rng.Pick(Directions)}.{(rng.Chance(50) ? "s32" : "u32")}{t} {DoubleForms.S(c)}, {F()}",
            6 => rng.Chance(50) ? $"{c.Op("vcvt")}.f32.f64 {DoubleForms.S(c)}, {DoubleForms.D(c)}" : $"{c.Op("vcvt")}.f64.f32 {DoubleForms.D(c)}, {DoubleForms.S(c)}",
            _ => DoubleForms.HalfConversion(c),
        };
    }
}
