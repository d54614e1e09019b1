using System.Runtime.CompilerServices;

namespace Nemu.Loader.Tests;

/// <summary>Locates files under Data/ next to this source file.</summary>
internal static class TestData
{
    public static string PathOf(string name) => Path.Combine(ThisDirectory(), "Data", name);

    private static string ThisDirectory([CallerFilePath] string thisFile = "") => Path.GetDirectoryName(thisFile)!;
}
