namespace Nemu.Cli.Tests.Virt;

/// <summary>
/// Splits QEMU-format <c>info mtree</c> and <c>info mtree -f</c> text into what parity compares: for each address
/// space name, the bodies of its blocks (FlatView numbers, block order and the grouping of address spaces into
/// blocks differ between runs and emulators, pci.md §1.8 and docs/deviations.md "info mtree block order"). Several
/// address spaces may share a name (one per PCI function, named after its type), so a name maps to a sorted list.
/// </summary>
internal static class MonitorSections
{
    /// <summary><c>info mtree -f</c>: AS name → the rendered ranges (with the root line) of each of its FlatViews.</summary>
    public static SortedDictionary<string, List<string>> FlatViews(string text) =>
        Group(text, " AS \"", line => line[5..line.IndexOf('"', 5)], line => line.StartsWith("FlatView #", StringComparison.Ordinal));

    /// <summary><c>info mtree</c>: "as:NAME" for address spaces and "mr:NAME" for alias-target sections → their trees.</summary>
    public static SortedDictionary<string, List<string>> Trees(string text)
    {
        var result = Group(text, "address-space: ", line => "as:" + line["address-space: ".Length..], _ => false);
        foreach (var (key, bodies) in Group(text, "memory-region: ", line => "mr:" + line["memory-region: ".Length..], _ => false))
        {
            result[key] = bodies;
        }

        return result;
    }

    /// <summary>Lines of <paramref name="text"/> without a trailing empty line, with \n line ends.</summary>
    public static string[] Lines(string text) =>
        text.Replace("\r\n", "\n", StringComparison.Ordinal).TrimEnd('\n').Split('\n');

    /// <summary>Equal keys, then per key the same multiset of bodies; the message names the first difference.</summary>
    public static void AssertSame(SortedDictionary<string, List<string>> expected, SortedDictionary<string, List<string>> actual, string what)
    {
        Assert.Equal(expected.Keys, actual.Keys);
        foreach (var (key, bodies) in expected)
        {
            var mine = actual[key];
            Assert.True(bodies.Count == mine.Count, $"{what}: '{key}' appears {mine.Count} times, QEMU {bodies.Count}");
            for (var i = 0; i < bodies.Count; i++)
            {
                if (bodies[i] != mine[i])
                {
                    Assert.Fail($"{what}: '{key}' differs.\n--- QEMU\n{bodies[i]}\n--- Nemu\n{mine[i]}");
                }
            }
        }
    }

    private static SortedDictionary<string, List<string>> Group(string text, string headerPrefix, Func<string, string> key, Func<string, bool> skip)
    {
        var result = new SortedDictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var block in Blocks(text))
        {
            var keys = new List<string>();
            var body = new List<string>();
            foreach (var line in block)
            {
                if (line.StartsWith(headerPrefix, StringComparison.Ordinal))
                {
                    keys.Add(key(line));
                }
                else if (!skip(line))
                {
                    body.Add(line);
                }
            }

            foreach (var k in keys)
            {
                if (!result.TryGetValue(k, out var list))
                {
                    result[k] = list = [];
                }

                list.Add(string.Join('\n', body));
            }
        }

        foreach (var list in result.Values)
        {
            list.Sort(StringComparer.Ordinal);
        }

        return result;
    }

    private static IEnumerable<List<string>> Blocks(string text)
    {
        var block = new List<string>();
        foreach (var line in Lines(text))
        {
            if (line.Length == 0)
            {
                if (block.Count > 0)
                {
                    yield return block;
                }

                block = [];
            }
            else
            {
                block.Add(line);
            }
        }

        if (block.Count > 0)
        {
            yield return block;
        }
    }
}
