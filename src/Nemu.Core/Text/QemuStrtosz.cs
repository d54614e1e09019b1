// Implements: QEMU 7.2 util/cutils.c do_strtosz with unit 1024 and a NULL end pointer, behind qemu_strtosz
// (default suffix 'B') and qemu_strtosz_MiB (default 'M'). The integral part is qemu_strtou64 base 10 and may not
// contain '-'; a zero followed by 'x' is re-read as hex, which takes no fraction. Otherwise an optional
// fraction is read with strtod and refused if it has an exponent; it needs a scale larger than bytes. One
// optional suffix B/K/M/G/T/P/E (case-insensitive) follows. The product is exact (64.64 fixed point times the
// scale, half a byte rounds up); more than 2^64-1 is -ERANGE.
// Two quirks of QEMU 7.2 on x86-64 glibc are kept (both recorded from qemu-system-arm 7.2): a fraction that
// rounds to 1.0 as a double converts to 0 ("1.99999999999999999999k" is 1024), and a fraction that underflows
// a double makes strtod fail with ERANGE, after which QEMU skips one more character ("1.<330 zeros>1k" is 1).
// Not modelled: the deprecation warning for a suffix on a hex number ("0x10M" is accepted silently),
// qemu_strtosz_metric (unit 1000).
using System.Globalization;

namespace Nemu.Core.Text;

/// <summary>QEMU's size parser (qemu_strtosz and friends, util/cutils.c).</summary>
public static class QemuStrtosz
{
    // Below this a decimal fraction is subnormal or zero: glibc's strtod reports ERANGE (underflow).
    private const double DoubleMinNormal = 2.2250738585072014E-308;

    /// <summary>qemu_strtosz(text, NULL, &amp;value): bytes unless a suffix says otherwise.</summary>
    public static QemuParseStatus Strtosz(string text, out ulong value) => Parse(text, 'B', out value);

    /// <summary>qemu_strtosz_MiB(text, NULL, &amp;value): mebibytes unless a suffix says otherwise.</summary>
    public static QemuParseStatus StrtoszMiB(string text, out ulong value) => Parse(text, 'M', out value);

    /// <summary>do_strtosz(text, NULL, <paramref name="defaultSuffix"/>, 1024, &amp;value).</summary>
    public static QemuParseStatus Parse(string text, char defaultSuffix, out ulong value)
    {
        value = 0;
        var defaultMultiplier = SuffixMultiplier(defaultSuffix);
        if (defaultMultiplier == 0)
        {
            throw new ArgumentOutOfRangeException(nameof(defaultSuffix), defaultSuffix, "not a size suffix");
        }

        if (!QemuStrtol.Strtoull(text, 0, 10, out var val, out var end, out var overflow))
        {
            return QemuParseStatus.Invalid;
        }

        if (overflow)
        {
            // -ERANGE unless the text goes on past the digits (then the NULL end pointer makes it -EINVAL).
            return end == text.Length ? QemuParseStatus.OutOfRange : QemuParseStatus.Invalid;
        }

        if (text.AsSpan(0, end).Contains('-'))
        {
            return QemuParseStatus.Invalid;
        }

        ulong fraction = 0;
        if (val == 0 && end < text.Length && (text[end] == 'x' || text[end] == 'X'))
        {
            if (!QemuStrtol.Strtoull(text, 0, 16, out val, out end, out overflow))
            {
                return QemuParseStatus.Invalid;
            }

            if (overflow)
            {
                return end == text.Length ? QemuParseStatus.OutOfRange : QemuParseStatus.Invalid;
            }

            if (end < text.Length && text[end] == '.')
            {
                return QemuParseStatus.Invalid;
            }
        }
        else if (end < text.Length && text[end] == '.')
        {
            if (!ReadFraction(text, ref end, out fraction))
            {
                return QemuParseStatus.Invalid;
            }
        }

        var multiplier = end < text.Length ? SuffixMultiplier(text[end]) : 0;
        if (multiplier != 0)
        {
            end++;
        }
        else
        {
            multiplier = defaultMultiplier;
        }

        if (end != text.Length)
        {
            return QemuParseStatus.Invalid;
        }

        if (multiplier == 1)
        {
            // A fraction needs a scale.
            if (fraction != 0)
            {
                return QemuParseStatus.Invalid;
            }

            value = val;
            return QemuParseStatus.Ok;
        }

        var whole = (UInt128)val * multiplier;
        var part = (UInt128)fraction * multiplier;
        var total = whole + (part >> 64) + (ulong)((part >> 63) & 1);
        if (total > ulong.MaxValue)
        {
            return QemuParseStatus.OutOfRange;
        }

        value = (ulong)total;
        return QemuParseStatus.Ok;
    }

    // The strtod step at the '.' at `end`: on success `end` moves past the fraction's digits and `fraction` is
    // the 64-bit fixed-point fraction; when strtod fails (no digit, or underflow) QEMU skips one character.
    // False for an exponent, which QEMU refuses outright.
    private static bool ReadFraction(string text, ref int end, out ulong fraction)
    {
        fraction = 0;
        var digitsEnd = end + 1;
        while (digitsEnd < text.Length && char.IsAsciiDigit(text[digitsEnd]))
        {
            digitsEnd++;
        }

        if (digitsEnd == end + 1)
        {
            end++;
            return true;
        }

        var exponentEnd = ExponentEnd(text, digitsEnd);
        if (exponentEnd != digitsEnd)
        {
            return false;
        }

        var digits = text.AsSpan(end, digitsEnd - end);
        var d = double.Parse(digits, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture);
        if (d < DoubleMinNormal && digits.ContainsAnyInRange('1', '9'))
        {
            end = digitsEnd + 1;
            return true;
        }

        // (uint64_t)(fraction * 0x1p64): a product of 2^64 does not fit, and x86-64 converts it to 0.
        var scaled = d * 18446744073709551616.0;
        fraction = scaled >= 18446744073709551616.0 ? 0 : (ulong)scaled;
        end = digitsEnd;
        return true;
    }

    // Where strtod's exponent ("e", optional sign, at least one digit) ends, or `i` if there is none.
    private static int ExponentEnd(string text, int i)
    {
        if (i >= text.Length || (text[i] != 'e' && text[i] != 'E'))
        {
            return i;
        }

        var j = i + 1;
        if (j < text.Length && (text[j] == '+' || text[j] == '-'))
        {
            j++;
        }

        var digits = j;
        while (j < text.Length && char.IsAsciiDigit(text[j]))
        {
            j++;
        }

        return j == digits ? i : j;
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
