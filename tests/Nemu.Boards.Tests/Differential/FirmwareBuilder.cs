// Builds firmware through tests/firmware/build.sh (the same script CI and developers use), so the tests
// and the recorded vectors always come from one build recipe.
namespace Nemu.Boards.Tests.Differential;

/// <summary>Builds the demo programs and differential images with tests/firmware/build.sh.</summary>
public static class FirmwareBuilder
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(5);
    private static readonly Lock DemoLock = new();
    private static bool _demosBuilt;

    /// <summary>Builds every demo program once per test run; returns out/VARIANT/PROGRAM.elf.</summary>
    public static string Demo(Variant variant, string program)
    {
        lock (DemoLock)
        {
            if (!_demosBuilt)
            {
                Run(["all"]);
                _demosBuilt = true;
            }
        }

        return Path.Combine(RepositoryPaths.Output, variant.Name, program + ".elf");
    }

    /// <summary>Writes the case file and builds it into out/diff/NAME.elf.</summary>
    public static string Differential(Variant variant, string name, IReadOnlyList<GeneratedCase> cases)
    {
        var dir = Path.Combine(RepositoryPaths.Output, "diff", variant.Name);
        Directory.CreateDirectory(dir);
        var source = Path.Combine(dir, name + ".S");
        File.WriteAllText(source, CaseGenerator.Assembly(variant, cases));
        var elf = Path.Combine(dir, name + ".elf");
        Run(["diff", variant.Name, source, elf]);
        return elf;
    }

    private static void Run(string[] arguments)
    {
        ProcessRun.Require("arm-none-eabi-gcc", "gcc-arm-none-eabi");
        var result = ProcessRun.Run("bash", [RepositoryPaths.BuildScript, .. arguments], Timeout);
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException($"tests/firmware/build.sh {string.Join(' ', arguments)} failed (exit {result.ExitCode}):\n{result.Error}{result.Output}");
        }
    }
}
