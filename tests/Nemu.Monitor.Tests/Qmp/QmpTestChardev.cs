// A chardev whose peer is the test: input is queued as if read from a client, output is captured, and the
// connection can be opened, closed and throttled (a client that does not read).
using System.Text;
using Nemu.Chardevs;
using Nemu.Core.Threading;

namespace Nemu.Monitor.Tests.Qmp;

/// <summary>A test peer for a QMP monitor.</summary>
internal sealed class QmpTestChardev(IMainLoop loop) : Chardev("qmp-test", loop)
{
    private readonly StringBuilder _output = new();

    public override string BackendName => "test";

    public override string Filename => "test";

    /// <summary>How many more bytes the peer takes (null: unlimited).</summary>
    public int? Room { get; set; }

    public string Output => _output.ToString();

    public override int Write(ReadOnlySpan<byte> data)
    {
        var n = Room is { } room ? Math.Min(room, data.Length) : data.Length;
        _output.Append(Encoding.Latin1.GetString(data[..n]));
        if (Room is not null)
        {
            Room -= n;
        }

        return n;
    }

    public void Input(string text) => QueueInput(Encoding.UTF8.GetBytes(text));

    public void InputBytes(byte[] bytes) => QueueInput(bytes);

    public void Open() => RaiseEvent(ChardevEvent.Opened);

    public void Close() => RaiseEvent(ChardevEvent.Closed);

    /// <summary>The messages received so far (CRLF-terminated), and forgets them.</summary>
    public List<string> TakeMessages()
    {
        var text = _output.ToString();
        _output.Clear();
        return [.. text.Split("\r\n", StringSplitOptions.RemoveEmptyEntries)];
    }
}
