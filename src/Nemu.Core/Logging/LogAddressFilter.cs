// QEMU's -dfilter (util/log.c qemu_set_dfilter_ranges, management.md §8.1): a comma-separated list of
// "START+LENGTH", "END-LENGTH" or "START..END" (inclusive) ranges; when set, "-d in_asm", "exec" and "cpu" only log
// blocks whose address is inside one of them. Numbers take 0x (hex), 0 (octal) or decimal, as strtoull base 0.
// Errors carry QEMU's texts ("Bad range specifier", "Invalid range").
namespace Nemu.Core.Logging;

/// <summary>The address ranges that restrict the CPU log items (<c>-dfilter</c>).</summary>
public static class LogAddressFilter
{
    private static (ulong Low, ulong High)[]? _ranges;

    /// <summary>True when no filter is set or <paramref name="address"/> is in one of the ranges.</summary>
    public static bool Contains(ulong address)
    {
        var ranges = _ranges;
        if (ranges is null)
        {
            return true;
        }

        foreach (var (low, high) in ranges)
        {
            if (address >= low && address <= high)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Replaces the ranges with those of <paramref name="spec"/>; throws <see cref="FormatException"/> with QEMU's message.</summary>
    public static void Set(string spec) => _ranges = Parse(spec);

    /// <summary>Removes the filter.</summary>
    public static void Clear() => _ranges = null;

    /// <summary>Parses a -dfilter argument.</summary>
    public static (ulong Low, ulong High)[] Parse(string spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var result = new List<(ulong, ulong)>();
        foreach (var part in spec.Split(','))
        {
            var pos = 0;
            if (!TryNumber(part, ref pos, out var first) || pos >= part.Length)
            {
                throw new FormatException("Bad range specifier");
            }

            var op = part[pos];
            var opLength = op == '.' && pos + 1 < part.Length && part[pos + 1] == '.' ? 2 : 1;
            if (op is not ('+' or '-' or '.') || (op == '.' && opLength != 2))
            {
                throw new FormatException("Bad range specifier");
            }

            pos += opLength;
            if (!TryNumber(part, ref pos, out var second) || pos != part.Length)
            {
                throw new FormatException("Bad range specifier");
            }

            (ulong Low, ulong High) range = op switch
            {
                '+' when second != 0 && first + (second - 1) >= first => (first, first + (second - 1)),
                '-' when second != 0 && second - 1 <= first => (first - (second - 1), first),
                '.' when second >= first => (first, second),
                _ => throw new FormatException("Invalid range"),
            };
            result.Add(range);
        }

        return [.. result];
    }

    private static bool TryNumber(string s, ref int pos, out ulong value)
    {
        value = 0;
        var start = pos;
        var radix = 10;
        if (pos + 1 < s.Length && s[pos] == '0' && (s[pos + 1] is 'x' or 'X'))
        {
            radix = 16;
            pos += 2;
            start = pos;
        }
        else if (pos < s.Length && s[pos] == '0')
        {
            radix = 8;
        }

        while (pos < s.Length)
        {
            var d = HexDigit(s[pos]);
            if (d < 0 || d >= radix)
            {
                break;
            }

            value = unchecked((value * (ulong)radix) + (ulong)d);
            pos++;
        }

        return pos > start;
    }

    private static int HexDigit(char c) => c switch
    {
        >= '0' and <= '9' => c - '0',
        >= 'a' and <= 'f' => c - 'a' + 10,
        >= 'A' and <= 'F' => c - 'A' + 10,
        _ => -1,
    };
}
