// Runs the host tools the tests compare against (arm-none-eabi-objdump, arm-none-eabi-gcc). A missing tool fails
// the test with a clear message; it never skips silently (COMMON.md).
using System.Diagnostics;

namespace Nemu.Arm.Tests.Support;

internal static class HostTools
{
    public static string Run(string tool, string arguments, string? workingDirectory = null)
    {
        var psi = new ProcessStartInfo(tool, arguments)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? Path.GetTempPath(),
        };
        Process process;
        try
        {
            process = Process.Start(psi) ?? throw new InvalidOperationException($"cannot start {tool}");
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new InvalidOperationException($"host tool '{tool}' is required by this test but is not installed (apt-get install binutils-arm-none-eabi gcc-arm-none-eabi): {e.Message}", e);
        }

        using (process)
        {
            var stdoutTask = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEnd();
            var stdout = stdoutTask.GetAwaiter().GetResult();
            if (!process.WaitForExit(TimeSpan.FromMinutes(5)))
            {
                process.Kill();
                throw new InvalidOperationException($"{tool} did not finish");
            }

            if (process.ExitCode != 0)
            {
                throw new InvalidOperationException($"{tool} {arguments} failed ({process.ExitCode}): {stderr}");
            }

            return stdout;
        }
    }

    public static string TempDirectory()
    {
        var dir = Path.Combine(Path.GetTempPath(), "nemu-arm-tests-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        return dir;
    }
}
