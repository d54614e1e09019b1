namespace Nemu.Boards.Tests.Differential;

/// <summary>
/// The recorded QEMU vectors (Data/vectors) are complete for the current generator, and QEMU still reproduces
/// them: a sample of each variant is regenerated, rebuilt and rerun, proving that generator, build and
/// recording agree. With NEMU_RECORD_VECTORS=1 the first test re-records every variant first.
/// </summary>
public sealed class RecordedVectorsTests
{
    /// <summary>The seed and case count re-run in every test run (the first cases of that seed's image).</summary>
    private const int SampleSeed = 7;
    private const int SampleCases = 200;

    public static TheoryData<string> Variants => [.. Variant.All.Select(v => v.Name)];

    [Theory]
    [MemberData(nameof(Variants))]
    public void RecordingCoversEverySeedOfTheCurrentGenerator(string name)
    {
        var variant = Variant.ByName(name);
        var directory = RepositoryPaths.Vectors;
        if (VectorRecorder.Requested)
        {
            VectorRecorder.Record(variant);
            directory = RepositoryPaths.SourceVectors;
        }

        var file = VectorFile.Read(directory, variant);
        Assert.True(file.GeneratorVersion == CaseGenerator.Version,
            $"{name} vectors were recorded with generator v{file.GeneratorVersion}, the generator is v{CaseGenerator.Version}: re-record (tests/firmware/README.md)");
        Assert.Equal(Enumerable.Range(0, VectorFile.Seeds), file.SeedsPresent);
        Assert.All(file.SeedsPresent, seed => Assert.Equal(VectorFile.CasesPerSeed, file.CasesFor(seed)));
        Assert.Equal(VectorFile.Seeds * VectorFile.CasesPerSeed, file.Count);
    }

    [Theory]
    [MemberData(nameof(Variants))]
    public void QemuReproducesTheRecordedSample(string name)
    {
        var variant = Variant.ByName(name);
        var recorded = VectorFile.Read(RepositoryPaths.Vectors, variant);
        var run = DifferentialRun.Execute(new QemuRunner(), variant, SampleSeed, SampleCases);
        VectorComparison.AssertNone(VectorComparison.Mismatches(recorded, run), "qemu-system-arm");
    }
}
