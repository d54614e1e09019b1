// What an instruction form needs while a case is generated: the random source, the variant, the case's
// initial state (forms may bias it, e.g. a zero divisor) and the registers it must not write (a memory
// case's base and index, whose values the generator tracks to keep every access inside the scratch buffer).
using System.Globalization;

namespace Nemu.Boards.Tests.Differential;

/// <summary>Generation context shared by the instruction forms of one case.</summary>
public sealed class FormContext(DeterministicRandom rng, Variant variant, CaseState state)
{
    public DeterministicRandom Rng { get; } = rng;
    public Variant Variant { get; } = variant;
    public CaseState State { get; } = state;

    /// <summary>Condition suffix inside an IT block ("" outside).</summary>
    public string Cond { get; set; } = string.Empty;

    public HashSet<int> Reserved { get; } = [];

    public bool InItBlock => Cond.Length != 0;

    /// <summary>Any of r0-r12: SP, LR and PC are never operands (UNPREDICTABLE or owned by the harness).</summary>
    public string Src() => R(Rng.Below(13));

    /// <summary>A register in r0-r12 that may be written.</summary>
    public string Dst() => R(DstIndex(13));

    public string LowSrc() => R(Rng.Below(8));

    public string LowDst() => R(DstIndex(8));

    public int DstIndex(int limit)
    {
        while (true)
        {
            var r = Rng.Below(limit);
            if (!Reserved.Contains(r))
            {
                return r;
            }
        }
    }

    /// <summary>Two different writable registers (RdLo/RdHi, Rt/Rt2: equal ones are UNPREDICTABLE).</summary>
    public (string, string) DstPair()
    {
        var a = DstIndex(13);
        int b;
        do
        {
            b = DstIndex(13);
        }
        while (b == a);
        return (R(a), R(b));
    }

    public static string R(int n) => "r" + n.ToString(CultureInfo.InvariantCulture);

    /// <summary>Mnemonic with optional S and the IT condition, in unified syntax order (e.g. "addseq").</summary>
    public string Op(string mnemonic, bool setFlags = false) => mnemonic + (setFlags ? "s" : string.Empty) + Cond;

    public static string Hex(uint value) => "#0x" + value.ToString("x", CultureInfo.InvariantCulture);

    public static string Dec(int value) => "#" + value.ToString(CultureInfo.InvariantCulture);
}
