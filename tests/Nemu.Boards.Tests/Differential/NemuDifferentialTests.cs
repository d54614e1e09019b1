// Nemu against the recorded QEMU vectors and the demos (tests/firmware/README.md, "Turning on the Nemu side").
// m4 (mps2-an386, Cortex-M4) stays off here: its vectors and demos need FPv4-SP, which the CPU does not implement
// yet; NemuDspDifferentialTests runs the integer and DSP cases of the m4 vectors meanwhile.
using Nemu.Boards.Tests.Firmware;

namespace Nemu.Boards.Tests.Differential;

/// <summary>
/// Nemu against the recorded QEMU vectors: the same images, the same command line, the same result lines.
/// Each variant runs a few whole recorded seeds (500 cases each); the demos must print what they print on QEMU.
/// </summary>
public sealed class NemuDifferentialTests
{
    private static readonly int[] Seeds = [0, 1, 2, 3];

    public static TheoryData<string> Variants => [Variant.M0.Name, Variant.M3.Name];

    [Theory]
    [MemberData(nameof(Variants))]
    public void NemuReproducesTheRecordedVectors(string name)
    {
        var variant = Variant.ByName(name);
        var recorded = VectorFile.Read(RepositoryPaths.Vectors, variant);
        var runner = new NemuRunner();
        var mismatches = new List<string>();
        foreach (var seed in Seeds)
        {
            mismatches.AddRange(VectorComparison.Mismatches(recorded, DifferentialRun.Execute(runner, variant, seed, VectorFile.CasesPerSeed)));
        }

        VectorComparison.AssertNone(mismatches, runner.Name);
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
