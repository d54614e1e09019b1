using System.Globalization;
using System.Text;

namespace Nemu.Monitor.Hmp;

/// <summary>
/// Formats <c>x</c>/<c>xp</c> output byte for byte as QEMU's memory_dump (monitor/hmp-cmds-target.c):
/// 8 bytes a line for byte units, 16 otherwise; <c>x</c> prints zero-padded hex, <c>o</c> <c>%#*o</c>,
/// <c>d</c>/<c>u</c> right-aligned, <c>c</c> quoted characters. Physical addresses print as 16 hex digits,
/// virtual ones at the target's width. A failed read prints <c> Cannot access memory</c> and stops.
/// </summary>
public static class MemoryDump
{
    /// <summary>Reads <c>buffer.Length</c> bytes at an address; false when the memory cannot be read.</summary>
    public delegate bool Reader(ulong address, Span<byte> buffer);

    public static void Write(StringBuilder output, long count, char format, int size, ulong address, bool physical, int targetBits, Reader read)
    {
        if (size <= 0)
        {
            size = 4;
        }

        var length = size * count;
        var lineSize = size == 1 ? 8 : 16;
        var maxDigits = format switch
        {
            'o' => ((size * 8) + 2) / 3,
            'u' or 'd' => ((size * 8 * 10) + 32) / 33,
            _ => size * 8 / 4,
        };
        if (format == 'c')
        {
            size = 1;
        }

        Span<byte> buffer = stackalloc byte[16];
        while (length > 0)
        {
            if (physical)
            {
                output.Append(CultureInfo.InvariantCulture, $"{address:x16}:");
            }
            else
            {
                var digits = targetBits / 4;
                var shown = targetBits >= 64 ? address : address & ((1UL << targetBits) - 1);
                output.Append(shown.ToString("x" + digits.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture)).Append(':');
            }

            var l = (int)Math.Min(length, lineSize);
            if (!read(address, buffer[..l]))
            {
                output.Append(" Cannot access memory\n");
                return;
            }

            for (var i = 0; i < l; i += size)
            {
                var v = size switch
                {
                    1 => buffer[i],
                    2 => BitConverter.ToUInt16(buffer[i..]),
                    4 => BitConverter.ToUInt32(buffer[i..]),
                    _ => BitConverter.ToUInt64(buffer[i..]),
                };
                output.Append(' ');
                AppendValue(output, format, v, size, maxDigits);
            }

            output.Append('\n');
            address += (ulong)l;
            length -= l;
        }
    }

    private static void AppendValue(StringBuilder output, char format, ulong v, int size, int maxDigits)
    {
        switch (format)
        {
            case 'o':
                var octal = v == 0 ? "0" : "0" + Convert.ToString((long)v, 8);
                output.Append(octal.PadLeft(maxDigits));
                break;
            case 'u':
                output.Append(v.ToString(CultureInfo.InvariantCulture).PadLeft(maxDigits));
                break;
            case 'd':
                // QEMU prints the unit zero-extended into an int64 (ldl_p into uint64_t), so %d shows it unsigned for b/h/w.
                output.Append(((long)v).ToString(CultureInfo.InvariantCulture).PadLeft(maxDigits));
                break;
            case 'c':
                AppendChar(output, (int)v);
                break;
            default:
                output.Append("0x").Append(v.ToString("x" + (size * 2).ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture));
                break;
        }
    }

    /// <summary>QEMU's monitor_printc quoting.</summary>
    public static void AppendChar(StringBuilder output, int c)
    {
        output.Append('\'');
        switch (c)
        {
            case '\'':
                output.Append("\\'");
                break;
            case '\\':
                output.Append("\\\\");
                break;
            case '\n':
                output.Append("\\n");
                break;
            case '\r':
                output.Append("\\r");
                break;
            default:
                if (c is >= 32 and <= 126)
                {
                    output.Append((char)c);
                }
                else
                {
                    output.Append(CultureInfo.InvariantCulture, $"\\x{c:x2}");
                }

                break;
        }

        output.Append('\'');
    }
}
