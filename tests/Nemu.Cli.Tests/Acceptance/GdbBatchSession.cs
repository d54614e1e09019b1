// Issue 7 acceptance: runs `gdb-multiarch --batch -nx -x SCRIPT FIRMWARE.elf` against an emulator started with
// QEMU's gdb command line (management.md §5: -gdb tcp:127.0.0.1:PORT -S, semihosting on so the firmware's exit
// ends the session) and cuts gdb's output into named sections (`echo @@name` markers) for comparison.
// Normalised: the port (differs per run) and gdb's "Transfer rate" line (timing); nothing else.
using System.Diagnostics;
using System.Text;

namespace Nemu.Cli.Tests.Acceptance;

/// <summary>One step of a gdb script: a name (its output section) and gdb commands.</summary>
internal sealed record GdbSection(string Name, string Commands);

/// <summary>What one gdb session printed, section by section, and how the emulator ended.</summary>
internal sealed record GdbTranscript(string Emulator, IReadOnlyList<KeyValuePair<string, string>> Sections, int EmulatorExitCode, string EmulatorOutput)
{
    public string this[string section] => Sections.FirstOrDefault(s => s.Key == section).Value
        ?? throw new KeyNotFoundException($"{Emulator}: gdb printed no section '{section}':\n{Text}");

    public string Text => string.Join("\n", Sections.Select(s => "@@" + s.Key + "\n" + s.Value));
}

/// <summary>Runs gdb batch sessions and compares their transcripts.</summary>
internal static class GdbBatchSession
{
    private const string Marker = "@@";

    public static GdbTranscript Run(Emulator emulator, string elf, IEnumerable<GdbSection> sections)
    {
        var gdb = AcceptanceTools.GdbMultiarch;
        var dir = AcceptanceTools.TempDirectory("gdb");
        var port = AcceptanceTools.FreeTcpPort();
        var script = new StringBuilder()
            .Append("set pagination off\nset confirm off\nset width 0\nset height 0\nset tcp connect-timeout 30\n")
            .Append("target remote 127.0.0.1:").Append(port).Append('\n')
            .Append("echo ").Append(Marker).Append("load\\n\n")
            .Append("load\n");
        foreach (var section in sections)
        {
            script.Append("echo ").Append(Marker).Append(section.Name).Append("\\n\n").Append(section.Commands.TrimEnd()).Append('\n');
        }

        var scriptPath = Path.Combine(dir, "session.gdb");
        File.WriteAllText(scriptPath, script.ToString());

        using var emu = EmulatorProcess.Start(emulator,
            ["-M", "mps2-an385", "-display", "none", "-serial", "null", "-monitor", "none", "-gdb", $"tcp:127.0.0.1:{port}", "-S",
            "-kernel", elf, "-semihosting-config", "enable=on,target=native"]);
        AcceptanceTools.WaitForTcpListen(port, emu, TimeSpan.FromSeconds(30));

        var output = RunGdb(gdb, scriptPath, elf, emulator.Name);
        var exited = emu.WaitForExit(TimeSpan.FromSeconds(20));
        Assert.True(exited, $"{emulator.Name} did not exit after the gdb session ended:\n{output}\nemulator output:\n{emu.Output}");
        var normalised = output.Replace(port.ToString(global::System.Globalization.CultureInfo.InvariantCulture), "PORT", StringComparison.Ordinal);
        return new GdbTranscript(emulator.Name, Split(normalised), emu.ExitCode, emu.Output);
    }

    /// <summary>Requires both sessions to print the same text in every section, naming the first that differs.</summary>
    public static void AssertSameOutput(GdbTranscript expected, GdbTranscript actual)
    {
        Assert.True(
            expected.Sections.Select(s => s.Key).SequenceEqual(actual.Sections.Select(s => s.Key)),
            $"gdb sections differ: {expected.Emulator} [{string.Join(", ", expected.Sections.Select(s => s.Key))}], " +
            $"{actual.Emulator} [{string.Join(", ", actual.Sections.Select(s => s.Key))}]\n{actual.Emulator} printed:\n{actual.Text}");
        foreach (var (name, text) in expected.Sections)
        {
            var other = actual[name];
            Assert.True(
                text == other,
                $"gdb section '{name}' differs.\n--- {expected.Emulator}:\n{text}\n--- {actual.Emulator}:\n{other}\n--- whole {actual.Emulator} session:\n{actual.Text}\n--- {actual.Emulator} output:\n{actual.EmulatorOutput}");
        }

        Assert.True(
            expected.EmulatorExitCode == actual.EmulatorExitCode,
            $"{expected.Emulator} exited with {expected.EmulatorExitCode}, {actual.Emulator} with {actual.EmulatorExitCode}: {actual.EmulatorOutput}");
    }

    private static string RunGdb(string gdb, string scriptPath, string elf, string emulatorName)
    {
        // Through sh so that stderr (gdb's `monitor` output, errors) is merged into stdout in order.
        var start = new ProcessStartInfo("/bin/sh")
        {
            RedirectStandardOutput = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { "-c", "exec \"$@\" 2>&1", "sh", gdb, "--batch", "-nx", "-x", scriptPath, elf })
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromSeconds(60)))
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit(TimeSpan.FromSeconds(10));
            Assert.Fail($"gdb-multiarch against {emulatorName} did not finish within 60 s:\n{(output.IsCompleted ? output.Result : string.Empty)}");
        }

        return output.Result;
    }

    private static List<KeyValuePair<string, string>> Split(string output)
    {
        var sections = new List<KeyValuePair<string, string>>();
        string name = "connect";
        var text = new StringBuilder();
        foreach (var line in output.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n'))
        {
            if (line.StartsWith(Marker, StringComparison.Ordinal))
            {
                sections.Add(new(name, text.ToString()));
                name = line[Marker.Length..];
                text.Clear();
            }
            else if (!line.StartsWith("Transfer rate:", StringComparison.Ordinal))
            {
                text.Append(line).Append('\n');
            }
        }

        sections.Add(new(name, text.ToString().TrimEnd('\n') + "\n"));
        return sections;
    }
}
