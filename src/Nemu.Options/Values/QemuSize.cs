// Implements: QEMU 7.2 util/cutils.c qemu_strtosz (do_strtosz) and util/qemu-option.c parse_option_size:
// a decimal integer with an optional fraction ("1.5G"), or 0x hex without fraction, then an optional suffix
// b/k/M/G/T/P/E (case-insensitive, binary multiples). A fraction needs a suffix; exponents are refused;
// the exact product is computed in 128 bits and 0.5 rounds up. Not modelled: the deprecation warning for a
// suffix on a hex number.
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
    public static Status TryParse(string text, char defaultSuffix, out ulong value)
    {
        value = 0;
        if (!QemuStrtoull.Scan(text, 0, 10, out var val, out var end, out var overflow))
        {
            return Status.Invalid;
        }

        if (overflow)
        {
            return Status.OutOfRange;
        }

        if (text.AsSpan(0, end).Contains('-'))
        {
            return Status.Invalid;
        }

        ulong fraction = 0;
        if (val == 0 && end < text.Length && (text[end] == 'x' || text[end] == 'X'))
        {
            if (!QemuStrtoull.Scan(text, 0, 16, out val, out end, out overflow))
            {
                return Status.Invalid;
            }

            if (overflow)
            {
                return Status.OutOfRange;
            }

            if (end < text.Length && text[end] == '.')
            {
                return Status.Invalid;
            }

        }
        else if (end < text.Length && text[end] == '.')
        {
            var f = end + 1;
            var digitsEnd = f;
            while (digitsEnd < text.Length && char.IsAsciiDigit(text[digitsEnd]))
            {
                digitsEnd++;
            }

            if (digitsEnd == f)
            {
                end = f; // "1.k": strtod fails, QEMU skips the '.' and keeps a zero fraction
            }
            else
            {
                if (digitsEnd < text.Length && (text[digitsEnd] == 'e' || text[digitsEnd] == 'E') && HasExponentDigits(text, digitsEnd + 1))
                {
                    return Status.Invalid;
                }

                var d = double.Parse(text.AsSpan(end, digitsEnd - end), System.Globalization.CultureInfo.InvariantCulture);
                var scaled = d * 18446744073709551616.0;
                fraction = scaled >= 18446744073709551615.0 ? ulong.MaxValue : (ulong)scaled;
                end = digitsEnd;
            }
        }

        var mul = end < text.Length ? SuffixMultiplier(text[end]) : 0;
        if (mul > 0)
        {
            end++;
        }
        else
        {
            mul = SuffixMultiplier(defaultSuffix);
        }

        if (end != text.Length)
        {
            return Status.Invalid;
        }

        if (mul == 1)
        {
            if (fraction != 0)
            {
                return Status.Invalid;
            }

            value = val;
            return Status.Ok;
        }

        // 64.64 fixed point times an integer; 0.5 of the lowest unit rounds up.
        var whole = (UInt128)val * mul;
        var part = (UInt128)fraction * mul;
        var total = whole + (part >> 64) + (ulong)((part >> 63) & 1);
        if (total > ulong.MaxValue)
        {
            return Status.OutOfRange;
        }

        value = (ulong)total;
        return Status.Ok;
    }

    private static bool HasExponentDigits(string text, int i)
    {
        if (i < text.Length && (text[i] == '+' || text[i] == '-'))
        {
            i++;
        }

        return i < text.Length && char.IsAsciiDigit(text[i]);
    }

    private static ulong SuffixMultiplier(char c) => char.ToUpperInvariant(c) switch
    {
        'B' => 1,
        'K' => 1UL << 10,
        'M' => 1UL << 20,
        'G' => 1UL << 30,
        'T' => 1UL << 40,
        'P' => 1UL << 50,
        'E' => 1UL << 60,
        _ => 0,
    };
}
