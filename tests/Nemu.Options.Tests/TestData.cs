using System.Runtime.CompilerServices;

namespace Nemu.Options.Tests;

/// <summary>Locates files under Data/ next to this source file (no copy-to-output needed).</summary>
internal static class TestData
{
    public static string PathOf(string name) => Path.Combine(ThisDirectory(), "Data", name);

    private static string ThisDirectory([CallerFilePath] string thisFile = "") => Path.GetDirectoryName(thisFile)!;
}
