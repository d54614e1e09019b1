namespace Nemu.Monitor.Hmp;

/// <summary>
/// The <c>/{count}{format}{size}</c> argument of <c>x</c> and <c>xp</c> (QEMU monitor/hmp.c). Format letters
/// o d u x i c, size letters b h w g (L = g). The last format and size given become the defaults of the
/// next command, so this is monitor state: initially format x, size 4.
/// </summary>
public sealed class MemoryDumpFormat
{
    /// <summary>The format letter used when a command gives none.</summary>
    public char DefaultFormat { get; private set; } = 'x';

    /// <summary>The unit size used when a command gives none.</summary>
    public int DefaultSize { get; private set; } = 4;

    /// <summary>
    /// Parses a format at <paramref name="pos"/> (which may have no <c>/</c>: then count 1 and the defaults apply).
    /// Size is -1 for <c>i</c> without a size.
    /// </summary>
    public (long Count, char Format, int Size) Parse(ReadOnlySpan<char> line, ref int pos)
    {
        while (pos < line.Length && char.IsWhiteSpace(line[pos]))
        {
            pos++;
        }

        if (pos >= line.Length || line[pos] != '/')
        {
            return (1, DefaultFormat, DefaultFormat == 'i' ? -1 : DefaultSize);
        }

        pos++;
        long count = 1;
        if (pos < line.Length && char.IsAsciiDigit(line[pos]))
        {
            count = 0;
            while (pos < line.Length && char.IsAsciiDigit(line[pos]))
            {
                count = Math.Min((count * 10) + (line[pos] - '0'), int.MaxValue);
                pos++;
            }
        }

        var format = '\0';
        var size = -1;
        for (; pos < line.Length; pos++)
        {
            var c = line[pos];
            if (c is 'o' or 'd' or 'u' or 'x' or 'i' or 'c')
            {
                format = c;
            }
            else if (c is 'b' or 'h' or 'w' or 'g' or 'L')
            {
                size = c switch { 'b' => 1, 'h' => 2, 'w' => 4, _ => 8 };
            }
            else
            {
                break;
            }
        }

        if (pos < line.Length && !char.IsWhiteSpace(line[pos]))
        {
            throw new HmpException($"invalid char in format: '{line[pos]}'");
        }

        if (format == '\0')
        {
            format = DefaultFormat;
        }

        if (format != 'i')
        {
            if (size < 0)
            {
                size = DefaultSize;
            }

            DefaultSize = size;
        }

        DefaultFormat = format;
        return (count, format, size);
    }
}
