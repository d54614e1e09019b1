using System.Text;

namespace Nemu.Monitor.Hmp;

/// <summary>
/// Parses a command's arguments after QEMU's args_type rules (monitor/hmp.c, monitor_parse_arguments):
/// <c>/</c> memory-dump format, <c>l</c>/<c>L</c>/<c>i</c> expressions, <c>s</c> one word or quoted string, <c>S</c> the rest of
/// the line, <c>-x</c> flags (several letters may share one dash), <c>?</c> optional. Errors are QEMU's texts.
/// </summary>
public static class HmpArgumentParser
{
    /// <summary>QEMU's buffer for one string argument (char buf[1024]): longer strings are cut to 1023 characters.</summary>
    private const int MaxString = 1023;

    /// <summary>
    /// Parses the arguments of <paramref name="command"/> from <paramref name="pos"/>. <paramref name="stdout"/>
    /// receives what QEMU's get_str prints with printf (to the process's standard output, not to the monitor):
    /// "unterminated string", "unsupported escape code"; null means <see cref="Console.Out"/>.
    /// </summary>
    public static HmpArguments Parse(HmpCommand command, string line, ref int pos, MemoryDumpFormat formatState, IRegisterReader? registers, TextWriter? stdout = null)
    {
        var args = new HmpArguments();
        var specs = command.ArgsType.Length == 0 ? [] : command.ArgsType.Split(',');
        var flags = new Dictionary<char, string>();
        foreach (var spec in specs)
        {
            var colon = spec.IndexOf(':', StringComparison.Ordinal);
            var name = spec[..colon];
            var type = spec[(colon + 1)..];
            if (type.StartsWith('-'))
            {
                flags[type[1]] = name;
            }
        }

        if (flags.Count > 0)
        {
            ParseFlags(command, line, ref pos, flags, args);
        }

        foreach (var spec in specs)
        {
            var colon = spec.IndexOf(':', StringComparison.Ordinal);
            var name = spec[..colon];
            var type = spec[(colon + 1)..];
            var optional = type.EndsWith('?');
            SkipSpaces(line, ref pos);
            switch (type[0])
            {
                case '-':
                    break;
                case '/':
                    args.Set(name, formatState.Parse(line, ref pos));
                    break;
                case 'l' or 'L' or 'i':
                    if (optional && pos >= line.Length)
                    {
                        break;
                    }

                    var value = HmpExpression.Evaluate(line, ref pos, registers);
                    if (type[0] == 'i' && (value >> 32) != 0)
                    {
                        throw new HmpException($"'{command.Name}' has failed: integer is for 32-bit values");
                    }

                    args.Set(name, value);
                    break;
                case 's' or 'F' or 'B':
                    if (optional && pos >= line.Length)
                    {
                        break;
                    }

                    if (!TryGetString(line, ref pos, stdout ?? Console.Out, out var text))
                    {
                        var what = type[0] switch { 'F' => "filename", 'B' => "block device name", _ => "string" };
                        throw new HmpException($"{command.Name}: {what} expected");
                    }

                    args.Set(name, text);
                    break;
                case 'S':
                    if (pos < line.Length)
                    {
                        args.Set(name, line[pos..].TrimEnd());
                        pos = line.Length;
                    }

                    break;
                default:
                    throw new InvalidOperationException($"args_type '{type}' of {command.Name} is not supported");
            }
        }

        SkipSpaces(line, ref pos);
        if (pos < line.Length)
        {
            throw new HmpException($"{command.Name}: extraneous characters at the end of line");
        }

        return args;
    }

    private static void ParseFlags(HmpCommand command, string line, ref int pos, Dictionary<char, string> flags, HmpArguments args)
    {
        while (true)
        {
            SkipSpaces(line, ref pos);
            if (pos >= line.Length || line[pos] != '-')
            {
                return;
            }

            pos++;
            while (pos < line.Length && !char.IsWhiteSpace(line[pos]))
            {
                var c = line[pos];
                if (!flags.TryGetValue(c, out var name))
                {
                    throw new HmpException($"{FirstName(command)}: unsupported option -{c}");
                }

                args.Set(name, true);
                pos++;
            }
        }
    }

    /// <summary>
    /// QEMU's get_str: one word up to white space, or a double-quoted string with the escapes \n \r \\ \' \".
    /// False at the end of the line and for a bad string (after printing QEMU's message to <paramref name="stdout"/>).
    /// </summary>
    private static bool TryGetString(string line, ref int pos, TextWriter stdout, out string text)
    {
        var buffer = new StringBuilder();
        text = string.Empty;
        SkipSpaces(line, ref pos);
        if (pos >= line.Length)
        {
            return false;
        }

        if (line[pos] != '"')
        {
            for (; pos < line.Length && !char.IsWhiteSpace(line[pos]); pos++)
            {
                Append(buffer, line[pos]);
            }

            text = buffer.ToString();
            return true;
        }

        for (pos++; pos < line.Length && line[pos] != '"'; pos++)
        {
            if (line[pos] != '\\')
            {
                Append(buffer, line[pos]);
                continue;
            }

            pos++;
            var c = pos < line.Length ? line[pos] : '\0';
            switch (c)
            {
                case 'n':
                    Append(buffer, '\n');
                    break;
                case 'r':
                    Append(buffer, '\r');
                    break;
                case '\\' or '\'' or '"':
                    Append(buffer, c);
                    break;
                default:
                    // A backslash at the end of the line prints its NUL terminator, as QEMU's printf("%c") does.
                    stdout.Write($"unsupported escape code: '\\{c}'\n");
                    stdout.Flush();
                    return false;
            }
        }

        if (pos >= line.Length)
        {
            stdout.Write("unterminated string\n");
            stdout.Flush();
            return false;
        }

        pos++;
        text = buffer.ToString();
        return true;
    }

    private static void Append(StringBuilder buffer, char c)
    {
        if (buffer.Length < MaxString)
        {
            buffer.Append(c);
        }
    }

    private static string FirstName(HmpCommand command)
    {
        var bar = command.Name.IndexOf('|', StringComparison.Ordinal);
        return bar < 0 ? command.Name : command.Name[..bar];
    }

    private static void SkipSpaces(string line, ref int pos)
    {
        while (pos < line.Length && char.IsWhiteSpace(line[pos]))
        {
            pos++;
        }
    }
}
