using System.Diagnostics;
using System.Text;

namespace Nemu.Cli.Tests;

/// <summary>Runs an emulator binary (Nemu or qemu-system-arm) with piped standard input and collects its output.</summary>
internal static class EmulatorRun
{
    /// <summary>Nemu's CLI as built next to the tests.</summary>
    public static (string FileName, string[] Prefix) Nemu =>
        ("dotnet", [Path.Combine(AppContext.BaseDirectory, "nemu-system-arm.dll")]);

    /// <summary>qemu-system-arm from PATH; the suite's set-up script installs it, so its absence is a failure.</summary>
    public static (string FileName, string[] Prefix) Qemu
    {
        get
        {
            var path = (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
                .Split(':', StringSplitOptions.RemoveEmptyEntries)
                .Select(dir => Path.Combine(dir, "qemu-system-arm"))
                .FirstOrDefault(File.Exists);
            Assert.True(path is not null, "qemu-system-arm is not installed: run ./scripts/test.sh, which installs it");
            return (path!, []);
        }
    }

    public static (int ExitCode, string Out, string Error) Run((string FileName, string[] Prefix) binary, IEnumerable<string> args, string input, int timeoutSeconds = 60)
    {
        var start = new ProcessStartInfo(binary.FileName)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in binary.Prefix.Concat(args))
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("could not start " + binary.FileName);
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        process.StandardInput.Write(input);
        process.StandardInput.Close();
        if (!process.WaitForExit(TimeSpan.FromSeconds(timeoutSeconds)))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"{binary.FileName} {string.Join(' ', args)} did not exit within {timeoutSeconds} s");
        }

        return (process.ExitCode, output.Result, error.Result);
    }

    /// <summary>
    /// Splits a monitor transcript into the output of each command: the text between prompts, without the
    /// echoed command line (QEMU echoes with cursor-movement escapes) and with LF line ends.
    /// </summary>
    public static List<string> MonitorReplies(string transcript)
    {
        var text = transcript.Replace("\r\n", "\n", StringComparison.Ordinal);
        var blocks = text.Split("(qemu) ");
        var replies = new List<string>();
        foreach (var block in blocks.Skip(1))
        {
            var newline = block.IndexOf('\n', StringComparison.Ordinal);
            replies.Add(newline < 0 ? string.Empty : block[(newline + 1)..]);
        }

        return replies;
    }

    /// <summary>Output blocks separated by blank lines, for outputs whose block order QEMU does not fix (info mtree).</summary>
    public static string[] Blocks(string reply)
    {
        var blocks = reply.Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var normalised = blocks.Select(b => b.StartsWith("FlatView #", StringComparison.Ordinal) ? b[(b.IndexOf('\n', StringComparison.Ordinal) + 1)..] : b).ToArray();
        Array.Sort(normalised, StringComparer.Ordinal);
        return normalised;
    }

    /// <summary>Compares monitor replies one by one; memory trees block by block (their block order is QEMU's hash order).</summary>
    public static void AssertRepliesEqual(IReadOnlyList<string> expected, IReadOnlyList<string> actual)
    {
        Assert.Equal(expected.Count, actual.Count);
        for (var i = 0; i < expected.Count; i++)
        {
            if (expected[i].StartsWith("address-space:", StringComparison.Ordinal) || expected[i].StartsWith("FlatView", StringComparison.Ordinal))
            {
                Assert.Equal(Blocks(expected[i]), Blocks(actual[i]));
            }
            else
            {
                Assert.Equal(expected[i], actual[i]);
            }
        }
    }

    public static string Describe(IEnumerable<string> args) => new StringBuilder().AppendJoin(' ', args).ToString();
}
