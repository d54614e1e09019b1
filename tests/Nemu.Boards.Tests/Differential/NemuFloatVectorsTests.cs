// Nemu against the FP cases of the recorded m4 (mps2-an386, Cortex-M4 FPv4-SP) QEMU vectors. The DSP cases of the
// same seeds need the DSP extension, so only the "fp" group is rebuilt into an image of its own: each FP case keeps
// its generated input and instructions, the image numbers them 0..k-1, and the results map back to the recorded
// case numbers.
namespace Nemu.Boards.Tests.Differential;

/// <summary>Every FP case of several recorded m4 seeds reproduces QEMU bit for bit (registers, APSR, S0-S15, FPSCR).</summary>
public sealed class NemuFloatVectorsTests
{
    private static readonly int[] Seeds = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9];

    [Fact]
    public void NemuReproducesTheRecordedFloatingPointVectorsOfCortexM4()
    {
        var variant = Variant.M4;
        var recorded = VectorFile.Read(RepositoryPaths.Vectors, variant);
        var runner = new NemuRunner();
        var mismatches = new List<string>();
        var total = 0;
        foreach (var seed in Seeds)
        {
            var floating = CaseGenerator.Generate(variant, seed, VectorFile.CasesPerSeed).Where(c => c.Group == "fp").ToList();
            var renumbered = floating.Select((c, i) => c with { Index = i }).ToList();
            var elf = FirmwareBuilder.Differential(variant, $"fp-seed{seed}", renumbered);
            var result = runner.Run(variant, elf, DifferentialRun.Timeout);
            var lines = (result.Output + "\n" + result.Error).Split('\n')
                .Select(l => l.TrimEnd('\r'))
                .Where(l => l.StartsWith("case ", StringComparison.Ordinal))
                .Select(CaseLine.Parse)
                .ToList();
            Assert.True(lines.Count == floating.Count, $"seed {seed}: {lines.Count}/{floating.Count} FP cases ran (exit {result.ExitCode})\n{result.Error}");
            foreach (var (original, actual) in floating.Zip(lines))
            {
                total++;
                var expected = recorded.Find(seed, original.Index);
                Assert.NotNull(expected);
                var differences = CaseLine.Differences(expected, actual, original.Input);
                if (differences.Count != 0)
                {
                    mismatches.Add($"{original.Describe()}: {string.Join("; ", differences)}");
                }
            }
        }

        Assert.True(total > 500, $"only {total} FP cases");
        VectorComparison.AssertNone(mismatches, $"nemu-system-arm ({total} FP cases)");
    }
}
