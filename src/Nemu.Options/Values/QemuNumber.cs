// Implements: QEMU 7.2 util/qemu-option.c parse_option_number (QEMU_OPT_NUMBER): qemu_strtou64 with base 0,
// so decimal, 0x hex and leading-0 octal; a '-' sign is accepted and wraps like C's strtoull.
namespace Nemu.Options.Values;

/// <summary>Parses QemuOpts numbers with QEMU's error texts.</summary>
public static class QemuNumber
{
    /// <summary>Parses <paramref name="text"/> for parameter <paramref name="name"/>; throws <see cref="OptionsException"/>.</summary>
    public static ulong Parse(string name, string text)
    {
        if (!QemuStrtoull.Scan(text, 0, 0, out var value, out var end, out var overflow) || end != text.Length)
        {
            throw new OptionsException($"Parameter '{name}' expects a number");
        }

        if (overflow)
        {
            throw new OptionsException($"Value '{text}' is too large for parameter '{name}'");
        }

        return value;
    }
}
