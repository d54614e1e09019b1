using System.Diagnostics;

namespace Nemu.Cli.Tests;

/// <summary>Builds test guests with arm-none-eabi-gcc (installed by the suite's set-up script; its absence fails the test).</summary>
internal static class CrossCompiler
{
    public static string Build(string outputDir, string name, params string[] arguments)
    {
        var output = Path.Combine(outputDir, name);
        var start = new ProcessStartInfo("arm-none-eabi-gcc")
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments.Append("-o").Append(output))
        {
            start.ArgumentList.Add(argument);
        }

        Process? process;
        try
        {
            process = Process.Start(start);
        }
        catch (global::System.ComponentModel.Win32Exception)
        {
            process = null;
        }

        Assert.True(process is not null, "arm-none-eabi-gcc is not installed: run ./scripts/test.sh, which installs it");
        using (process)
        {
            var error = process!.StandardError.ReadToEnd();
            process.WaitForExit();
            Assert.True(process.ExitCode == 0, $"arm-none-eabi-gcc failed: {error}");
        }

        return output;
    }
}
