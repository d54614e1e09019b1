// Implements: the argument handling of QEMU 7.2 softmmu/qtest.c qtest_process_command: a line is split at every
// single space (g_strsplit(line, " ", 0), so two spaces make an empty word) and numbers are read with
// qemu_strtou64 / qemu_strtoul / qemu_strtoi64 in base 0. Where QEMU g_asserts (missing word, bad number),
// this throws QtestArgumentException so the server answers ERR (deviation, qtest-probe.txt).
using Nemu.Core.Text;

namespace Nemu.System.Qtest;

/// <summary>The words of one qtest command line and typed access to its arguments.</summary>
public sealed class QtestWords
{
    private readonly string[] _words;

    public QtestWords(string line)
    {
        _words = line.Split(' ');
    }

    /// <summary>The command name (may be empty for an empty line, as QEMU's words[0]).</summary>
    public string Command => _words[0];

    public int Count => _words.Length;

    public IReadOnlyList<string> All => _words;

    /// <summary>True when word <paramref name="index"/> exists.</summary>
    public bool Has(int index) => index < _words.Length;

    /// <summary>Word <paramref name="index"/>; an ERR when the line is too short.</summary>
    public string Word(int index, string what) =>
        index < _words.Length ? _words[index] : throw new QtestArgumentException($"{Command}: missing argument {what}");

    /// <summary>An unsigned 64-bit number in QEMU's base-0 syntax (qemu_strtou64).</summary>
    public ulong U64(int index, string what)
    {
        var text = Word(index, what);
        return QemuStrtol.Strtou64(text, 0, out var value) == QemuParseStatus.Ok
            ? value
            : throw new QtestArgumentException($"{Command}: invalid {what} '{text}'");
    }

    /// <summary>A signed 64-bit number (qemu_strtoi64).</summary>
    public long I64(int index, string what)
    {
        var text = Word(index, what);
        return QemuStrtol.Strtoi64(text, 0, out var value) == QemuParseStatus.Ok
            ? value
            : throw new QtestArgumentException($"{Command}: invalid {what} '{text}'");
    }

    /// <summary>A signed 32-bit number (qemu_strtoi).</summary>
    public int I32(int index, string what)
    {
        var value = I64(index, what);
        return value is >= int.MinValue and <= int.MaxValue
            ? (int)value
            : throw new QtestArgumentException($"{Command}: invalid {what} '{_words[index]}'");
    }
}
