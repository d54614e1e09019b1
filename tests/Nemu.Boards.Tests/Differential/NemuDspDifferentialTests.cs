// Nemu against the integer and DSP part of the recorded m4 (Cortex-M4, mps2-an386) vectors. The FP cases are
// filtered out by group, and the image is built soft-float (IntegerOnlyImage), because the CPU has no FPv4-SP
// yet; once it has, NemuDifferentialTests can take m4 whole and this test can widen to every group.
namespace Nemu.Boards.Tests.Differential;

/// <summary>The ARMv7E-M integer and DSP cases of several recorded m4 seeds, bit for bit.</summary>
public sealed class NemuDspDifferentialTests
{
    private static readonly int[] Seeds = [0, 1, 2, 3, 4, 5, 6, 7];

    [Fact]
    public void NemuReproducesTheRecordedM4IntegerAndDspVectors()
    {
        var variant = Variant.M4;
        var recorded = VectorFile.Read(RepositoryPaths.Vectors, variant);
        var runner = new NemuRunner();
        var mismatches = new List<string>();
        var compared = 0;
        foreach (var seed in Seeds)
        {
            var cases = IntegerOnlyImage.WithoutFp(CaseGenerator.Generate(variant, seed, VectorFile.CasesPerSeed));
            var elf = IntegerOnlyImage.Build(variant, $"seed{seed}-n{VectorFile.CasesPerSeed}", cases);
            var result = runner.Run(variant, elf, DifferentialRun.Timeout);
            var lines = (result.Output + "\n" + result.Error).Split('\n')
                .Where(l => l.StartsWith("case ", StringComparison.Ordinal))
                .Select(l => CaseLine.Parse(l.TrimEnd('\r')))
                .ToList();
            Assert.True(result.ExitCode == 0 && lines.Count == cases.Count,
                $"{runner.Name} on {variant} seed {seed}: exit {result.ExitCode}, {lines.Count}/{cases.Count} cases; " +
                $"first case without a result: {(lines.Count < cases.Count ? cases[lines.Count].Describe() : "none")}\n{result.Error}");
            foreach (var actual in lines)
            {
                var generated = cases[actual.Index];
                var expected = recorded.Find(seed, generated.Index);
                if (expected is null)
                {
                    mismatches.Add($"{generated.Describe()}: not in the recording");
                    continue;
                }

                var differences = CaseLine.Differences(IntegerOnlyImage.WithoutFpFields(expected), actual, generated.Input);
                if (differences.Count != 0)
                {
                    mismatches.Add($"{generated.Describe()}: {string.Join("; ", differences)}");
                }

                compared++;
            }
        }

        Assert.True(compared > 2500, $"only {compared} integer/DSP cases compared");
        VectorComparison.AssertNone(mismatches, runner.Name);
    }
}
