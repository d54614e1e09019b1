// C-a commands and console timestamps of the mux (QEMU's mux_proc_byte, mux_print_help and
// mux_chr_write in chardev/char-mux.c). The help text and the termination line are QEMU's, with
// "Nemu" for "QEMU".
using System.Text;

namespace Nemu.Chardevs.Mux;

/// <summary>Escape handling of <see cref="MuxChardev"/>.</summary>
public sealed partial class MuxChardev
{
    private static readonly string[] HelpLines =
    [
        "% h    print this help\n\r",
        "% x    exit emulator\n\r",
        "% s    save disk data back to file (if -snapshot)\n\r",
        "% t    toggle console timestamps\n\r",
        "% b    send break (magic sysrq)\n\r",
        "% c    switch between console and monitor\n\r",
        "% %  sends %\n\r",
    ];

    /// <summary>The <c>C-a h</c> text for escape character <paramref name="escapeChar"/>.</summary>
    public static string HelpText(byte escapeChar = 0x01)
    {
        var sb = new StringBuilder();
        string name;
        if (escapeChar is > 0 and < 26)
        {
            sb.Append("\n\r");
            name = $"C-{(char)('a' + escapeChar - 1)}";
        }
        else
        {
            sb.Append($"\n\rEscape-Char set to Ascii: 0x{escapeChar:x2}\n\r\n\r");
            name = "Escape-Char";
        }

        foreach (var line in HelpLines)
        {
            sb.Append(line.Replace("%", name, StringComparison.Ordinal));
        }

        return sb.ToString();
    }

    /// <summary>Handles one input byte; true if it is data for the focused frontend.</summary>
    private bool ProcessByte(byte b)
    {
        if (_gotEscape)
        {
            _gotEscape = false;
            if (b == EscapeChar)
            {
                return true;
            }

            switch ((char)b)
            {
                case '?':
                case 'h':
                    WriteText(HelpText(EscapeChar));
                    break;
                case 'x':
                    WriteText("Nemu: Terminated\n\r");
                    _terminate?.Invoke();
                    break;
                case 's':
                    _commitDisks?.Invoke();
                    break;
                case 'b':
                    if (_focus >= 0)
                    {
                        _slots[_focus].Frontend.OnEvent(ChardevEvent.Break);
                    }

                    break;
                case 'c':
                    if (_slots.Count > 0)
                    {
                        SetFocus((_focus + 1) % _slots.Count);
                    }

                    break;
                case 't':
                    Timestamps = !Timestamps;
                    _timestampStartMs = -1;
                    _lineStart = false;
                    break;
            }

            return false;
        }

        if (b == EscapeChar)
        {
            // Input before the escape reaches the focused frontend before the command acts (C-a x after a line).
            FlushFocus();
            _gotEscape = true;
            return false;
        }

        return true;
    }

    private void WriteText(string text)
    {
        Span<byte> bytes = stackalloc byte[Encoding.ASCII.GetMaxByteCount(text.Length)];
        var n = Encoding.ASCII.GetBytes(text, bytes);
        WriteAll(bytes[..n]);
    }

    private void WriteAll(ReadOnlySpan<byte> data)
    {
        // Like qemu_chr_write_all; a stalled peer gets a bounded number of tries instead of a hang.
        for (var tries = 0; !data.IsEmpty && tries < 1000; tries++)
        {
            var n = Base.Write(data);
            data = data[Math.Max(n, 0)..];
        }
    }

    private int WriteWithTimestamps(ReadOnlySpan<byte> data)
    {
        Span<byte> stamp = stackalloc byte[32];
        var written = 0;
        for (var i = 0; i < data.Length; i++)
        {
            if (_lineStart)
            {
                var now = Environment.TickCount64 - _startTicks;
                if (_timestampStartMs == -1)
                {
                    _timestampStartMs = now;
                }

                var ms = now - _timestampStartMs;
                var secs = ms / 1000;
                stamp[0] = (byte)'[';
                var n = 1 + Two(stamp[1..], secs / 3600);
                stamp[n++] = (byte)':';
                n += Two(stamp[n..], secs / 60 % 60);
                stamp[n++] = (byte)':';
                n += Two(stamp[n..], secs % 60);
                stamp[n++] = (byte)'.';
                stamp[n++] = (byte)('0' + (ms % 1000 / 100));
                stamp[n++] = (byte)('0' + (ms % 100 / 10));
                stamp[n++] = (byte)('0' + (ms % 10));
                stamp[n++] = (byte)']';
                stamp[n++] = (byte)' ';
                WriteAll(stamp[..n]);
                _lineStart = false;
            }

            written += Math.Max(Base.Write(data.Slice(i, 1)), 0);
            if (data[i] == (byte)'\n')
            {
                _lineStart = true;
            }
        }

        return written;
    }

    private static int Two(Span<byte> destination, long value)
    {
        // %02d: at least two digits.
        value.TryFormat(destination, out var n, "00");
        return n;
    }
}
