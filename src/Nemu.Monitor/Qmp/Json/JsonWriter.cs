using System.Globalization;
using System.Text;

namespace Nemu.Monitor.Qmp.Json;

/// <summary>
/// Prints a <see cref="JsonValue"/> as QEMU's JSON writer does (qobject/json-writer.c): compact form
/// with <c>", "</c> and <c>": "</c> separators (<c>{"return": {}}</c>), or pretty form (-qmp-pretty)
/// with each member on its own line indented by 4 spaces per level and an empty container printed as
/// <c>{</c>, newline, <c>}</c>. Output is ASCII: <c>"</c>, <c>\</c>, \b \f \n \r \t use short escapes,
/// other characters below 0x20 or from 0x7F up become <c>\uXXXX</c> (upper-case hex; beyond the BMP
/// a surrogate pair), a lone surrogate or a noncharacter becomes <c>\uFFFD</c>. Doubles print as C's <c>%.17g</c>.
/// Members print in the order the object holds them; QEMU's QDict hash order is the caller's concern.
/// </summary>
public static class JsonWriter
{
    /// <summary>The text of <paramref name="value"/>, without a line terminator.</summary>
    public static string Write(JsonValue value, bool pretty = false)
    {
        var sb = new StringBuilder();
        Write(sb, value, pretty);
        return sb.ToString();
    }

    /// <summary>Appends the text of <paramref name="value"/> to <paramref name="sb"/>.</summary>
    public static void Write(StringBuilder sb, JsonValue value, bool pretty = false) => WriteValue(sb, value, pretty, 0);

    /// <summary>
    /// One QMP message as the monitor sends it: the text plus a newline, with every <c>\n</c> turned into
    /// CRLF as monitor_puts does (so pretty mode's inner lines end in CRLF too).
    /// </summary>
    public static string ToQmpMessage(JsonValue value, bool pretty = false) =>
        Write(value, pretty).Replace("\n", "\r\n", StringComparison.Ordinal) + "\r\n";

    /// <summary>C's <c>%.17g</c> of <paramref name="value"/> (glibc spelling of infinities and NaN).</summary>
    public static string FormatDouble(double value)
    {
        if (double.IsNaN(value))
        {
            return double.IsNegative(value) ? "-nan" : "nan";
        }

        if (double.IsInfinity(value))
        {
            return value < 0 ? "-inf" : "inf";
        }

        // .NET's G17 chooses fixed or exponent form by C's rule; only the exponent letter differs.
        return value.ToString("G17", CultureInfo.InvariantCulture).Replace('E', 'e');
    }

    private static void WriteValue(StringBuilder sb, JsonValue value, bool pretty, int depth)
    {
        switch (value)
        {
            case JsonObject obj:
                sb.Append('{');
                for (var i = 0; i < obj.Count; i++)
                {
                    Separator(sb, pretty, depth + 1, i);
                    WriteString(sb, obj.Members[i].Key);
                    sb.Append(": ");
                    WriteValue(sb, obj.Members[i].Value, pretty, depth + 1);
                }

                NewLine(sb, pretty, depth);
                sb.Append('}');
                break;
            case JsonArray array:
                sb.Append('[');
                for (var i = 0; i < array.Count; i++)
                {
                    Separator(sb, pretty, depth + 1, i);
                    WriteValue(sb, array[i], pretty, depth + 1);
                }

                NewLine(sb, pretty, depth);
                sb.Append(']');
                break;
            case JsonString s:
                WriteString(sb, s.Value);
                break;
            case JsonNumber n:
                WriteNumber(sb, n);
                break;
            case JsonBool b:
                sb.Append(b.Value ? "true" : "false");
                break;
            default:
                sb.Append("null");
                break;
        }
    }

    private static void Separator(StringBuilder sb, bool pretty, int depth, int index)
    {
        if (index > 0)
        {
            sb.Append(',');
            if (!pretty)
            {
                sb.Append(' ');
            }
        }

        NewLine(sb, pretty, depth);
    }

    private static void NewLine(StringBuilder sb, bool pretty, int depth)
    {
        if (pretty)
        {
            sb.Append('\n').Append(' ', depth * 4);
        }
    }

    private static void WriteNumber(StringBuilder sb, JsonNumber n)
    {
        switch (n.Kind)
        {
            case JsonNumberKind.Int64:
                n.TryGetInt64(out var i);
                sb.Append(i.ToString(CultureInfo.InvariantCulture));
                break;
            case JsonNumberKind.UInt64:
                n.TryGetUInt64(out var u);
                sb.Append(u.ToString(CultureInfo.InvariantCulture));
                break;
            default:
                sb.Append(FormatDouble(n.AsDouble()));
                break;
        }
    }

    private static void WriteString(StringBuilder sb, string s)
    {
        sb.Append('"');
        for (var i = 0; i < s.Length; i++)
        {
            var c = s[i];
            switch (c)
            {
                case '"': sb.Append("\\\""); continue;
                case '\\': sb.Append("\\\\"); continue;
                case '\b': sb.Append("\\b"); continue;
                case '\f': sb.Append("\\f"); continue;
                case '\n': sb.Append("\\n"); continue;
                case '\r': sb.Append("\\r"); continue;
                case '\t': sb.Append("\\t"); continue;
            }

            if (char.IsHighSurrogate(c) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1])
                && ModifiedUtf8.IsValidCodePoint(char.ConvertToUtf32(c, s[i + 1])))
            {
                AppendEscape(sb, c);
                AppendEscape(sb, s[++i]);
            }
            else if (char.IsSurrogate(c) || !ModifiedUtf8.IsValidCodePoint(c))
            {
                // QEMU's writer prints what mod_utf8_codepoint rejects as the replacement character.
                AppendEscape(sb, '\uFFFD');
                if (char.IsHighSurrogate(c) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1]))
                {
                    i++;
                }
            }
            else if (c < 0x20 || c >= 0x7F)
            {
                AppendEscape(sb, c);
            }
            else
            {
                sb.Append(c);
            }
        }

        sb.Append('"');
    }

    private static void AppendEscape(StringBuilder sb, char c) =>
        sb.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
}
