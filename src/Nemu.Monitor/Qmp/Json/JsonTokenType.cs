namespace Nemu.Monitor.Qmp.Json;

/// <summary>Token kinds of QEMU's JSON lexer (include/qobject/json-parser.h JSONTokenType).</summary>
internal enum JsonTokenType : byte
{
    LCurly,
    RCurly,
    LSquare,
    RSquare,
    Colon,
    Comma,
    Integer,
    Float,
    Keyword,
    String,

    /// <summary>A lexical error: the bytes up to and including the offending one ("stray '...'").</summary>
    Error,

    /// <summary>A token cut off at the lexer's size limit; always fails the streamer's size check.</summary>
    Oversize,

    /// <summary>Flush: the end of the input.</summary>
    EndOfInput,
}
