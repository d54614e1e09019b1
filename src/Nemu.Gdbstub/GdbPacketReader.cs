// The receive state machine of QEMU's gdbstub (gdb_read_byte; management.md §5.1): `$payload#cs`, `}` escapes
// (next byte XOR 0x20), `*` run-length (repeat the previous byte ch-' '+3 times), checksum = sum of the raw payload
// bytes mod 256. A payload that would reach the 4096-byte line buffer is dropped and the reader waits for the next `$`
// (QEMU 7.2 sends nothing for it, seen with a 5000-byte packet). Bytes outside a packet are ignored here; the session
// decides what acks and interrupts mean.
namespace Nemu.Gdbstub;

/// <summary>Assembles gdb packets from bytes as QEMU does.</summary>
public sealed class GdbPacketReader
{
    /// <summary>QEMU's MAX_PACKET_LENGTH: the line buffer (one byte stays free for the terminator).</summary>
    public const int MaxPacketLength = 4096;

    private readonly byte[] _line = new byte[MaxPacketLength];
    private int _length;
    private int _sum;
    private int _checksum;
    private State _state;

    private enum State
    {
        Idle,
        GetLine,
        GetLineEscape,
        GetLineRle,
        Checksum1,
        Checksum2,
    }

    /// <summary>True between a `$` and the end of its checksum.</summary>
    public bool InPacket => _state != State.Idle;

    /// <summary>Forgets any partial packet (a new connection).</summary>
    public void Reset()
    {
        _state = State.Idle;
        _length = 0;
        _sum = 0;
    }

    /// <summary>
    /// Feeds one byte. Returns <see cref="GdbReadResult.Packet"/> with the decoded payload in <paramref name="payload"/>,
    /// <see cref="GdbReadResult.BadChecksum"/>, or <see cref="GdbReadResult.None"/> while a packet is incomplete or the byte
    /// was ignored.
    /// </summary>
    public GdbReadResult Feed(byte ch, out ReadOnlySpan<byte> payload)
    {
        payload = default;
        switch (_state)
        {
            case State.Idle:
                if (ch == (byte)'$')
                {
                    _length = 0;
                    _sum = 0;
                    _state = State.GetLine;
                }

                break;
            case State.GetLine:
                if (ch == (byte)'}')
                {
                    _state = State.GetLineEscape;
                    _sum += ch;
                }
                else if (ch == (byte)'*')
                {
                    _state = State.GetLineRle;
                    _sum += ch;
                }
                else if (ch == (byte)'#')
                {
                    _state = State.Checksum1;
                }
                else if (_length >= _line.Length - 1)
                {
                    _state = State.Idle;
                }
                else
                {
                    _line[_length++] = ch;
                    _sum += ch;
                }

                break;
            case State.GetLineEscape:
                if (ch == (byte)'#')
                {
                    _state = State.Checksum1;
                }
                else if (_length >= _line.Length - 1)
                {
                    _state = State.Idle;
                }
                else
                {
                    _line[_length++] = (byte)(ch ^ 0x20);
                    _sum += ch;
                    _state = State.GetLine;
                }

                break;
            case State.GetLineRle:
                if (ch < (byte)' ' || ch == (byte)'#' || ch == (byte)'$' || ch > 126)
                {
                    _state = State.GetLine;
                }
                else
                {
                    var repeat = ch - ' ' + 3;
                    if (_length + repeat >= _line.Length - 1)
                    {
                        _state = State.Idle;
                    }
                    else if (_length < 1)
                    {
                        _state = State.GetLine;
                    }
                    else
                    {
                        _line.AsSpan(_length, repeat).Fill(_line[_length - 1]);
                        _length += repeat;
                        _sum += ch;
                        _state = State.GetLine;
                    }
                }

                break;
            case State.Checksum1:
                if (!IsHex(ch))
                {
                    _state = State.GetLine;
                    break;
                }

                _checksum = GdbHex.Digit(ch) << 4;
                _state = State.Checksum2;
                break;
            case State.Checksum2:
                if (!IsHex(ch))
                {
                    _state = State.GetLine;
                    break;
                }

                _checksum |= GdbHex.Digit(ch);
                _state = State.Idle;
                if (_checksum != (_sum & 0xFF))
                {
                    return GdbReadResult.BadChecksum;
                }

                payload = _line.AsSpan(0, _length);
                return GdbReadResult.Packet;
        }

        return GdbReadResult.None;
    }

    private static bool IsHex(byte ch) => GdbHex.Digit(ch) >= 0;
}
