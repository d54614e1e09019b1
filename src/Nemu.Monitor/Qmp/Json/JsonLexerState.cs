namespace Nemu.Monitor.Qmp.Json;

/// <summary>States of QEMU's JSON lexer automaton (qobject/json-lexer.c, without interpolation).</summary>
internal enum JsonLexerState : byte
{
    Recovery,
    DqString,
    DqStringEscape,
    SqString,
    SqStringEscape,
    Zero,
    ExpDigits,
    ExpSign,
    ExpE,
    Mantissa,
    MantissaDigits,
    Digits,
    Sign,
    Keyword,
    Start,
}
