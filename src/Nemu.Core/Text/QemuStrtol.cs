// Implements: QEMU 7.2 util/cutils.c qemu_strtou64 and qemu_strtoi64 with a NULL endptr (the whole text must be
// consumed), over glibc's strtoull(3)/strtoll(3) in the C locale: leading C white space (" \t\n\v\f\r"), one
// optional sign, then digits in base 2..36 or base 0 (leading "0x" hex, leading "0" octal, else decimal). A
// "0x" prefix is only taken when a hex digit follows, so "0x" alone scans as "0" and leaves "x" unconsumed.
// strtoull negates a '-' number modulo 2^64 ("-1" is 2^64-1) after checking the magnitude for overflow.
// Results on -ERANGE are what QEMU stores: UINT64_MAX, INT64_MAX or INT64_MIN.
// Not modelled: qemu_strtoi/qemu_strtol and friends of other widths (callers range-check a 64-bit result),
// the Windows "0x" workaround of check_strtox_error (irrelevant with glibc).
namespace Nemu.Core.Text;

/// <summary>QEMU's strtoull/strtoll-based integer parsers (util/cutils.c).</summary>
public static class QemuStrtol
{
    /// <summary>
    /// strtoull(text + start, &amp;end, radix): false when no digit was found (then <paramref name="end"/> is
    /// <paramref name="start"/>). On overflow <paramref name="value"/> is <see cref="ulong.MaxValue"/> and
    /// <paramref name="overflow"/> is set (errno ERANGE); <paramref name="end"/> is past every digit either way.
    /// </summary>
    public static bool Strtoull(string text, int start, int radix, out ulong value, out int end, out bool overflow)
    {
        if (!ScanMagnitude(text, start, radix, out var negative, out var magnitude, out end, out overflow))
        {
            value = 0;
            return false;
        }

        value = overflow ? ulong.MaxValue : negative ? unchecked(0UL - magnitude) : magnitude;
        return true;
    }

    /// <summary>
    /// strtoll(text + start, &amp;end, radix): like <see cref="Strtoull"/>, but the magnitude must fit a signed
    /// 64-bit value; on overflow <paramref name="value"/> is <see cref="long.MaxValue"/> or <see cref="long.MinValue"/>.
    /// </summary>
    public static bool Strtoll(string text, int start, int radix, out long value, out int end, out bool overflow)
    {
        if (!ScanMagnitude(text, start, radix, out var negative, out var magnitude, out end, out overflow))
        {
            value = 0;
            return false;
        }

        overflow |= negative ? magnitude > 1UL << 63 : magnitude > long.MaxValue;
        value = overflow ? (negative ? long.MinValue : long.MaxValue) : negative ? unchecked((long)(0UL - magnitude)) : (long)magnitude;
        return true;
    }

    /// <summary>qemu_strtou64(text, NULL, radix, &amp;value); radix 0 detects hex and octal prefixes.</summary>
    public static QemuParseStatus Strtou64(string text, int radix, out ulong value) =>
        WholeText(Strtoull(text, 0, radix, out value, out var end, out var overflow), text, end, overflow);

    /// <summary>qemu_strtoi64(text, NULL, radix, &amp;value); radix 0 detects hex and octal prefixes.</summary>
    public static QemuParseStatus Strtoi64(string text, int radix, out long value) =>
        WholeText(Strtoll(text, 0, radix, out value, out var end, out var overflow), text, end, overflow);

    /// <summary>C isspace() in the C locale.</summary>
    public static bool IsCSpace(char c) => c is ' ' or '\t' or '\n' or '\v' or '\f' or '\r';

    // check_strtox_error with a NULL endptr: no conversion and trailing junk are -EINVAL, before -ERANGE.
    private static QemuParseStatus WholeText(bool converted, string text, int end, bool overflow) =>
        !converted || end != text.Length ? QemuParseStatus.Invalid
        : overflow ? QemuParseStatus.OutOfRange
        : QemuParseStatus.Ok;

    private static bool ScanMagnitude(string text, int start, int radix, out bool negative, out ulong magnitude, out int end, out bool overflow)
    {
        if (radix is < 0 or 1 or > 36)
        {
            throw new ArgumentOutOfRangeException(nameof(radix), radix, "base must be 0 or 2..36");
        }

        negative = false;
        magnitude = 0;
        overflow = false;
        end = start;
        var i = start;
        while (i < text.Length && IsCSpace(text[i]))
        {
            i++;
        }

        if (i < text.Length && (text[i] == '+' || text[i] == '-'))
        {
            negative = text[i] == '-';
            i++;
        }

        if ((radix == 0 || radix == 16) && i + 2 < text.Length && text[i] == '0' && (text[i + 1] == 'x' || text[i + 1] == 'X')
            && DigitValue(text[i + 2]) < 16)
        {
            radix = 16;
            i += 2;
        }
        else if (radix == 0)
        {
            radix = i < text.Length && text[i] == '0' ? 8 : 10;
        }

        var first = i;
        var r = (uint)radix;
        while (i < text.Length)
        {
            var d = DigitValue(text[i]);
            if (d >= r)
            {
                break;
            }

            if (magnitude > (ulong.MaxValue - d) / r)
            {
                overflow = true;
            }
            else if (!overflow)
            {
                magnitude = (magnitude * r) + d;
            }

            i++;
        }

        if (i == first)
        {
            negative = false;
            return false;
        }

        end = i;
        return true;
    }

    private static uint DigitValue(char c) => c switch
    {
        >= '0' and <= '9' => (uint)(c - '0'),
        >= 'a' and <= 'z' => (uint)(c - 'a' + 10),
        >= 'A' and <= 'Z' => (uint)(c - 'A' + 10),
        _ => uint.MaxValue,
    };
}
