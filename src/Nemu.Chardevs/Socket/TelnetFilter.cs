// Telnet input processing of the socket backend (QEMU's tcp_chr_process_IAC_bytes, char-socket.c):
// IAC IAC is one 0xff data byte, IAC BREAK is a serial break, every other IAC command is taken as
// three bytes (IAC, command, option) and dropped. Not modelled: tn3270 EOR/SB/SE pass-through.
namespace Nemu.Chardevs.Socket;

/// <summary>A per-connection telnet IAC stripper that works in place.</summary>
internal sealed class TelnetFilter
{
    /// <summary>IAC WILL ECHO, IAC WILL SUPPRESS-GO-AHEAD, IAC WILL BINARY, IAC DO BINARY: sent on connect.</summary>
    public static ReadOnlySpan<byte> Negotiation => [0xff, 0xfb, 0x01, 0xff, 0xfb, 0x03, 0xff, 0xfb, 0x00, 0xff, 0xfd, 0x00];

    private const byte Iac = 0xff;
    private const byte IacBreak = 0xf3;

    // 0: data, 1: after IAC, 2: expecting the option byte of a three-byte command.
    private int _state;

    public void Reset() => _state = 0;

    /// <summary>
    /// Filters <paramref name="data"/> from <paramref name="start"/>, compacting kept bytes to
    /// <paramref name="start"/>.. and stopping right after a break. Returns the index after the last
    /// consumed input byte; <paramref name="kept"/> is how many data bytes were written from
    /// <paramref name="start"/>; <paramref name="sawBreak"/> tells whether it stopped at IAC BREAK.
    /// </summary>
    public int Filter(Span<byte> data, int start, out int kept, out bool sawBreak)
    {
        var j = start;
        sawBreak = false;
        var i = start;
        for (; i < data.Length; i++)
        {
            var b = data[i];
            switch (_state)
            {
                case 0:
                    if (b == Iac)
                    {
                        _state = 1;
                    }
                    else
                    {
                        data[j++] = b;
                    }

                    break;
                case 1:
                    if (b == Iac)
                    {
                        data[j++] = b;
                        _state = 0;
                    }
                    else if (b == IacBreak)
                    {
                        _state = 0;
                        sawBreak = true;
                        kept = j - start;
                        return i + 1;
                    }
                    else
                    {
                        _state = 2;
                    }

                    break;
                default:
                    _state = 0;
                    break;
            }
        }

        kept = j - start;
        return i;
    }
}
