// Issue 7 acceptance: our own raw-socket QMP client (management.md §2: one JSON object per reply, CRLF ends a
// reply; events are objects with an "event" member). Deliberately minimal: it sends bytes as given (so tests
// can send malformed input) and reads whole reply lines.
using System.Diagnostics;
using System.Net.Sockets;
using System.Text;
using System.Text.Json.Nodes;

namespace Nemu.Cli.Tests.Acceptance;

/// <summary>A QMP connection over a unix socket that sends raw text and reads reply lines.</summary>
internal sealed class QmpTestClient : IDisposable
{
    private readonly Socket _socket;
    private readonly byte[] _buffer = new byte[1 << 16];
    private readonly MemoryStream _pending = new();

    public QmpTestClient(Socket socket)
    {
        _socket = socket;
    }

    public static QmpTestClient Connect(string path, EmulatorProcess emulator, TimeSpan? sendTimeout = null)
    {
        var socket = AcceptanceTools.ConnectUnix(path, emulator, TimeSpan.FromSeconds(30));
        socket.SendTimeout = (int)(sendTimeout ?? TimeSpan.FromSeconds(30)).TotalMilliseconds;
        return new QmpTestClient(socket);
    }

    public void Send(string text) => Send(Encoding.UTF8.GetBytes(text));

    public void Send(byte[] bytes) => _socket.Send(bytes);

    /// <summary>The next reply line (without CRLF), or null at end of stream. Fails after <paramref name="timeout"/>.</summary>
    public string? ReadLine(TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var line = TakeLine();
            if (line is not null)
            {
                return line;
            }

            var left = timeout - clock.Elapsed;
            if (left <= TimeSpan.Zero || !_socket.Poll(left, SelectMode.SelectRead))
            {
                throw new TimeoutException($"no QMP reply within {timeout.TotalSeconds} s");
            }

            int n;
            try
            {
                n = _socket.Receive(_buffer);
            }
            catch (SocketException)
            {
                n = 0;
            }

            if (n == 0)
            {
                return null;
            }

            _pending.Write(_buffer, 0, n);
        }
    }

    /// <summary>Reads messages until <paramref name="replies"/> non-event messages (or EOF) arrived; returns all of them in order.</summary>
    public List<JsonNode?> ReadReplies(int replies, TimeSpan timeout, out bool endOfStream)
    {
        var messages = new List<JsonNode?>();
        endOfStream = false;
        var seen = 0;
        while (seen < replies)
        {
            var line = ReadLine(timeout);
            if (line is null)
            {
                endOfStream = true;
                break;
            }

            var node = JsonNode.Parse(line);
            messages.Add(node);
            if (node is not JsonObject o || !o.ContainsKey("event"))
            {
                seen++;
            }
        }

        return messages;
    }

    /// <summary>Sends one command and returns its reply (events before it are skipped).</summary>
    public JsonObject Execute(string command, TimeSpan timeout)
    {
        Send(command);
        var messages = ReadReplies(1, timeout, out var eof);
        Assert.False(eof, $"QMP connection closed before the reply to {command}");
        return (JsonObject)messages[^1]!;
    }

    public void Dispose() => _socket.Dispose();

    private string? TakeLine()
    {
        var data = _pending.GetBuffer();
        var length = (int)_pending.Length;
        var end = Array.IndexOf(data, (byte)'\n', 0, length);
        if (end < 0)
        {
            return null;
        }

        var line = Encoding.UTF8.GetString(data, 0, end).TrimEnd('\r');
        var rest = data.AsSpan(end + 1, length - end - 1).ToArray();
        _pending.SetLength(0);
        _pending.Write(rest);
        return line;
    }
}
