// Runs a qtest script (one protocol line per entry) on one emulator and records what it answered, the
// asynchronous "IRQ raise/lower N" lines included, in the order they arrived; then compares two transcripts
// command by command and prints the commands whose answers differ (pci.md §7.1; issue6-plan §4).
using System.Text;
using Nemu.Testing.Qtest;

namespace Nemu.Cli.Tests.Pci;

/// <summary>The answers of one emulator to a qtest script, one entry per command.</summary>
public sealed class QtestTranscript
{
    private QtestTranscript(string emulator, IReadOnlyList<string> commands, IReadOnlyList<string> answers)
    {
        Emulator = emulator;
        Commands = commands;
        Answers = answers;
    }

    /// <summary>"qemu" or "nemu" (for messages).</summary>
    public string Emulator { get; }

    public IReadOnlyList<string> Commands { get; }

    /// <summary>For each command: the IRQ lines it caused, then its reply, joined with " | ".</summary>
    public IReadOnlyList<string> Answers { get; }

    /// <summary>The index of the first command equal to <paramref name="command"/>.</summary>
    public int IndexOf(string command)
    {
        for (var i = 0; i < Commands.Count; i++)
        {
            if (Commands[i] == command)
            {
                return i;
            }
        }

        throw new InvalidOperationException($"'{command}' is not in the script");
    }

    /// <summary>The answer to the first command equal to <paramref name="command"/> after the command at <paramref name="from"/>.</summary>
    public string AnswerTo(string command, int from = 0)
    {
        for (var i = from; i < Commands.Count; i++)
        {
            if (Commands[i] == command)
            {
                return Answers[i];
            }
        }

        throw new InvalidOperationException($"'{command}' is not in the script");
    }

    /// <summary>Sends every line of <paramref name="script"/> (lines starting with '#' are skipped) and records the answers.</summary>
    public static QtestTranscript Run(QtestClient qts, string emulator, IEnumerable<string> script)
    {
        var commands = new List<string>();
        var answers = new List<string>();
        foreach (var line in script)
        {
            if (line.StartsWith('#'))
            {
                continue;
            }

            qts.ClearAsyncLines();
            var reply = qts.Raw(line);
            commands.Add(line);
            answers.Add(string.Join(" | ", [.. qts.AsyncLines, reply]));
        }

        return new QtestTranscript(emulator, commands, answers);
    }

    /// <summary>Fails with the commands whose answers differ (qemu's and nemu's side by side) unless both transcripts agree.</summary>
    public static void AssertSame(QtestTranscript expected, QtestTranscript actual, string what)
    {
        Assert.Equal(expected.Commands, actual.Commands);
        var report = new StringBuilder();
        var mismatches = 0;
        for (var i = 0; i < expected.Answers.Count; i++)
        {
            if (expected.Answers[i] == actual.Answers[i])
            {
                continue;
            }

            if (++mismatches <= 40)
            {
                report.Append(Invariant($"#{i} > {expected.Commands[i]}\n  {expected.Emulator}: {expected.Answers[i]}\n  {actual.Emulator}: {actual.Answers[i]}\n"));
            }
        }

        if (mismatches > 0)
        {
            Assert.Fail(Invariant($"{what}: {mismatches} of {expected.Answers.Count} answers differ\n{report}"));
        }
    }

    private static string Invariant(FormattableString text) => FormattableString.Invariant(text);
}
