// A backend for mux tests: input is injected by the test, output is captured.
using Nemu.Core.Threading;

namespace Nemu.Chardevs.Tests.TestSupport;

/// <summary>A chardev whose peer is the test.</summary>
internal sealed class FakeChardev(string id, IMainLoop loop) : Chardev(id, loop)
{
    private readonly Lock _gate = new();
    private readonly List<byte> _output = [];

    public override string BackendName => "fake";

    public override string Filename => "fake";

    public string OutputText
    {
        get
        {
            lock (_gate)
            {
                return System.Text.Encoding.Latin1.GetString([.. _output]);
            }
        }
    }

    public override int Write(ReadOnlySpan<byte> data)
    {
        lock (_gate)
        {
            _output.AddRange(data);
        }

        return data.Length;
    }

    public void Input(string text) => QueueInput(System.Text.Encoding.Latin1.GetBytes(text));

    public void Open() => RaiseEvent(ChardevEvent.Opened);
}
