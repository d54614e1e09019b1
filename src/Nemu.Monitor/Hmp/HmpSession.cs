using System.Text;
using Nemu.Core;

namespace Nemu.Monitor.Hmp;

/// <summary>
/// One human-monitor session: parses a command line against <see cref="HmpCommands"/> and writes the
/// reply through the output callback (text with <c>\n</c>; the transport turns it into CRLF as QEMU does).
/// Keeps the per-monitor state QEMU keeps: the last <c>x</c>/<c>p</c> format and size and the current CPU (<c>cpu N</c>).
/// </summary>
public sealed class HmpSession
{
    /// <summary>The prompt; QEMU's text, kept so that scripts written for QEMU's monitor work unchanged.</summary>
    public const string Prompt = "(qemu) ";

    private readonly Action<string> _output;

    public HmpSession(IHmpMachine machine, Action<string> output)
    {
        Machine = machine;
        _output = output;
    }

    public IHmpMachine Machine { get; }

    /// <summary>Set once <c>quit</c> ran: no further prompt is printed.</summary>
    public bool Quitting { get; internal set; }

    /// <summary>The monitor's current CPU (QEMU's mon_get_cpu): the first CPU until <c>cpu N</c> selects another.</summary>
    public int CurrentCpu { get; internal set; }

    /// <summary>
    /// Where QEMU's monitor writes with plain printf instead of to the monitor ("unterminated string" and the like):
    /// the process's standard output unless set.
    /// </summary>
    public TextWriter? ProcessOutput { get; init; }

    /// <summary>The x/xp defaults of this monitor.</summary>
    public MemoryDumpFormat DumpFormat { get; } = new();

    /// <summary>The greeting printed when the monitor opens.</summary>
    public static string Banner => $"Nemu {NemuVersion.Text} monitor - type 'help' for more information\n";

    /// <summary>
    /// Runs <paramref name="commandLine"/> in a fresh session (no banner, prompt or echo) and returns its output with
    /// CRLF line ends: QEMU's human-monitor-command, whose monitor state (such as <c>cpu N</c>) does not persist.
    /// </summary>
    public static string Run(IHmpMachine machine, string commandLine)
    {
        var output = new StringBuilder();
        new HmpSession(machine, text => output.Append(text)).Execute(commandLine);
        return output.Replace("\n", "\r\n").ToString();
    }

    /// <summary>Writes text to the monitor.</summary>
    public void Print(string text) => _output(text);

    /// <summary>Runs one command line.</summary>
    public void Execute(string line)
    {
        var pos = 0;
        SkipSpaces(line, ref pos);
        if (pos >= line.Length)
        {
            return;
        }

        Dispatch(HmpCommands.Top, line, ref pos);
    }

    /// <summary>
    /// monitor_parse_command + handle_hmp_command on the raw <paramref name="line"/>: messages quote the line from
    /// its very start (spaces included) to the end of the command words, as QEMU prints them; <c>info</c> with a
    /// word after it continues in the info table.
    /// </summary>
    private void Dispatch(IReadOnlyList<HmpCommand> table, string line, ref int pos)
    {
        // get_command_name: the name ends at white space or at the '/' of a format (p/x 10).
        SkipSpaces(line, ref pos);
        var start = pos;
        while (pos < line.Length && line[pos] != '/' && !char.IsWhiteSpace(line[pos]))
        {
            pos++;
        }

        var command = Find(table, line[start..pos]);
        if (command is null)
        {
            Print($"unknown command: '{line[..pos]}'\n");
            return;
        }

        var wordsEnd = pos;
        SkipSpaces(line, ref pos);
        if (ReferenceEquals(table, HmpCommands.Top) && command.Name == "info" && pos < line.Length)
        {
            Dispatch(HmpCommands.Info, line, ref pos);
            return;
        }

        HmpArguments args;
        try
        {
            args = HmpArgumentParser.Parse(command, line, ref pos, DumpFormat, Machine.Registers, ProcessOutput);
        }
        catch (HmpException e)
        {
            Print(e.Message + "\n");
            Print($"Try \"help {line[..wordsEnd]}\" for more information\n");
            return;
        }

        command.Handler(this, args);
    }

    internal static HmpCommand? Find(IReadOnlyList<HmpCommand> table, string word)
    {
        foreach (var command in table)
        {
            if (command.Matches(word))
            {
                return command;
            }
        }

        return null;
    }

    /// <summary>Reads through the current CPU's view (QEMU's mon_get_cpu for x and memsave).</summary>
    internal bool ReadCurrentCpu(ulong address, Span<byte> buffer) => Machine.ReadCpuMemory(CurrentCpu, address, buffer);

    internal void Dump(HmpArguments args, bool physical)
    {
        var (count, format, size) = args.Format("fmt");
        var address = args.Integer("addr");
        if (!physical && !Machine.HasCpu)
        {
            Print("Can not dump without CPU\n");
            return;
        }

        if (format == 'i')
        {
            Print("disassembly is not available for this machine\n");
            return;
        }

        var text = new StringBuilder();
        MemoryDump.Write(text, count, format, size, address, physical, Machine.TargetBits, physical ? Machine.ReadPhysical : ReadCurrentCpu);
        Print(text.ToString());
    }

    /// <summary>
    /// QEMU's help_cmd: with no words every command; otherwise the words name a command, and for <c>info</c> a
    /// subcommand (an <c>info</c> without one lists every subcommand). Lines are prefixed with the words typed
    /// before the command, tables are in name order as QEMU sorts them.
    /// </summary>
    internal void Help(string? name)
    {
        var words = (name ?? string.Empty).Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var text = new StringBuilder();
        HelpDump(text, HmpCommands.Top, words, 0);
        Print(text.ToString());
    }

    internal void InfoHelp() => Help("info");

    private static void HelpDump(StringBuilder text, IReadOnlyList<HmpCommand> table, string[] words, int index)
    {
        if (index >= words.Length)
        {
            foreach (var command in table.OrderBy(c => c.Name, StringComparer.Ordinal))
            {
                HelpDumpOne(text, command, words, index);
            }

            return;
        }

        var found = Find(table, words[index]);
        if (found is null)
        {
            text.Append("unknown command: '").AppendJoin(' ', words[..(index + 1)]).Append("'\n");
        }
        else if (ReferenceEquals(table, HmpCommands.Top) && found.Name == "info")
        {
            HelpDump(text, HmpCommands.Info, words, index + 1);
        }
        else
        {
            HelpDumpOne(text, found, words, index);
        }
    }

    private static void HelpDumpOne(StringBuilder text, HmpCommand command, string[] words, int prefixCount)
    {
        for (var i = 0; i < prefixCount; i++)
        {
            text.Append(words[i]).Append(' ');
        }

        text.Append(command.HelpLine(string.Empty)).Append('\n');
    }

    private static void SkipSpaces(string line, ref int pos)
    {
        while (pos < line.Length && char.IsWhiteSpace(line[pos]))
        {
            pos++;
        }
    }
}
