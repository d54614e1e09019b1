// Implements: QEMU's qemu_strtou64 / qemu_strtoi64 with base 0 (util/cutils.c): optional leading
// blanks and sign, "0x" hex, leading-0 octal, decimal; the whole text must be consumed; unsigned
// parsing wraps a negative value like strtoull ("-1" is 2^64-1). And qemu_strtosz: a number with an
// optional fraction and a B/K/M/G/T/P/E suffix (case-insensitive), bytes by default.
// Not modelled: the string input visitor's integer ranges ("1-3,5").
using System.Globalization;

namespace Nemu.Qdev.Properties;

/// <summary>Parses numbers and sizes the way QEMU's option and property code does.</summary>
public static class QemuNumberParser
{
    /// <summary>qemu_strtou64(text, NULL, 0, &amp;value): false on bad syntax or overflow.</summary>
    public static bool TryParseUInt64(string text, out ulong value)
    {
        value = 0;
        var i = SkipBlanks(text, 0);
        var negative = false;
        if (i < text.Length && (text[i] == '+' || text[i] == '-'))
        {
            negative = text[i] == '-';
            i++;
        }

        if (!TryDigits(text, i, out var magnitude))
        {
            return false;
        }

        value = negative ? unchecked(0UL - magnitude) : magnitude;
        return true;
    }

    /// <summary>qemu_strtoi64(text, NULL, 0, &amp;value): false on bad syntax or overflow.</summary>
    public static bool TryParseInt64(string text, out long value)
    {
        value = 0;
        var i = SkipBlanks(text, 0);
        var negative = false;
        if (i < text.Length && (text[i] == '+' || text[i] == '-'))
        {
            negative = text[i] == '-';
            i++;
        }

        if (!TryDigits(text, i, out var magnitude))
        {
            return false;
        }

        if (negative ? magnitude > 1UL << 63 : magnitude > long.MaxValue)
        {
            return false;
        }

        value = negative ? unchecked((long)(0UL - magnitude)) : (long)magnitude;
        return true;
    }

    /// <summary>qemu_strtosz: "4096", "0x1000", "4k", "1.5M", "16 MiB" is not accepted (one suffix letter, optional "B" alone).</summary>
    public static bool TryParseSize(string text, out ulong value)
    {
        value = 0;
        var i = SkipBlanks(text, 0);
        if (i >= text.Length || text[i] == '-')
        {
            return false;
        }

        var start = i;
        var isHex = i + 1 < text.Length && text[i] == '0' && (text[i + 1] == 'x' || text[i + 1] == 'X');
        var end = i + (isHex ? 2 : 0);
        while (end < text.Length && (isHex ? Uri.IsHexDigit(text[end]) : char.IsAsciiDigit(text[end])))
        {
            end++;
        }

        if (end == start + (isHex ? 2 : 0))
        {
            return false;
        }

        var intPart = text[start..end];
        var fraction = 0.0;
        if (!isHex && end < text.Length && text[end] == '.')
        {
            var fracStart = end;
            end++;
            while (end < text.Length && char.IsAsciiDigit(text[end]))
            {
                end++;
            }

            fraction = double.Parse("0" + text[fracStart..end], CultureInfo.InvariantCulture);
        }

        ulong multiplier = 1;
        if (end < text.Length)
        {
            var shift = char.ToUpperInvariant(text[end]) switch
            {
                'B' => 0,
                'K' => 10,
                'M' => 20,
                'G' => 30,
                'T' => 40,
                'P' => 50,
                'E' => 60,
                _ => -1,
            };
            if (shift < 0 || end + 1 != text.Length)
            {
                return false;
            }

            multiplier = 1UL << shift;
        }

        if (fraction != 0 && multiplier == 1)
        {
            return false;
        }

        if (!TryDigits(intPart, 0, out var whole))
        {
            return false;
        }

        var total = (whole * (double)multiplier) + (fraction * multiplier);
        if (total >= 18446744073709551616.0 || (whole != 0 && multiplier > ulong.MaxValue / whole))
        {
            return false;
        }

        value = (whole * multiplier) + (ulong)(fraction * multiplier);
        return true;
    }

    private static int SkipBlanks(string text, int i)
    {
        while (i < text.Length && char.IsWhiteSpace(text[i]))
        {
            i++;
        }

        return i;
    }

    private static bool TryDigits(string text, int i, out ulong value)
    {
        value = 0;
        var radix = 10u;
        if (i + 1 < text.Length && text[i] == '0' && (text[i + 1] == 'x' || text[i + 1] == 'X'))
        {
            radix = 16;
            i += 2;
        }
        else if (i < text.Length && text[i] == '0')
        {
            radix = 8;
        }

        if (i >= text.Length)
        {
            return false;
        }

        for (; i < text.Length; i++)
        {
            var digit = DigitValue(text[i]);
            if (digit >= radix)
            {
                return false;
            }

            if (value > (ulong.MaxValue - digit) / radix)
            {
                return false;
            }

            value = (value * radix) + digit;
        }

        return true;
    }

    private static uint DigitValue(char c) => c switch
    {
        >= '0' and <= '9' => (uint)(c - '0'),
        >= 'a' and <= 'f' => (uint)(c - 'a' + 10),
        >= 'A' and <= 'F' => (uint)(c - 'A' + 10),
        _ => uint.MaxValue,
    };
}
