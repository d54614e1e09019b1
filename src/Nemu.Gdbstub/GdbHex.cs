// Hex helpers of the remote protocol (QEMU gdbstub: fromhex/tohex, memtohex/hextomem, qemu_strtou64 for
// numbers; management.md §5). Numbers are parsed without exceptions: bad input is a protocol error, not a crash.
using System.Globalization;
using System.Text;

namespace Nemu.Gdbstub;

/// <summary>Hex encoding and number parsing for gdb packets.</summary>
public static class GdbHex
{
    /// <summary>The value of a hex digit, or -1.</summary>
    public static int Digit(byte ch) => ch switch
    {
        >= (byte)'0' and <= (byte)'9' => ch - '0',
        >= (byte)'a' and <= (byte)'f' => ch - 'a' + 10,
        >= (byte)'A' and <= (byte)'F' => ch - 'A' + 10,
        _ => -1,
    };

    /// <summary>Lower-case hex of <paramref name="data"/> (memtohex).</summary>
    public static string Encode(ReadOnlySpan<byte> data) => Convert.ToHexStringLower(data);

    /// <summary>Hex of the UTF-8 bytes of <paramref name="text"/>.</summary>
    public static string EncodeText(string text) => Encode(Encoding.UTF8.GetBytes(text));

    /// <summary>Decodes an even-length hex string; false on an odd length or a non-hex digit.</summary>
    public static bool TryDecode(string hex, out byte[] data)
    {
        data = [];
        if (hex.Length % 2 != 0)
        {
            return false;
        }

        var bytes = new byte[hex.Length / 2];
        for (var i = 0; i < bytes.Length; i++)
        {
            int hi = Digit((byte)hex[2 * i]), lo = Digit((byte)hex[(2 * i) + 1]);
            if (hi < 0 || lo < 0 || hex[2 * i] > 127 || hex[(2 * i) + 1] > 127)
            {
                return false;
            }

            bytes[i] = (byte)((hi << 4) | lo);
        }

        data = bytes;
        return true;
    }

    /// <summary>A hex number as qemu_strtou64(…, 16) takes it (optional 0x, at least one digit, no trailing text).</summary>
    public static bool TryParse(string text, out ulong value)
    {
        var span = text.AsSpan();
        if (span.StartsWith("0x", StringComparison.OrdinalIgnoreCase))
        {
            span = span[2..];
        }

        return ulong.TryParse(span, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out value);
    }
}
