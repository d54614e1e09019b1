// Process helpers shared by the benchmarks that run whole emulators (MProfileBenchmark, ExceptionBenchmark):
// locating the repository, running a program to completion, and best-of-N wall time of a run.
using System.Diagnostics;

namespace Nemu.Bench;

/// <summary>Runs external programs (emulators, the cross compiler) for the emulator benchmarks.</summary>
public static class BenchProcess
{
    /// <summary>Nemu's CLI as built next to the benchmark (Release with <c>dotnet run -c Release</c>).</summary>
    public static string NemuDll => Path.Combine(AppContext.BaseDirectory, "nemu-system-arm.dll");

    /// <summary>Runs <paramref name="program"/> and returns its standard output; a non-zero exit status throws with its standard error.</summary>
    public static string RunChecked(string program, string[] args, Dictionary<string, string>? environment = null)
    {
        var info = new ProcessStartInfo(program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var a in args)
        {
            info.ArgumentList.Add(a);
        }

        foreach (var (key, value) in environment ?? [])
        {
            info.Environment[key] = value;
        }

        using var process = Process.Start(info) ?? throw new InvalidOperationException($"cannot start {program}");
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{program} {string.Join(' ', args)} exited with {process.ExitCode}: {stderr.Result}");
        }

        return stdout;
    }

    /// <summary>The shortest wall time, in seconds, of <paramref name="repeats"/> runs (host noise only ever adds time).</summary>
    public static double BestSeconds(string program, string[] args, int repeats)
    {
        var best = double.MaxValue;
        for (var i = 0; i < repeats; i++)
        {
            var watch = Stopwatch.StartNew();
            RunChecked(program, args);
            best = Math.Min(best, watch.Elapsed.TotalSeconds);
        }

        return best;
    }

    /// <summary>The source tree (the directory holding Nemu.sln) above the benchmark's binaries.</summary>
    public static string FindRepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir != null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Nemu.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("cannot find Nemu.sln above " + AppContext.BaseDirectory);
    }
}
