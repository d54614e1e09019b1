// Records QEMU's register reset values: starts qemu-system-arm stopped (-S) on each board with the monitor on
// stdio and reads every catalogued register with `xp /1xw ADDR`, before any guest instruction runs.
using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace Nemu.Hw.Tests.Differential;

/// <summary>Reads register values of a stopped QEMU machine through its HMP monitor.</summary>
internal static partial class QemuResetRecorder
{
    public const string Executable = "qemu-system-arm";

    /// <summary>The value of each address in <paramref name="addresses"/> as <c>xp</c> prints it on <paramref name="board"/>.</summary>
    public static Dictionary<ulong, uint> Read(string board, IReadOnlyCollection<ulong> addresses)
    {
        var start = new ProcessStartInfo(Executable)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { "-M", board, "-S", "-display", "none", "-monitor", "stdio", "-serial", "null" })
        {
            start.ArgumentList.Add(arg);
        }

        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException($"{Executable} did not start");
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            throw new InvalidOperationException($"{Executable} (QEMU 7.2) is needed to record reset values: {ex.Message}", ex);
        }

        using (process)
        {
            var stderr = process.StandardError.ReadToEndAsync();
            var values = new Dictionary<ulong, uint>();

            // One command at a time: the monitor stops reading stdin once it sees end of input.
            foreach (var address in addresses)
            {
                process.StandardInput.WriteLine($"xp /1xw 0x{address:x}");
                process.StandardInput.Flush();
                while (!values.ContainsKey(address))
                {
                    var line = process.StandardOutput.ReadLine()
                        ?? throw new InvalidOperationException($"{Executable} -M {board} ended before printing 0x{address:x}; stderr: {stderr.Result}");
                    var match = XpLine().Match(line);
                    if (match.Success)
                    {
                        values[ulong.Parse(match.Groups[1].Value, NumberStyles.HexNumber, CultureInfo.InvariantCulture)] =
                            uint.Parse(match.Groups[2].Value, NumberStyles.HexNumber, CultureInfo.InvariantCulture);
                    }
                }
            }

            process.StandardInput.WriteLine("quit");
            process.StandardInput.Close();
            _ = process.StandardOutput.ReadToEnd();
            if (!process.WaitForExit(TimeSpan.FromMinutes(2)))
            {
                process.Kill();
                throw new InvalidOperationException($"{Executable} -M {board} did not quit within 2 minutes");
            }

            return values;
        }
    }

    /// <summary>The first line of <c>qemu-system-arm --version</c>.</summary>
    public static string Version()
    {
        using var process = Process.Start(new ProcessStartInfo(Executable, "--version") { RedirectStandardOutput = true, UseShellExecute = false })!;
        var text = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return text.Split('\n')[0].Trim();
    }

    [GeneratedRegex(@"^([0-9a-f]{16}): 0x([0-9a-f]{8})\r?$")]
    private static partial Regex XpLine();
}
