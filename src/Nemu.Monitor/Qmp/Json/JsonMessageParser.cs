namespace Nemu.Monitor.Qmp.Json;

/// <summary>
/// QMP's streaming JSON reader: QEMU's json-lexer, json-streamer and json-parser (qobject/) together.
/// Bytes arrive in any chunks through <see cref="Feed"/>; a message is complete when brace and bracket
/// depth return to 0 (or go negative), not at a line end, so <c>{..}{..}</c> gives two values and one
/// value may span lines. A scalar at depth 0 is a message on its own. Each message yields one
/// <see cref="JsonParseResult"/>: the value or QEMU's error text, e.g. "JSON parse error, stray
/// '\u0001'" for a lexical error, "JSON parse error, expected separator in dict" for a syntax error,
/// and "JSON token size limit exceeded", "JSON token count limit exceeded", "JSON nesting depth limit
/// exceeded" for the security limits (management.md §2.1). After any error the pending message is
/// dropped and the depth reset; after a lexical error the lexer also skips to a resynchronisation
/// point. Memory stays within the limits; malformed input never throws.
/// </summary>
public sealed class JsonMessageParser
{
    private readonly Action<JsonParseResult> _emit;
    private readonly JsonParserLimits _limits;
    private readonly JsonLexer _lexer;
    private readonly JsonTokenQueue _tokens = new();
    private int _braceCount;
    private int _bracketCount;
    private long _tokenSize;

    /// <summary>A parser with QEMU's limits that hands each message to <paramref name="emit"/>.</summary>
    public JsonMessageParser(Action<JsonParseResult> emit)
        : this(emit, JsonParserLimits.Qemu)
    {
    }

    /// <summary>A parser with the given <paramref name="limits"/>.</summary>
    public JsonMessageParser(Action<JsonParseResult> emit, JsonParserLimits limits)
    {
        _emit = emit;
        _limits = limits;
        _lexer = new JsonLexer(ProcessToken, limits.MaxTokenSize);
    }

    /// <summary>Parses every message of a complete input (then flushes); for tests and tools.</summary>
    public static IReadOnlyList<JsonParseResult> ParseAll(ReadOnlySpan<byte> input)
    {
        var results = new List<JsonParseResult>();
        var parser = new JsonMessageParser(results.Add);
        parser.Feed(input);
        parser.Flush();
        return results;
    }

    /// <summary>Parses the UTF-8 of <paramref name="input"/> (see <see cref="ParseAll(ReadOnlySpan{byte})"/>).</summary>
    public static IReadOnlyList<JsonParseResult> ParseAll(string input) =>
        ParseAll(global::System.Text.Encoding.UTF8.GetBytes(input));

    /// <summary>Feeds received bytes; complete messages are emitted before this returns.</summary>
    public void Feed(ReadOnlySpan<byte> bytes) => _lexer.Feed(bytes);

    /// <summary>
    /// Ends the input (json_message_parser_flush): a pending number or keyword is finished, an unfinished
    /// string is a lexical error, and pending tokens are parsed (typically "premature EOI").
    /// </summary>
    public void Flush() => _lexer.Flush();

    /// <summary>Forgets all pending input, as QEMU does when a QMP client reconnects.</summary>
    public void Reset()
    {
        _lexer.Reset();
        Clear();
    }

    private void ProcessToken(JsonTokenType type, ReadOnlySpan<byte> text)
    {
        switch (type)
        {
            case JsonTokenType.LCurly:
                _braceCount++;
                break;
            case JsonTokenType.RCurly:
                _braceCount--;
                break;
            case JsonTokenType.LSquare:
                _bracketCount++;
                break;
            case JsonTokenType.RSquare:
                _bracketCount--;
                break;
            case JsonTokenType.Error:
                Finish(JsonParseResult.FromError("JSON parse error, stray '" + StrayText(text) + "'"));
                return;
            case JsonTokenType.EndOfInput:
                if (_tokens.Count > 0)
                {
                    Finish(JsonTokenParser.Parse(_tokens));
                }

                return;
        }

        if (_tokenSize + text.Length + 1 > _limits.MaxTokenSize)
        {
            Finish(JsonParseResult.FromError("JSON token size limit exceeded"));
            return;
        }

        if (_tokens.Count + 1 > _limits.MaxTokenCount)
        {
            Finish(JsonParseResult.FromError("JSON token count limit exceeded"));
            return;
        }

        if (_bracketCount + _braceCount > _limits.MaxNesting)
        {
            Finish(JsonParseResult.FromError("JSON nesting depth limit exceeded"));
            return;
        }

        _tokens.Add(type, text);
        _tokenSize += text.Length;
        if ((_braceCount > 0 || _bracketCount > 0) && _braceCount >= 0 && _bracketCount >= 0)
        {
            return;
        }

        Finish(JsonTokenParser.Parse(_tokens));
    }

    private void Finish(JsonParseResult result)
    {
        Clear();
        _emit(result);
    }

    private void Clear()
    {
        _braceCount = 0;
        _bracketCount = 0;
        _tokenSize = 0;
        _tokens.Clear();
    }

    // QEMU formats the token with %s, so the text ends at a NUL byte.
    private static string StrayText(ReadOnlySpan<byte> text)
    {
        var nul = text.IndexOf((byte)0);
        return ModifiedUtf8.ToDisplayString(nul >= 0 ? text[..nul] : text);
    }
}
