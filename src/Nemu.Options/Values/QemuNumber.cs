// Implements: QEMU 7.2 util/qemu-option.c parse_option_number (QEMU_OPT_NUMBER): qemu_strtou64 base 0, whose
// parsing is Nemu.Core.Text.QemuStrtol (decimal, 0x hex, leading-0 octal, '-' wraps like strtoull); this adds
// QemuOpts' error texts.
using Nemu.Core.Text;

namespace Nemu.Options.Values;

/// <summary>Parses QemuOpts numbers with QEMU's error texts.</summary>
public static class QemuNumber
{
    /// <summary>Parses <paramref name="text"/> for parameter <paramref name="name"/>; throws <see cref="OptionsException"/>.</summary>
    public static ulong Parse(string name, string text) => QemuStrtol.Strtou64(text, 0, out var value) switch
    {
        QemuParseStatus.Ok => value,
        QemuParseStatus.OutOfRange => throw new OptionsException($"Value '{text}' is too large for parameter '{name}'"),
        _ => throw new OptionsException($"Parameter '{name}' expects a number"),
    };
}
