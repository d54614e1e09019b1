namespace Nemu.System.Tests.Vl;

/// <summary>
/// Start-up errors owned by the System layer give qemu-system-arm 7.2's exact text (program name swapped)
/// and exit status 1. Data: Data/qemu-vl-errors.tsv, recorded from the real binary.
/// </summary>
public sealed class VlErrorTests
{
    public static TheoryData<string, int, string> RecordedErrors()
    {
        var data = new TheoryData<string, int, string>();
        foreach (var line in File.ReadLines(Path.Combine(AppContext.BaseDirectory, "Data", "qemu-vl-errors.tsv")))
        {
            var fields = line.Split('\t');
            if (fields.Length < 4 || line.StartsWith('#'))
            {
                continue;
            }

            data.Add(fields[2], int.Parse(fields[1], global::System.Globalization.CultureInfo.InvariantCulture), fields[3].Replace("\\n", "\n", StringComparison.Ordinal));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(RecordedErrors))]
    public void StartupErrorMatchesQemu(string args, int exitCode, string qemuStderr)
    {
        var (code, _, error) = VlRunner.Run(args.Split(' ', StringSplitOptions.RemoveEmptyEntries));
        Assert.Equal(exitCode, code);
        Assert.Equal(qemuStderr.Replace("qemu-system-arm", "nemu-system-arm", StringComparison.Ordinal), error.TrimEnd('\n'));
    }
}
