// The legacy chardev strings of -serial, -monitor, -qmp, -gdb (QEMU's qemu_chr_parse_compat in
// chardev/char.c; management.md §1.2, §6.1). Not supported by Nemu: pty, udp:, /dev/... paths. A malformed
// vc size (vc:80) fails silently in QEMU (-serial then says only "could not connect serial device"); Nemu
// reports it as not a valid char driver.
namespace Nemu.Chardevs;

/// <summary>Turns <c>tcp:127.0.0.1:4444,server=on,wait=off</c> and friends into <c>-chardev</c> options.</summary>
public static class LegacyChardevSpec
{
    /// <summary>
    /// The options equivalent to <paramref name="spec"/> (without <c>id</c>), or null for <c>none</c>.
    /// <c>mon:X</c> adds <c>mux=on</c>. <c>chardev:ID</c> is not an option set: see
    /// <see cref="ChardevFactory.CreateFromLegacy"/>.
    /// </summary>
    /// <exception cref="ChardevException"><c>'SPEC' is not a valid char driver</c>, or an option error.</exception>
    public static IReadOnlyDictionary<string, string>? Parse(string spec)
    {
        if (spec == "none")
        {
            return null;
        }

        var options = new List<KeyValuePair<string, string>>();
        var rest = spec;
        if (rest.StartsWith("mon:", StringComparison.Ordinal))
        {
            rest = rest[4..];
            options.Add(new("mux", "on"));
        }

        if (rest is "null" or "stdio")
        {
            options.Add(new("backend", rest));
        }
        else if (rest.StartsWith("vc", StringComparison.Ordinal))
        {
            // "vc", "vc:WxH" (pixels), "vc:COLSCxROWSC" (characters); anything else after "vc" but a colon is ignored.
            options.Add(new("backend", "vc"));
            if (rest.Length > 2 && rest[2] == ':')
            {
                if (ScanSize(rest.AsSpan(3), "x") is var (width, height))
                {
                    options.Add(new("width", width));
                    options.Add(new("height", height));
                }
                else if (ScanSize(rest.AsSpan(3), "Cx") is var (cols, rows))
                {
                    options.Add(new("cols", cols));
                    options.Add(new("rows", rows));
                }
                else
                {
                    throw new ChardevException($"'{spec}' is not a valid char driver");
                }
            }
        }
        else if (rest.StartsWith("file:", StringComparison.Ordinal))
        {
            options.Add(new("backend", "file"));
            options.Add(new("path", rest[5..]));
        }
        else if (rest.StartsWith("pipe:", StringComparison.Ordinal))
        {
            options.Add(new("backend", "pipe"));
            options.Add(new("path", rest[5..]));
        }
        else if (rest.StartsWith("tcp:", StringComparison.Ordinal) || rest.StartsWith("telnet:", StringComparison.Ordinal))
        {
            var telnet = rest[0] == 't' && rest[1] == 'e';
            var parts = SplitOptions(rest[(telnet ? 7 : 4)..]);
            var address = parts[0];
            var colon = address.LastIndexOf(':');
            if (colon < 0 || (address.StartsWith('[') && address.IndexOf(']', StringComparison.Ordinal) > colon))
            {
                throw new ChardevException($"'{spec}' is not a valid char driver");
            }

            options.Add(new("backend", "socket"));
            options.Add(new("host", address[..colon].Trim('[', ']')));
            options.Add(new("port", address[(colon + 1)..]));
            if (telnet)
            {
                options.Add(new("telnet", "on"));
            }

            AddKeyValues(options, parts);
        }
        else if (rest.StartsWith("unix:", StringComparison.Ordinal))
        {
            var parts = SplitOptions(rest[5..]);
            options.Add(new("backend", "socket"));
            options.Add(new("path", parts[0]));
            AddKeyValues(options, parts);
        }
        else
        {
            throw new ChardevException($"'{spec}' is not a valid char driver");
        }

        var dictionary = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in ChardevOptions.From(options).Values)
        {
            dictionary[key] = value;
        }

        return dictionary;
    }

    /// <summary>Splits at single commas; <c>,,</c> is a literal comma (QemuOpts).</summary>
    internal static List<string> SplitOptions(string text)
    {
        var parts = new List<string>();
        var current = new System.Text.StringBuilder();
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == ',')
            {
                if (i + 1 < text.Length && text[i + 1] == ',')
                {
                    current.Append(',');
                    i++;
                    continue;
                }

                parts.Add(current.ToString());
                current.Clear();
                continue;
            }

            current.Append(text[i]);
        }

        parts.Add(current.ToString());
        return parts;
    }

    /// <summary>
    /// sscanf(text, "%7[0-9]SEPARATOR%7[0-9]") == 2: up to 7 digits, the separator, then up to 7 digits; the rest is ignored.
    /// </summary>
    private static (string First, string Second)? ScanSize(ReadOnlySpan<char> text, string separator)
    {
        var first = Digits(text);
        if (first == 0 || !text[first..].StartsWith(separator, StringComparison.Ordinal))
        {
            return null;
        }

        var rest = text[(first + separator.Length)..];
        var second = Digits(rest);
        return second == 0 ? null : (text[..first].ToString(), rest[..second].ToString());

        static int Digits(ReadOnlySpan<char> s)
        {
            var n = 0;
            while (n < s.Length && n < 7 && char.IsAsciiDigit(s[n]))
            {
                n++;
            }

            return n;
        }
    }

    private static void AddKeyValues(List<KeyValuePair<string, string>> options, List<string> parts)
    {
        for (var i = 1; i < parts.Count; i++)
        {
            var eq = parts[i].IndexOf('=', StringComparison.Ordinal);
            options.Add(eq < 0 ? new(parts[i], "") : new(parts[i][..eq], parts[i][(eq + 1)..]));
        }
    }
}
