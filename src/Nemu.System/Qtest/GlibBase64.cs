// Implements: the leniency of GLib's g_base64_decode (used by qtest b64write): characters outside the base64
// alphabet are skipped, '=' ends the data, a trailing partial group contributes its whole bytes.
// Not modelled: g_base64_decode_inplace's in-place buffer reuse (irrelevant here).
namespace Nemu.System.Qtest;

/// <summary>GLib-compatible lenient base64 decoding.</summary>
public static class GlibBase64
{
    /// <summary>Decodes <paramref name="text"/> as g_base64_decode does.</summary>
    public static byte[] Decode(string text)
    {
        var output = new List<byte>(text.Length * 3 / 4);
        uint bits = 0;
        var count = 0;
        foreach (var c in text)
        {
            if (c == '=')
            {
                break;
            }

            var v = Value(c);
            if (v < 0)
            {
                continue;
            }

            bits = (bits << 6) | (uint)v;
            count++;
            if (count == 4)
            {
                output.Add((byte)(bits >> 16));
                output.Add((byte)(bits >> 8));
                output.Add((byte)bits);
                bits = 0;
                count = 0;
            }
        }

        if (count >= 2)
        {
            bits <<= 6 * (4 - count);
            output.Add((byte)(bits >> 16));
            if (count == 3)
            {
                output.Add((byte)(bits >> 8));
            }
        }

        return [.. output];
    }

    private static int Value(char c) => c switch
    {
        >= 'A' and <= 'Z' => c - 'A',
        >= 'a' and <= 'z' => c - 'a' + 26,
        >= '0' and <= '9' => c - '0' + 52,
        '+' => 62,
        '/' => 63,
        _ => -1,
    };
}
