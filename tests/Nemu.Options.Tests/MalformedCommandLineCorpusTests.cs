using System.Text;
using Nemu.Options.CommandLine;

namespace Nemu.Options.Tests;

/// <summary>
/// Seeded random malformed command lines: the parser either succeeds or throws <see cref="OptionsException"/>
/// with a non-empty one-line message that names the offending option (its location) or value.
/// </summary>
public sealed class MalformedCommandLineCorpusTests
{
    private static readonly string[] Pieces =
    [
        ",", ",,", ",,,", "=", "==", "=x", "x=", "help", "?", "no", "on", "off", "0x", "0x1.8M", "16M", "1.5G", "-1",
        "99999999999999999999", "18446744073709551616", "1e3", "16E", "17E", "é", "\u00a0", "\u202e", "💥", "\0",
        "{", "}", "{\"a\":", "{\"driver\":{\"x\":[1,2,{}]}}", "[", "]", "\"", "'", "\\", "..", "a.b", "shift=", "shift=auto",
        "align=on", "sleep=off", "size=", "maxmem=1T", "slots=x", "type=", "driver=", "id=", "enable=", "target=gdb",
        "arg=", "trace:", "in_asm", "int", "guest_errors", "all", "cpus=", "tcg", "kvm", "thread=multi", "timestamp",
        "base=utc", "nodebug-threads", "x", "bogus", " ", "\t", "\n",
    ];

    [Fact]
    public void FiveThousandMutatedCommandLinesFailCleanly()
    {
        var rng = new Random(20261121);
        var names = OptionTable.All.Select(s => s.Name).Concat(["M", "help", "foo", "", "-"]).ToArray();
        var failures = 0;
        for (var n = 0; n < 5000; n++)
        {
            var args = new List<string>();
            var count = rng.Next(1, 6);
            for (var i = 0; i < count; i++)
            {
                var name = names[rng.Next(names.Length)];
                args.Add((rng.Next(4) == 0 ? "--" : "-") + name);
                if (rng.Next(8) != 0)
                {
                    args.Add(RandomArgument(rng));
                }
            }

            try
            {
                CommandLineParser.Parse(args);
            }
            catch (OptionsException ex)
            {
                failures++;
                Assert.False(string.IsNullOrWhiteSpace(ex.Message), Describe(args, ex));
                Assert.DoesNotContain('\n', ex.Message);
                Assert.DoesNotContain('\n', ex.FormatLine("nemu-system-arm"));

                // Every error names what it refers to: a location, or (for -smp) the parameter.
                Assert.True(ex.Location is not null || ex.Message.Contains("smp.", StringComparison.Ordinal), Describe(args, ex));
                if (ex.Location is not null)
                {
                    Assert.Contains(args, a => a.StartsWith('-') && ex.Location.StartsWith(OptionsException.OneLine(a), StringComparison.Ordinal));
                    Assert.StartsWith("-", ex.Location, StringComparison.Ordinal);
                }
            }
        }

        Assert.InRange(failures, 1000, 5000);
    }

    private static string RandomArgument(Random rng)
    {
        var sb = new StringBuilder();
        var parts = rng.Next(0, 6);
        for (var i = 0; i < parts; i++)
        {
            sb.Append(Pieces[rng.Next(Pieces.Length)]);
            if (rng.Next(3) == 0)
            {
                sb.Append(',');
            }
        }

        return sb.ToString();
    }

    private static string Describe(List<string> args, OptionsException ex) =>
        $"args: [{string.Join("] [", args)}] -> {ex.Location}: {ex.Message}";
}
