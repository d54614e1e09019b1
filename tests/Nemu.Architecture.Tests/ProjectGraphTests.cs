using System.Xml.Linq;

namespace Nemu.Architecture.Tests;

/// <summary>
/// The project graph points downward only (STYLE.md habit 10): each source project may reference only
/// the projects listed for it below, so Core knows nothing of memory, devices, boards or front ends.
/// A new project must be added here with its allowed references, or this test fails.
/// </summary>
public sealed class ProjectGraphTests
{
    private static readonly Dictionary<string, string[]> Allowed = new()
    {
        ["Nemu.Core"] = [],
        ["Nemu.Memory"] = ["Nemu.Core"],
        ["Nemu.Qdev"] = ["Nemu.Core", "Nemu.Memory"],
        ["Nemu.Chardevs"] = ["Nemu.Core"],
        ["Nemu.Options"] = ["Nemu.Core"],
        ["Nemu.Loader"] = ["Nemu.Core"],
        ["Nemu.Pci"] = ["Nemu.Core", "Nemu.Memory", "Nemu.Qdev"],
        ["Nemu.Hw"] = ["Nemu.Core", "Nemu.Memory", "Nemu.Qdev", "Nemu.Chardevs", "Nemu.Loader", "Nemu.Pci"],
        ["Nemu.System"] = ["Nemu.Core", "Nemu.Memory", "Nemu.Qdev", "Nemu.Chardevs", "Nemu.Options", "Nemu.Loader"],
        ["Nemu.Monitor"] = ["Nemu.Core", "Nemu.Memory", "Nemu.Qdev", "Nemu.Chardevs", "Nemu.System", "Nemu.Pci"],
        ["Nemu.Arm"] = ["Nemu.Core", "Nemu.Memory", "Nemu.Qdev"],
        ["Nemu.Semihosting"] = ["Nemu.Core", "Nemu.Chardevs"],
        ["Nemu.Boards"] = ["Nemu.Core", "Nemu.Memory", "Nemu.Qdev", "Nemu.Chardevs", "Nemu.Loader", "Nemu.System", "Nemu.Hw", "Nemu.Pci", "Nemu.Arm", "Nemu.Semihosting"],
        ["Nemu.Gdbstub"] = ["Nemu.Core", "Nemu.Memory", "Nemu.Chardevs", "Nemu.System", "Nemu.Monitor", "Nemu.Arm"],
        ["Nemu.Cli"] = ["Nemu.System", "Nemu.Monitor", "Nemu.Hw", "Nemu.Boards", "Nemu.Gdbstub"],
    };

    public static TheoryData<string> SourceProjects()
    {
        var data = new TheoryData<string>();
        foreach (var dir in Directory.GetDirectories(Path.Combine(RepoRoot(), "src")).Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(dir));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(SourceProjects))]
    public void ProjectReferencesOnlyPointDownward(string project)
    {
        Assert.True(Allowed.TryGetValue(project, out var allowed), $"{project} is not in the layering table");
        foreach (var reference in References(project))
        {
            Assert.True(allowed.Contains(reference), $"{project} must not reference {reference}");
        }
    }

    [Fact]
    public void LayeringTableHasNoCycles()
    {
        var state = new Dictionary<string, int>();
        foreach (var project in Allowed.Keys)
        {
            Visit(project, state);
        }
    }

    [Fact]
    public void CoreReferencesNoOtherProject()
    {
        Assert.Empty(References("Nemu.Core"));
    }

    private static void Visit(string project, Dictionary<string, int> state)
    {
        if (state.TryGetValue(project, out var s))
        {
            Assert.True(s == 2, $"cycle through {project}");
            return;
        }

        state[project] = 1;
        foreach (var dep in Allowed[project])
        {
            Visit(dep, state);
        }

        state[project] = 2;
    }

    private static IEnumerable<string> References(string project)
    {
        var csproj = Path.Combine(RepoRoot(), "src", project, project + ".csproj");
        var doc = XDocument.Load(csproj);
        foreach (var element in doc.Descendants("ProjectReference"))
        {
            var include = element.Attribute("Include")?.Value ?? string.Empty;
            yield return Path.GetFileNameWithoutExtension(include.Replace('\\', '/'));
        }
    }

    internal static string RepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Nemu.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("Nemu.sln not found above the test directory");
    }
}
