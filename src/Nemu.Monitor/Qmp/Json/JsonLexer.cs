namespace Nemu.Monitor.Qmp.Json;

/// <summary>
/// QEMU's JSON lexer (qobject/json-lexer.c) as a byte automaton: RFC 8259 tokens plus single-quoted
/// strings and the <c>\'</c> escape; keywords are any <c>[a-z]+</c> (the parser rejects unknown ones).
/// A byte no rule accepts ends the token with a lexical error (the offending byte included) and enters
/// recovery, which skips bytes up to a structural character, a control character other than tab, or
/// 0xFE/0xFF. A token longer than the size limit is cut off and reported. Not modelled: the <c>%d</c>
/// style interpolation QEMU's C callers use (QMP input never has it, so <c>%</c> is a stray byte).
/// </summary>
internal sealed class JsonLexer
{
    private readonly Action<JsonTokenType, ReadOnlySpan<byte>> _emit;
    private readonly int _maxTokenSize;
    private byte[] _token = new byte[64];
    private int _length;
    private JsonLexerState _state = JsonLexerState.Start;

    public JsonLexer(Action<JsonTokenType, ReadOnlySpan<byte>> emit, int maxTokenSize)
    {
        _emit = emit;
        _maxTokenSize = maxTokenSize;
    }

    public void Feed(ReadOnlySpan<byte> bytes)
    {
        foreach (var b in bytes)
        {
            FeedByte(b, flush: false);
        }
    }

    /// <summary>Ends the pending token (json_lexer_flush), then reports the end of input.</summary>
    public void Flush()
    {
        FeedByte(0, flush: true);
        _emit(JsonTokenType.EndOfInput, ReadOnlySpan<byte>.Empty);
    }

    public void Reset()
    {
        _length = 0;
        _state = JsonLexerState.Start;
        _token = new byte[64];
    }

    private void FeedByte(byte ch, bool flush)
    {
        var consumed = false;
        while (flush ? _state != JsonLexerState.Start : !consumed)
        {
            var next = Next(_state, ch, out var lookahead);
            consumed = !flush && !lookahead;
            if (consumed)
            {
                Append(ch);
            }

            if (next.Token is { } type)
            {
                if (type == JsonTokenType.Error)
                {
                    _emit(JsonTokenType.Error, _token.AsSpan(0, _length));
                    _length = 0;
                    _state = JsonLexerState.Recovery;
                    continue;
                }

                _emit(type, _token.AsSpan(0, _length));
                _length = 0;
                _state = JsonLexerState.Start;
                continue;
            }

            if (next.State is JsonLexerState.Start or JsonLexerState.Recovery)
            {
                // Whitespace and skipped bytes are not part of any token.
                _length = 0;
            }

            _state = next.State;
        }

        // Security limit: a single token may not grow without bound.
        if (_length > _maxTokenSize)
        {
            _emit(JsonTokenType.Oversize, _token.AsSpan(0, _length));
            _length = 0;
            _state = JsonLexerState.Start;
            if (_token.Length > 4096)
            {
                _token = new byte[64];
            }
        }
    }

    private void Append(byte ch)
    {
        if (_length == _token.Length)
        {
            var size = (int)Math.Min((long)_token.Length * 2, (long)_maxTokenSize + 1);
            Array.Resize(ref _token, Math.Max(size, _length + 1));
        }

        _token[_length++] = ch;
    }

    private static Transition Next(JsonLexerState state, byte c, out bool lookahead)
    {
        lookahead = false;
        var digit = c >= '0' && c <= '9';
        switch (state)
        {
            case JsonLexerState.Recovery:
                if ((c < 0x20 && c != '\t') || c >= 0xFE || c is (byte)'[' or (byte)']' or (byte)'{'
                    or (byte)'}' or (byte)':' or (byte)',')
                {
                    lookahead = true;
                    return JsonLexerState.Start;
                }

                return JsonLexerState.Recovery;
            case JsonLexerState.DqString:
            case JsonLexerState.SqString:
                {
                    var quote = state == JsonLexerState.DqString ? (byte)'"' : (byte)'\'';
                    if (c == quote)
                    {
                        return JsonTokenType.String;
                    }

                    if (c == '\\')
                    {
                        return state == JsonLexerState.DqString ? JsonLexerState.DqStringEscape : JsonLexerState.SqStringEscape;
                    }

                    return c >= 0x20 && c <= 0xFD ? state : JsonTokenType.Error;
                }

            case JsonLexerState.DqStringEscape:
                return c >= 0x20 && c <= 0xFD ? JsonLexerState.DqString : JsonTokenType.Error;
            case JsonLexerState.SqStringEscape:
                return c >= 0x20 && c <= 0xFD ? JsonLexerState.SqString : JsonTokenType.Error;
            case JsonLexerState.Zero:
                if (digit)
                {
                    return JsonTokenType.Error;
                }

                if (c == '.')
                {
                    return JsonLexerState.Mantissa;
                }

                lookahead = true;
                return JsonTokenType.Integer;
            case JsonLexerState.ExpDigits:
                if (digit)
                {
                    return JsonLexerState.ExpDigits;
                }

                lookahead = true;
                return JsonTokenType.Float;
            case JsonLexerState.ExpSign:
                return digit ? JsonLexerState.ExpDigits : JsonTokenType.Error;
            case JsonLexerState.ExpE:
                return c is (byte)'-' or (byte)'+' ? JsonLexerState.ExpSign
                    : digit ? JsonLexerState.ExpDigits : JsonTokenType.Error;
            case JsonLexerState.Mantissa:
                return digit ? JsonLexerState.MantissaDigits : JsonTokenType.Error;
            case JsonLexerState.MantissaDigits:
                if (digit)
                {
                    return JsonLexerState.MantissaDigits;
                }

                if (c is (byte)'e' or (byte)'E')
                {
                    return JsonLexerState.ExpE;
                }

                lookahead = true;
                return JsonTokenType.Float;
            case JsonLexerState.Digits:
                if (digit)
                {
                    return JsonLexerState.Digits;
                }

                if (c is (byte)'e' or (byte)'E')
                {
                    return JsonLexerState.ExpE;
                }

                if (c == '.')
                {
                    return JsonLexerState.Mantissa;
                }

                lookahead = true;
                return JsonTokenType.Integer;
            case JsonLexerState.Sign:
                return c == '0' ? JsonLexerState.Zero
                    : c >= '1' && c <= '9' ? JsonLexerState.Digits : JsonTokenType.Error;
            case JsonLexerState.Keyword:
                if (c >= 'a' && c <= 'z')
                {
                    return JsonLexerState.Keyword;
                }

                lookahead = true;
                return JsonTokenType.Keyword;
            default:
                return c switch
                {
                    (byte)'"' => JsonLexerState.DqString,
                    (byte)'\'' => JsonLexerState.SqString,
                    (byte)'0' => JsonLexerState.Zero,
                    >= (byte)'1' and <= (byte)'9' => JsonLexerState.Digits,
                    (byte)'-' => JsonLexerState.Sign,
                    (byte)'{' => JsonTokenType.LCurly,
                    (byte)'}' => JsonTokenType.RCurly,
                    (byte)'[' => JsonTokenType.LSquare,
                    (byte)']' => JsonTokenType.RSquare,
                    (byte)',' => JsonTokenType.Comma,
                    (byte)':' => JsonTokenType.Colon,
                    >= (byte)'a' and <= (byte)'z' => JsonLexerState.Keyword,
                    (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n' => JsonLexerState.Start,
                    _ => JsonTokenType.Error,
                };
        }
    }

    /// <summary>Either a next state or a finished token (a tiny sum type for the automaton).</summary>
    private readonly record struct Transition(JsonLexerState State, JsonTokenType? Token)
    {
        public static implicit operator Transition(JsonLexerState state) => new(state, null);

        public static implicit operator Transition(JsonTokenType token) => new(JsonLexerState.Start, token);
    }
}
