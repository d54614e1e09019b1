// Implements: management.md §1.1; QEMU 7.2 util/qemu-option.c opts_do_parse/get_opt_name_value (QemuOpts),
// util/keyval.c keyval_parse_one (keyval) and the JSON form of -device/-object (qobject_from_json).
// Not modelled: keyval's nested dotted keys become plain "a.b" keys; JSON nested values are kept as raw JSON.
using System.Text;
using System.Text.Json;
using Nemu.Options.Values;

namespace Nemu.Options.Syntax;

/// <summary>Parses one option argument against an <see cref="OptionGroup"/>.</summary>
public static class OptsParser
{
    /// <summary>
    /// Parses <paramref name="text"/>; throws <see cref="OptionsException"/> (without a location; the caller adds
    /// the <c>-opt arg</c> location) with QEMU's wording.
    /// </summary>
    public static ParsedOptions Parse(string text, OptionGroup group)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(group);
        if (group.AcceptsJson && text.StartsWith('{'))
        {
            return ParseJson(text, group);
        }

        var entries = new List<OptionEntry>();
        var warnings = new List<(int Entry, string Text)>();
        var help = group.Syntax == OptionSyntax.Keyval
            ? ParseKeyval(text, group, entries)
            : ParseQemuOpts(text, group, entries, warnings);
        // QEMU checks each item as it is parsed: warnings of earlier items are printed before the error.
        for (var i = 0; i < entries.Count; i++)
        {
            try
            {
                Validate(group, entries[i]);
            }
            catch (OptionsException ex)
            {
                throw ex.WithWarnings(warnings.Count > 0 ? WarningsUpTo(warnings, i) : []);
            }
        }

        return new ParsedOptions(group, entries, WarningsUpTo(warnings, int.MaxValue), help);
    }

    /// <summary>True for QEMU's help spellings (<c>help</c>, <c>?</c>), is_help_option().</summary>
    public static bool IsHelpValue(string? value) => value is "help" or "?";

    private static bool ParseQemuOpts(string text, OptionGroup group, List<OptionEntry> entries, List<(int Entry, string Text)> warnings)
    {
        var help = false;
        var p = 0;
        var first = true;
        while (p < text.Length)
        {
            var len = IndexOfAny(text, p, '=', ',') - p;
            if (p + len < text.Length && text[p + len] == '=')
            {
                var key = text.Substring(p, len);
                p = ReadEscapedValue(text, p + len + 1, out var value);
                entries.Add(new OptionEntry(key, value));
            }
            else if (first && group.ImpliedKey is not null)
            {
                p = ReadEscapedValue(text, p, out var value);
                entries.Add(new OptionEntry(group.ImpliedKey, value));
            }
            else
            {
                // A bare "flag" means flag=on and "noflag" flag=off: the deprecated short form.
                var name = text.Substring(p, len);
                p += len;
                if (IsHelpValue(name))
                {
                    help = true;
                }
                else
                {
                    var off = name.StartsWith("no", StringComparison.Ordinal);
                    var key = off ? name[2..] : name;
                    var value = off ? "off" : "on";
                    warnings.Add((entries.Count, $"warning: short-form boolean option '{name}' deprecated\nPlease use {key}={value} instead"));
                    entries.Add(new OptionEntry(key, value));
                }
            }

            if (p < text.Length)
            {
                p++; // the separating comma
            }

            first = false;
        }

        return help;
    }

    private static bool ParseKeyval(string text, OptionGroup group, List<OptionEntry> entries)
    {
        var help = false;
        var p = 0;
        var first = true;
        while (p < text.Length)
        {
            var len = IndexOfAny(text, p, '=', ',') - p;
            var name = text.Substring(p, len);
            var atEq = p + len < text.Length && text[p + len] == '=';
            if (!atEq && IsHelpValue(name))
            {
                help = true;
                p += len;
            }
            else if (first && group.ImpliedKey is not null && len > 0 && !atEq)
            {
                // The implied value ends at the first comma: ",," is no escape here (7.2 observed).
                entries.Add(new OptionEntry(group.ImpliedKey, name));
                p += len;
            }
            else
            {
                if (!IsQapiKey(name))
                {
                    throw new OptionsException($"Invalid parameter '{name}'");
                }

                if (!atEq)
                {
                    throw new OptionsException($"Expected '=' after parameter '{name}'");
                }

                p = ReadEscapedValue(text, p + len + 1, out var value);
                entries.Add(new OptionEntry(name, value));
            }

            if (p < text.Length)
            {
                p++;
            }

            first = false;
        }

        return help;
    }

    private static ParsedOptions ParseJson(string text, OptionGroup group)
    {
        var entries = new List<OptionEntry>();
        try
        {
            using var doc = JsonDocument.Parse(text, new JsonDocumentOptions { MaxDepth = 64 });
            if (doc.RootElement.ValueKind != JsonValueKind.Object)
            {
                throw new OptionsException("JSON parse error, expected an object");
            }

            foreach (var member in doc.RootElement.EnumerateObject())
            {
                var value = member.Value.ValueKind switch
                {
                    JsonValueKind.String => member.Value.GetString() ?? "",
                    JsonValueKind.True => "on",
                    JsonValueKind.False => "off",
                    _ => member.Value.GetRawText(),
                };
                entries.Add(new OptionEntry(member.Name, value));
            }
        }
        catch (JsonException ex)
        {
            var premature = ex.BytePositionInLine is { } pos && ex.LineNumber == 0 && pos >= Encoding.UTF8.GetByteCount(text);
            throw new OptionsException(premature ? "JSON parse error, premature EOI" : "JSON parse error, invalid JSON");
        }

        return new ParsedOptions(group, entries, [], false);
    }

    private static void Validate(OptionGroup group, OptionEntry entry)
    {
        var type = group.TypeOf(entry.Key) ?? throw new OptionsException($"Invalid parameter '{entry.Key}'");
        switch (type)
        {
            case OptionType.Bool:
                QemuBool.Parse(entry.Key, entry.Value);
                break;
            case OptionType.Number:
                QemuNumber.Parse(entry.Key, entry.Value);
                break;
            case OptionType.Size:
                QemuSize.Parse(entry.Key, entry.Value);
                break;
        }
    }

    private static List<string> WarningsUpTo(List<(int Entry, string Text)> warnings, int entry)
    {
        var list = new List<string>();
        foreach (var (index, text) in warnings)
        {
            if (index <= entry)
            {
                list.Add(text);
            }
        }

        return list;
    }

    private static int ReadEscapedValue(string text, int p, out string value)
    {
        var sb = new StringBuilder();
        while (p < text.Length)
        {
            if (text[p] == ',')
            {
                if (p + 1 < text.Length && text[p + 1] == ',')
                {
                    sb.Append(',');
                    p += 2;
                    continue;
                }

                break;
            }

            sb.Append(text[p++]);
        }

        value = sb.ToString();
        return p;
    }

    private static int IndexOfAny(string text, int start, char a, char b)
    {
        var i = text.IndexOfAny([a, b], start);
        return i < 0 ? text.Length : i;
    }

    // keyval key: dot-separated fragments, each a letter then letters, digits, '-' or '_', at most 127 chars.
    private static bool IsQapiKey(string key)
    {
        if (key.Length == 0)
        {
            return false;
        }

        foreach (var fragment in key.Split('.'))
        {
            if (fragment.Length is 0 or > 127 || !char.IsAsciiLetter(fragment[0]))
            {
                return false;
            }

            foreach (var c in fragment)
            {
                if (!char.IsAsciiLetterOrDigit(c) && c is not '-' and not '_')
                {
                    return false;
                }
            }
        }

        return true;
    }
}
