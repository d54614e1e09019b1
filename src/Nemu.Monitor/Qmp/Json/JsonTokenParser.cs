using System.Globalization;
using System.Text;

namespace Nemu.Monitor.Qmp.Json;

/// <summary>
/// QEMU's recursive-descent JSON parser (qobject/json-parser.c) over one message's tokens. The first
/// error wins and is reported as "JSON parse error, MESSAGE" with QEMU's message texts ("expecting
/// value", "expected separator in dict", "premature EOI", "duplicate key", ...). Recursion depth is
/// bounded by the streamer's nesting limit. Strings are modified UTF-8 with <c>\uXXXX</c> surrogate
/// pairs; integers become int64, else uint64, else double, as parse_literal does.
/// </summary>
internal sealed class JsonTokenParser
{
    // parse_error formats into a 1024-byte buffer.
    private const int MaxMessageLength = 1023;

    private readonly JsonTokenQueue _tokens;
    private int _next;
    private string? _error;

    private JsonTokenParser(JsonTokenQueue tokens)
    {
        _tokens = tokens;
    }

    /// <summary>Parses the queued tokens into one value, or returns the error text.</summary>
    public static JsonParseResult Parse(JsonTokenQueue tokens)
    {
        var parser = new JsonTokenParser(tokens);
        var value = parser.ParseValue();
        return value is not null && parser._error is null
            ? JsonParseResult.FromValue(value)
            : JsonParseResult.FromError(parser._error ?? "JSON parse error, expecting value");
    }

    private bool AtEnd => _next >= _tokens.Count;

    private void Error(string message)
    {
        if (_error is null)
        {
            _error = "JSON parse error, " + (message.Length > MaxMessageLength ? message[..MaxMessageLength] : message);
        }
    }

    private JsonValue? ParseValue()
    {
        if (AtEnd)
        {
            Error("premature EOI");
            return null;
        }

        switch (_tokens.TypeAt(_next))
        {
            case JsonTokenType.LCurly:
                return ParseObject();
            case JsonTokenType.LSquare:
                return ParseArray();
            case JsonTokenType.Integer:
            case JsonTokenType.Float:
            case JsonTokenType.String:
                return ParseLiteral();
            case JsonTokenType.Keyword:
                return ParseKeyword();
            default:
                Error("expecting value");
                return null;
        }
    }

    private JsonValue? ParseObject()
    {
        _next++;
        var members = new List<KeyValuePair<string, JsonValue>>();
        var keys = new HashSet<string>(StringComparer.Ordinal);
        if (AtEnd)
        {
            Error("premature EOI");
            return null;
        }

        if (_tokens.TypeAt(_next) == JsonTokenType.RCurly)
        {
            _next++;
            return new JsonObject(members);
        }

        if (!ParsePair(members, keys))
        {
            return null;
        }

        while (true)
        {
            if (AtEnd)
            {
                Error("premature EOI");
                return null;
            }

            var token = _tokens.TypeAt(_next++);
            if (token == JsonTokenType.RCurly)
            {
                return new JsonObject(members);
            }

            if (token != JsonTokenType.Comma)
            {
                Error("expected separator in dict");
                return null;
            }

            if (!ParsePair(members, keys))
            {
                return null;
            }
        }
    }

    private bool ParsePair(List<KeyValuePair<string, JsonValue>> members, HashSet<string> keys)
    {
        if (AtEnd)
        {
            Error("premature EOI");
            return false;
        }

        if (ParseValue() is not JsonString key)
        {
            Error("key is not a string in object");
            return false;
        }

        if (AtEnd)
        {
            Error("premature EOI");
            return false;
        }

        if (_tokens.TypeAt(_next++) != JsonTokenType.Colon)
        {
            Error("missing : in object pair");
            return false;
        }

        var value = ParseValue();
        if (value is null)
        {
            Error("Missing value in dict");
            return false;
        }

        if (!keys.Add(key.Value))
        {
            Error("duplicate key");
            return false;
        }

        members.Add(new KeyValuePair<string, JsonValue>(key.Value, value));
        return true;
    }

    private JsonValue? ParseArray()
    {
        _next++;
        var items = new List<JsonValue>();
        if (AtEnd)
        {
            Error("premature EOI");
            return null;
        }

        if (_tokens.TypeAt(_next) == JsonTokenType.RSquare)
        {
            _next++;
            return new JsonArray(items);
        }

        while (true)
        {
            var item = ParseValue();
            if (item is null)
            {
                Error("expecting value");
                return null;
            }

            items.Add(item);
            if (AtEnd)
            {
                Error("premature EOI");
                return null;
            }

            var token = _tokens.TypeAt(_next++);
            if (token == JsonTokenType.RSquare)
            {
                return new JsonArray(items);
            }

            if (token != JsonTokenType.Comma)
            {
                Error("expected separator in list");
                return null;
            }
        }
    }

    private JsonValue? ParseKeyword()
    {
        var text = Encoding.ASCII.GetString(_tokens.TextAt(_next++));
        switch (text)
        {
            case "true":
                return JsonBool.True;
            case "false":
                return JsonBool.False;
            case "null":
                return JsonNull.Instance;
            default:
                Error($"invalid keyword '{text}'");
                return null;
        }
    }

    private JsonValue? ParseLiteral()
    {
        var type = _tokens.TypeAt(_next);
        var text = _tokens.TextAt(_next++);
        if (type == JsonTokenType.String)
        {
            return ParseString(text);
        }

        var s = Encoding.ASCII.GetString(text);
        if (type == JsonTokenType.Integer)
        {
            if (long.TryParse(s, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var i))
            {
                return JsonNumber.FromInt64(i);
            }

            if (s[0] != '-' && ulong.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out var u))
            {
                return JsonNumber.FromUInt64(u);
            }
        }

        // strtod: out-of-range values become infinity or zero, never an error.
        return JsonNumber.FromDouble(double.Parse(s, NumberStyles.Float, CultureInfo.InvariantCulture));
    }

    private JsonString? ParseString(ReadOnlySpan<byte> token)
    {
        var quote = token[0];
        var sb = new StringBuilder(token.Length);
        var p = 1;
        while (p < token.Length && token[p] != quote)
        {
            if (token[p] != '\\')
            {
                var cp = ModifiedUtf8.DecodeCodePoint(token[p..], out var used);
                if (cp < 0)
                {
                    Error("invalid UTF-8 sequence in string");
                    return null;
                }

                AppendCodePoint(sb, cp);
                p += used;
                continue;
            }

            var begin = p++;
            switch (token[p++])
            {
                case (byte)'"': sb.Append('"'); break;
                case (byte)'\'': sb.Append('\''); break;
                case (byte)'\\': sb.Append('\\'); break;
                case (byte)'/': sb.Append('/'); break;
                case (byte)'b': sb.Append('\b'); break;
                case (byte)'f': sb.Append('\f'); break;
                case (byte)'n': sb.Append('\n'); break;
                case (byte)'r': sb.Append('\r'); break;
                case (byte)'t': sb.Append('\t'); break;
                case (byte)'u':
                    {
                        var cp = Hex4(token, p);
                        p += 4;
                        if (cp >= 0xD800 && cp <= 0xDBFF && At(token, p) == '\\' && At(token, p + 1) == 'u')
                        {
                            var trailing = Hex4(token, p + 2);
                            if (trailing >= 0xDC00 && trailing <= 0xDFFF)
                            {
                                cp = 0x10000 + ((cp & 0x3FF) << 10) | (trailing & 0x3FF);
                                p += 6;
                            }
                            else
                            {
                                cp = -1;
                            }
                        }

                        if (!ModifiedUtf8.IsValidCodePoint(cp))
                        {
                            var shown = token[begin..Math.Min(p, token.Length)];
                            Error($"{ModifiedUtf8.ToDisplayString(shown)} is not a valid Unicode character");
                            return null;
                        }

                        AppendCodePoint(sb, cp);
                        break;
                    }

                default:
                    Error("invalid escape sequence in string");
                    return null;
            }
        }

        return new JsonString(sb.ToString());
    }

    private static void AppendCodePoint(StringBuilder sb, int cp)
    {
        if (cp < 0x10000)
        {
            sb.Append((char)cp);
        }
        else
        {
            sb.Append(char.ConvertFromUtf32(cp));
        }
    }

    private static int At(ReadOnlySpan<byte> s, int index) => index < s.Length ? s[index] : 0;

    private static int Hex4(ReadOnlySpan<byte> s, int at)
    {
        var cp = 0;
        for (var i = 0; i < 4; i++)
        {
            var c = At(s, at + i);
            int v = c switch
            {
                >= '0' and <= '9' => c - '0',
                >= 'a' and <= 'f' => c - 'a' + 10,
                >= 'A' and <= 'F' => c - 'A' + 10,
                _ => -1,
            };
            if (v < 0)
            {
                return -1;
            }

            cp = (cp << 4) | v;
        }

        return cp;
    }
}
