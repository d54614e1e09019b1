namespace Nemu.Monitor.Hmp;

/// <summary>
/// Parses a command's arguments after QEMU's args_type rules (monitor/hmp.c, monitor_parse_arguments):
/// <c>/</c> memory-dump format, <c>l</c>/<c>L</c>/<c>i</c> expressions, <c>s</c> one word, <c>S</c> the rest of
/// the line, <c>-x</c> flags (several letters may share one dash), <c>?</c> optional. Errors are QEMU's texts.
/// </summary>
public static class HmpArgumentParser
{
    public static HmpArguments Parse(HmpCommand command, string line, ref int pos, MemoryDumpFormat formatState, IRegisterReader? registers)
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

                    args.Set(name, HmpExpression.Evaluate(line, ref pos, registers));
                    break;
                case 's':
                    if (pos >= line.Length)
                    {
                        if (optional)
                        {
                            break;
                        }

                        throw new HmpException($"{FirstName(command)}: block device name expected");
                    }

                    var start = pos;
                    while (pos < line.Length && !char.IsWhiteSpace(line[pos]))
                    {
                        pos++;
                    }

                    args.Set(name, line[start..pos]);
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
