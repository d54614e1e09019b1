using System.Text;

namespace Nemu.Monitor.Qmp.Json;

/// <summary>
/// QEMU's modified UTF-8 rules (util/unicode.c mod_utf8_codepoint / mod_utf8_encode): NUL may be
/// written as the overlong <c>C0 80</c>; noncharacters (U+FDD0..U+FDEF, U+xxFFFE/F), surrogates and
/// other overlong forms are invalid.
/// </summary>
internal static class ModifiedUtf8
{
    private static readonly int[] MinCodePoint = [0x80, 0x800, 0x10000, 0x200000, 0x4000000];

    /// <summary>Whether QEMU accepts <paramref name="cp"/> as a character (is_valid_codepoint).</summary>
    public static bool IsValidCodePoint(int cp) =>
        cp >= 0 && cp <= 0x10FFFF
        && !(cp >= 0xFDD0 && cp <= 0xFDEF) && (cp & 0xFFFE) != 0xFFFE
        && !(cp >= 0xD800 && cp <= 0xDFFF);

    /// <summary>
    /// Decodes one character at the start of <paramref name="s"/> (which must not be empty); returns the
    /// code point or -1 when invalid, and how many bytes it used (a bad sequence stops at the first
    /// byte that is not a continuation byte).
    /// </summary>
    public static int DecodeCodePoint(ReadOnlySpan<byte> s, out int length)
    {
        int b = s[0];
        length = 1;
        if (b < 0x80)
        {
            return b;
        }

        if (b >= 0xFE || (b & 0x40) == 0)
        {
            return -1;
        }

        var len = 0;
        var mask = 0x80;
        for (; (b & mask) != 0; mask >>= 1)
        {
            len++;
        }

        var cp = b & (mask - 1);
        for (var i = 1; i < len; i++)
        {
            var next = i < s.Length ? s[i] : 0;
            if ((next & 0xC0) != 0x80)
            {
                return -1;
            }

            length++;
            cp = (cp << 6) | (next & 0x3F);
        }

        if (cp > 0x10FFFF || (cp >= 0xFDD0 && cp <= 0xFDEF) || (cp & 0xFFFE) == 0xFFFE
            || (cp >= 0xD800 && cp <= 0xDFFF))
        {
            return -1;
        }

        return cp < MinCodePoint[len - 2] && !(cp == 0 && len == 2) ? -1 : cp;
    }

    /// <summary>
    /// Text of raw token bytes for an error message, as QEMU's writer would print them: valid
    /// characters kept, invalid sequences become U+FFFD.
    /// </summary>
    public static string ToDisplayString(ReadOnlySpan<byte> bytes)
    {
        var sb = new StringBuilder(bytes.Length);
        while (!bytes.IsEmpty)
        {
            var cp = DecodeCodePoint(bytes, out var used);
            sb.Append(char.ConvertFromUtf32(cp < 0 ? 0xFFFD : cp));
            bytes = bytes[used..];
        }

        return sb.ToString();
    }
}
