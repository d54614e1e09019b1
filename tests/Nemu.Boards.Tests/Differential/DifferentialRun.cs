// Generates, builds and runs one differential image on an emulator and returns its result lines. The
// harness prints one line per case and "done N" before exiting 0 through semihosting; anything else
// (a fault handler's exit 0x7F, a timeout, missing lines) is reported with the emulator's output.
namespace Nemu.Boards.Tests.Differential;

/// <summary>One differential image run: the generated cases and the emulator's result lines for them.</summary>
public sealed record DifferentialRun(IReadOnlyList<GeneratedCase> Cases, IReadOnlyList<CaseLine> Lines)
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(120);

    public static DifferentialRun Execute(IEmulatorRunner runner, Variant variant, int seed, int count)
    {
        var cases = CaseGenerator.Generate(variant, seed, count);
        var elf = FirmwareBuilder.Differential(variant, $"seed{seed}-n{count}", cases);
        var result = runner.Run(variant, elf, Timeout);
        var lines = (result.Output + "\n" + result.Error)
            .Split('\n')
            .Select(line => line.TrimEnd('\r'))
            .ToList();
        var caseLines = lines.Where(l => l.StartsWith("case ", StringComparison.Ordinal)).Select(CaseLine.Parse).ToList();
        var done = lines.Contains($"done {count}");
        if (result.TimedOut || result.ExitCode != 0 || !done || caseLines.Count != count)
        {
            var stuck = caseLines.Count < count ? cases[caseLines.Count].Describe() : "none";
            throw new InvalidOperationException(
                $"{runner.Name} on {variant} seed {seed}: exit {result.ExitCode}{(result.TimedOut ? " (timed out)" : string.Empty)}, " +
                $"{caseLines.Count}/{count} cases, done line {(done ? "present" : "missing")}; first case without a result: {stuck}\n" +
                $"stderr: {Tail(result.Error)}\nstdout: {Tail(result.Output)}");
        }

        return new DifferentialRun(cases, caseLines);
    }

    private static string Tail(string text) => text.Length > 2000 ? "..." + text[^2000..] : text;
}
