// Implements: the C strtoull() scan that QEMU's qemu_strtou64 (util/cutils.c, 7.2) wraps: leading white
// space, an optional sign (a '-' negates with wrap-around, as C does), then digits in base 10, 16 or 0 (auto).
namespace Nemu.Options.Values;

/// <summary>A C-compatible unsigned integer scan used by <see cref="QemuNumber"/> and <see cref="QemuSize"/>.</summary>
internal static class QemuStrtoull
{
    /// <summary>Scans from <paramref name="start"/>; returns false when no digit was found (end = start).</summary>
    public static bool Scan(string text, int start, int radix, out ulong value, out int end, out bool overflow)
    {
        value = 0;
        overflow = false;
        end = start;
        var i = start;
        while (i < text.Length && IsCSpace(text[i]))
        {
            i++;
        }

        var negative = false;
        if (i < text.Length && (text[i] == '+' || text[i] == '-'))
        {
            negative = text[i] == '-';
            i++;
        }

        if ((radix == 0 || radix == 16) && i + 1 < text.Length && text[i] == '0' && (text[i + 1] == 'x' || text[i + 1] == 'X')
            && i + 2 < text.Length && Digit(text[i + 2]) is >= 0 and < 16)
        {
            radix = 16;
            i += 2;
        }
        else if (radix == 0)
        {
            radix = i < text.Length && text[i] == '0' ? 8 : 10;
        }

        var digits = 0;
        ulong acc = 0;
        while (i < text.Length)
        {
            var d = Digit(text[i]);
            if (d < 0 || d >= radix)
            {
                break;
            }

            if (acc > (ulong.MaxValue - (ulong)d) / (ulong)radix)
            {
                overflow = true;
            }
            else
            {
                acc = (acc * (ulong)radix) + (ulong)d;
            }

            digits++;
            i++;
        }

        if (digits == 0)
        {
            return false;
        }

        end = i;
        value = overflow ? ulong.MaxValue : negative ? unchecked(0 - acc) : acc;
        return true;
    }

    private static bool IsCSpace(char c) => c is ' ' or '\t' or '\n' or '\v' or '\f' or '\r';

    private static int Digit(char c) => c switch
    {
        >= '0' and <= '9' => c - '0',
        >= 'a' and <= 'z' => c - 'a' + 10,
        >= 'A' and <= 'Z' => c - 'A' + 10,
        _ => -1,
    };
}
