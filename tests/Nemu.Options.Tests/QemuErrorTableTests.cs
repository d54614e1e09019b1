using Nemu.Options.CommandLine;

namespace Nemu.Options.Tests;

/// <summary>
/// Compares our errors with the table recorded from qemu-system-arm 7.2 (Data/qemu-errors.tsv). Rows owned by
/// "options" are decided by this layer; "system" and "loader" rows belong to other layers and must parse here.
/// </summary>
public sealed class QemuErrorTableTests
{
    private const string Program = "nemu-system-arm";

    public static TheoryData<string, int, string, string> Rows()
    {
        var data = new TheoryData<string, int, string, string>();
        foreach (var line in File.ReadAllLines(TestData.PathOf("qemu-errors.tsv")))
        {
            if (line.StartsWith('#') || line.Length == 0)
            {
                continue;
            }

            var f = line.Split('\t');
            data.Add(f[0], int.Parse(f[1], System.Globalization.CultureInfo.InvariantCulture), f[2],
                f[3].Replace("\\n", "\n", StringComparison.Ordinal).Replace("qemu-system-arm", Program, StringComparison.Ordinal));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Rows))]
    public void OurParserAgreesWithRecordedQemu(string owner, int exit, string args, string stderr)
    {
        var argv = args.Split(' ');
        if (owner != "options")
        {
            // Pure syntax is fine; the owning layer reports the recorded error.
            var parsed = CommandLineParser.Parse(argv);
            Assert.Null(parsed.Help);
            return;
        }

        if (exit == 0)
        {
            Assert.NotNull(CommandLineParser.Parse(argv).Help);
            return;
        }

        Assert.Equal(OptionsException.ExitCode, exit);
        var ex = Assert.Throws<OptionsException>(() => CommandLineParser.Parse(argv));
        if (stderr.Length == 0)
        {
            // -d with a bad list: QEMU prints the usage to stdout only.
            Assert.NotNull(ex.UsageText);
            return;
        }

        var ours = ex.Format(Program);
        Assert.StartsWith(ours, stderr, StringComparison.Ordinal);
        Assert.True(ours.Length == stderr.Length || stderr[ours.Length] == '\n', $"ours: {ours}\nqemu: {stderr}");
    }
}
