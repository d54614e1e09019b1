// One result line printed by the differential harness (tests/firmware/diff/harness.h):
// "case N: [rK=x ...] apsr=x [mK=x ...] [sK=x ...] [fpscr=x]" — registers and scratch words that differ
// from the input, APSR and FPSCR always. Parsing it lets a mismatch name each wrong field.
using System.Globalization;

namespace Nemu.Boards.Tests.Differential;

/// <summary>A parsed harness result line.</summary>
public sealed record CaseLine(int Index, IReadOnlyDictionary<string, uint> Fields, string Text)
{
    public static CaseLine Parse(string text)
    {
        var colon = text.IndexOf(':', StringComparison.Ordinal);
        if (!text.StartsWith("case ", StringComparison.Ordinal) || colon < 0)
        {
            throw new FormatException("not a harness result line: " + text);
        }

        var index = int.Parse(text.AsSpan(5, colon - 5), CultureInfo.InvariantCulture);
        var fields = new Dictionary<string, uint>();
        foreach (var field in text[(colon + 1)..].Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var eq = field.IndexOf('=', StringComparison.Ordinal);
            fields[field[..eq]] = uint.Parse(field.AsSpan(eq + 1), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
        }

        return new CaseLine(index, fields, text);
    }

    /// <summary>Every field that differs, as "expected r3=0x..., got 0x..." (a field absent on one side is unchanged from the input).</summary>
    public static IReadOnlyList<string> Differences(CaseLine expected, CaseLine actual, CaseState input)
    {
        var differences = new List<string>();
        foreach (var name in expected.Fields.Keys.Union(actual.Fields.Keys).Order(StringComparer.Ordinal))
        {
            var want = expected.Fields.TryGetValue(name, out var e) ? e : InputValue(input, name);
            var got = actual.Fields.TryGetValue(name, out var a) ? a : InputValue(input, name);
            if (want != got)
            {
                differences.Add($"expected {name}=0x{want:x8}, got 0x{got:x8}");
            }
        }

        return differences;
    }

    private static uint InputValue(CaseState input, string name)
    {
        var number = name.Length > 1 && char.IsDigit(name[1]) ? int.Parse(name.AsSpan(1), CultureInfo.InvariantCulture) : -1;
        return name[0] switch
        {
            'r' when number >= 0 => input.R[number],
            'm' when number >= 0 => input.Scratch[number],
            's' when number >= 0 => input.S[number],
            _ => 0,
        };
    }
}
