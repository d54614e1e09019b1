// Nemu against the recorded QEMU vectors and the demos (tests/firmware/README.md, "Turning on the Nemu side"):
// every recorded case of every variant (40 seeds × 500 cases = 20,000 per variant: v6-M on microbit, v7-M on
// mps2-an385, v7E-M + FPv4-SP on mps2-an386, v7E-M + FPv5-D16 on mps2-an500), split into chunks of seeds so that a failure names its chunk and
// the chunks' images build and run two at a time.
using Nemu.Boards.Tests.Firmware;

namespace Nemu.Boards.Tests.Differential;

/// <summary>
/// Nemu against the recorded QEMU vectors: the same images, the same command line, the same result lines.
/// The demos must print what they print on QEMU.
/// </summary>
public sealed class NemuDifferentialTests
{
    private const int Chunks = 4;

    public static TheoryData<string, int> VariantChunks
    {
        get
        {
            var data = new TheoryData<string, int>();
            foreach (var variant in Variant.All)
            {
                for (var chunk = 0; chunk < Chunks; chunk++)
                {
                    data.Add(variant.Name, chunk);
                }
            }

            return data;
        }
    }

    public static TheoryData<string> Variants => [.. Variant.All.Select(v => v.Name)];

    [Theory]
    [MemberData(nameof(VariantChunks))]
    public void NemuReproducesEveryRecordedVector(string name, int chunk)
    {
        var variant = Variant.ByName(name);
        var recorded = VectorFile.Read(RepositoryPaths.Vectors, variant);
        var seedsPerChunk = VectorFile.Seeds / Chunks;
        var seeds = Enumerable.Range(chunk * seedsPerChunk, seedsPerChunk).ToArray();
        Assert.All(seeds, seed => Assert.Equal(VectorFile.CasesPerSeed, recorded.CasesFor(seed)));
        var runner = new NemuRunner();
        var perSeed = new List<string>[seeds.Length];
        var options = new ParallelOptions { MaxDegreeOfParallelism = Math.Max(2, Environment.ProcessorCount) };
        Parallel.For(0, seeds.Length, options, i =>
            perSeed[i] = [.. VectorComparison.Mismatches(recorded, DifferentialRun.Execute(runner, variant, seeds[i], VectorFile.CasesPerSeed))]);
        VectorComparison.AssertNone([.. perSeed.SelectMany(m => m)], runner.Name);
    }

    [Theory]
    [MemberData(nameof(Variants))]
    public void NemuRunsTheDemosAsQemuDoes(string name)
    {
        var variant = Variant.ByName(name);
        var runner = new NemuRunner();
        var hello = runner.Run(variant, FirmwareBuilder.Demo(variant, "hello"), TimeSpan.FromSeconds(120));
        Assert.Equal(0, hello.ExitCode);
        Assert.Contains("Hello from Nemu", hello.Output + hello.Error, StringComparison.Ordinal);
        var compute = runner.Run(variant, FirmwareBuilder.Demo(variant, "compute"), TimeSpan.FromSeconds(300));
        Assert.Equal(0, compute.ExitCode);
        Assert.Contains(DemoFirmwareTests.ComputeLine, compute.Output + compute.Error, StringComparison.Ordinal);
    }
}
