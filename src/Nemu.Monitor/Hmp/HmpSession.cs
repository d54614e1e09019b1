using System.Text;
using Nemu.Core;

namespace Nemu.Monitor.Hmp;

/// <summary>
/// One human-monitor session: parses a command line against <see cref="HmpCommands"/> and writes the
/// reply through the output callback (text with <c>\n</c>; the transport turns it into CRLF as QEMU does).
/// Keeps the per-monitor state QEMU keeps: the last <c>x</c> format and size.
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

    /// <summary>The monitor's current CPU (QEMU's mon_get_cpu): always 0 until <c>cpu N</c> exists.</summary>
    public int CurrentCpu { get; internal set; }

    /// <summary>The x/xp defaults of this monitor.</summary>
    public MemoryDumpFormat DumpFormat { get; } = new();

    /// <summary>The greeting printed when the monitor opens.</summary>
    public static string Banner => $"Nemu {NemuVersion.Text} monitor - type 'help' for more information\n";

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

        Dispatch(HmpCommands.Top, string.Empty, line, ref pos);
    }

    internal void Dispatch(IReadOnlyList<HmpCommand> table, string prefix, string line, ref int pos)
    {
        var start = pos;
        while (pos < line.Length && !char.IsWhiteSpace(line[pos]))
        {
            pos++;
        }

        var word = line[start..pos];
        var command = Find(table, word);
        if (command is null)
        {
            Print($"unknown command: '{prefix}{word}'\n");
            return;
        }

        HmpArguments args;
        try
        {
            args = HmpArgumentParser.Parse(command, line, ref pos, DumpFormat, Machine.Registers);
        }
        catch (HmpException e)
        {
            Print(e.Message + "\n");
            Print($"Try \"help {prefix}{word}\" for more information\n");
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
        MemoryDump.Write(text, count, format, size, address, physical, Machine.TargetBits, physical ? Machine.ReadPhysical : Machine.ReadVirtual);
        Print(text.ToString());
    }

    internal void Help(string? name)
    {
        var text = new StringBuilder();
        if (string.IsNullOrEmpty(name))
        {
            foreach (var command in HmpCommands.Top.OrderBy(c => c.Name, StringComparer.Ordinal))
            {
                text.Append(command.HelpLine(string.Empty)).Append('\n');
            }
        }
        else
        {
            var words = name.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var command = Find(HmpCommands.Top, words[0]);
            if (command is not null && words.Length > 1 && command.Name == "info")
            {
                var sub = Find(HmpCommands.Info, words[1]);
                if (sub is not null)
                {
                    text.Append(sub.HelpLine("info ")).Append('\n');
                }
                else
                {
                    text.Append($"unknown command: 'info {words[1]}'\n");
                }
            }
            else if (command is not null && command.Name == "info")
            {
                text.Append(command.HelpLine(string.Empty)).Append('\n');
                AppendInfoHelp(text);
            }
            else if (command is not null)
            {
                text.Append(command.HelpLine(string.Empty)).Append('\n');
            }
            else
            {
                text.Append($"unknown command: '{words[0]}'\n");
            }
        }

        Print(text.ToString());
    }

    internal void InfoHelp()
    {
        var text = new StringBuilder();
        AppendInfoHelp(text);
        Print(text.ToString());
    }

    private static void AppendInfoHelp(StringBuilder text)
    {
        foreach (var command in HmpCommands.Info.OrderBy(c => c.Name, StringComparer.Ordinal))
        {
            text.Append(command.HelpLine("info ")).Append('\n');
        }
    }

    private static void SkipSpaces(string line, ref int pos)
    {
        while (pos < line.Length && char.IsWhiteSpace(line[pos]))
        {
            pos++;
        }
    }
}
