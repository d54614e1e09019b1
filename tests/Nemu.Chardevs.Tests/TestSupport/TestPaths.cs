// Short unique temporary paths (unix socket paths must fit in 108 bytes).
namespace Nemu.Chardevs.Tests.TestSupport;

/// <summary>Creates and cleans up temporary paths for one test.</summary>
internal sealed class TestPaths : IDisposable
{
    private readonly List<string> _paths = [];

    public string New(string suffix)
    {
        var path = Path.Combine(Path.GetTempPath(), $"nemu-cd-{Guid.NewGuid():N}"[..20] + suffix);
        _paths.Add(path);
        return path;
    }

    public void Dispose()
    {
        foreach (var path in _paths)
        {
            File.Delete(path);
        }
    }
}
