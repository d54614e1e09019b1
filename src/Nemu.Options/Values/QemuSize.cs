// Implements: QEMU 7.2 util/qemu-option.c parse_option_size (QEMU_OPT_SIZE): qemu_strtosz, whose parsing is
// Nemu.Core.Text.QemuStrtosz; this adds QemuOpts' error texts ("out of range" for -ERANGE, "expects a
// non-negative number below 2^64" plus the suffix hint for anything else).
using Nemu.Core.Text;

namespace Nemu.Options.Values;

/// <summary>Parses QEMU sizes with QEMU's error texts.</summary>
public static class QemuSize
{
    /// <summary>The hint QEMU appends to an invalid size (two lines).</summary>
    public const string Hint = "Optional suffix k, M, G, T, P or E means kilo-, mega-, giga-, tera-, peta-\nand exabytes, respectively.";

    /// <summary>Outcome of <see cref="TryParse"/>.</summary>
    public enum Status
    {
        Ok,
        Invalid,
        OutOfRange,
    }

    /// <summary>Parses <paramref name="text"/> for parameter <paramref name="name"/>; throws <see cref="OptionsException"/>.</summary>
    public static ulong Parse(string name, string text) => TryParse(text, 'B', out var value) switch
    {
        Status.Ok => value,
        Status.OutOfRange => throw new OptionsException($"Value '{text}' is out of range for parameter '{name}'"),
        _ => throw new OptionsException($"Parameter '{name}' expects a non-negative number below 2^64", hint: Hint),
    };

    /// <summary>qemu_strtosz with <paramref name="defaultSuffix"/> applied when the text has none.</summary>
    public static Status TryParse(string text, char defaultSuffix, out ulong value) =>
        QemuStrtosz.Parse(text, defaultSuffix, out value) switch
        {
            QemuParseStatus.Ok => Status.Ok,
            QemuParseStatus.OutOfRange => Status.OutOfRange,
            _ => Status.Invalid,
        };
}
