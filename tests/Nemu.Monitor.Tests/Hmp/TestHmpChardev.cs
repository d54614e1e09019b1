// A chardev for monitor tests: output is captured (or refused, as a peer that stopped reading), input is injected,
// and its main loop runs posted work at once.
using System.Text;
using Nemu.Chardevs;
using Nemu.Core.Threading;

namespace Nemu.Monitor.Tests.Hmp;

internal sealed class TestHmpChardev() : Chardev("compat_monitor0", new ImmediateLoop())
{
    private readonly MemoryStream _output = new();

    public override string BackendName => "test";

    public override string Filename => "test";

    /// <summary>What Write returns instead of taking the bytes (0: peer full; -1: error); null takes them.</summary>
    public int? RefuseWith { get; set; }

    public int WriteCalls { get; private set; }

    public string OutputText => Encoding.Latin1.GetString(_output.ToArray());

    public void ClearOutput() => _output.SetLength(0);

    public override int Write(ReadOnlySpan<byte> data)
    {
        WriteCalls++;
        if (RefuseWith is { } refused)
        {
            return refused;
        }

        _output.Write(data);
        return data.Length;
    }

    public void Type(byte[] bytes) => QueueInput(bytes);

    public void Type(string text) => QueueInput(Encoding.Latin1.GetBytes(text));

    public void Raise(ChardevEvent chardevEvent) => RaiseEvent(chardevEvent);

    private sealed class ImmediateLoop : IMainLoop
    {
        public bool IsLoopThread => true;

        public void Post(Action work) => work();
    }
}
