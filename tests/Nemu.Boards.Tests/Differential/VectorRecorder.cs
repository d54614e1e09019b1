// Records the differential vectors: for each variant, seeds 0..Seeds-1 with CasesPerSeed cases each, run on
// QEMU, stored with VectorFile. Run it with NEMU_RECORD_VECTORS=1 (see tests/firmware/README.md).
namespace Nemu.Boards.Tests.Differential;

/// <summary>Re-records the QEMU vectors of a variant into the source tree.</summary>
public static class VectorRecorder
{
    public const string EnvironmentSwitch = "NEMU_RECORD_VECTORS";

    public static bool Requested => Environment.GetEnvironmentVariable(EnvironmentSwitch) == "1";

    public static void Record(Variant variant)
    {
        var runner = new QemuRunner();
        var file = new VectorFile(variant, CaseGenerator.Version);
        for (var seed = 0; seed < VectorFile.Seeds; seed++)
        {
            var run = DifferentialRun.Execute(runner, variant, seed, VectorFile.CasesPerSeed);
            foreach (var line in run.Lines)
            {
                file.Add(seed, line);
            }
        }

        file.Write(RepositoryPaths.SourceVectors, QemuVersion());
    }

    private static string QemuVersion()
    {
        var result = ProcessRun.Run(ProcessRun.Require("qemu-system-arm", "qemu-system-arm"), ["--version"], TimeSpan.FromSeconds(30));
        return result.Output.Split('\n')[0].Trim();
    }
}
