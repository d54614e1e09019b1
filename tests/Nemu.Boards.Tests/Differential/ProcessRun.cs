// Runs a child process with empty standard input, collecting both output streams, with a timeout that
// kills the whole process tree. A tool that is not installed fails the calling test with a clear message
// (the suite's set-up script, scripts/test.sh, installs the cross compiler and QEMU).
using System.ComponentModel;
using System.Diagnostics;

namespace Nemu.Boards.Tests.Differential;

/// <summary>What a finished (or killed) child process produced.</summary>
public sealed record ProcessResult(int ExitCode, string Output, string Error, bool TimedOut);

/// <summary>Child-process helper for the firmware build and the emulator runners.</summary>
public static class ProcessRun
{
    public static ProcessResult Run(string fileName, IEnumerable<string> arguments, TimeSpan timeout)
    {
        var start = new ProcessStartInfo(fileName)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        Process? process;
        try
        {
            process = Process.Start(start);
        }
        catch (Win32Exception e)
        {
            throw new InvalidOperationException($"cannot run '{fileName}' ({e.Message}): is it installed? scripts/test.sh installs the toolchain and QEMU", e);
        }

        using (process ?? throw new InvalidOperationException("could not start " + fileName))
        {
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            process.StandardInput.Close();
            var timedOut = !process.WaitForExit(timeout);
            if (timedOut)
            {
                process.Kill(entireProcessTree: true);
                process.WaitForExit();
            }

            return new ProcessResult(timedOut ? -1 : process.ExitCode, output.Result, error.Result, timedOut);
        }
    }

    /// <summary>The full path of a program on PATH, or a clear failure naming the package to install.</summary>
    public static string Require(string program, string package)
    {
        var path = (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(':', StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, program))
            .FirstOrDefault(File.Exists);
        return path ?? throw new InvalidOperationException($"{program} is not installed (Debian package {package}; scripts/test.sh installs it)");
    }
}
