// Locates the repository from the test binary (tests run from tests/Nemu.Boards.Tests/bin/...), so tests
// can call tests/firmware/build.sh and find the recorded vectors in the source tree when re-recording.
namespace Nemu.Boards.Tests.Differential;

/// <summary>Paths of the firmware sources, build outputs and recorded vectors.</summary>
public static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    public static string Firmware => Path.Combine(Root, "tests", "firmware");

    public static string BuildScript => Path.Combine(Firmware, "build.sh");

    public static string Output => Path.Combine(Firmware, "out");

    /// <summary>The recorded vectors in the source tree (written when re-recording).</summary>
    public static string SourceVectors => Path.Combine(Root, "tests", "Nemu.Boards.Tests", "Data", "vectors");

    /// <summary>The recorded vectors as copied next to the test binary.</summary>
    public static string Vectors => Path.Combine(AppContext.BaseDirectory, "Data", "vectors");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Nemu.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Nemu.sln not found above " + AppContext.BaseDirectory);
    }
}
