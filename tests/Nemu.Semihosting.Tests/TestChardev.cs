// A chardev whose output is captured and whose input the test injects; its main loop runs posted work at once.
using System.Text;
using Nemu.Chardevs;
using Nemu.Core.Threading;

namespace Nemu.Semihosting.Tests;

internal sealed class TestChardev() : Chardev("semi0", new ImmediateLoop())
{
    private readonly MemoryStream _output = new();

    public override string BackendName => "test";

    public override string Filename => "test";

    public string OutputText => Encoding.Latin1.GetString(_output.ToArray());

    public override int Write(ReadOnlySpan<byte> data)
    {
        _output.Write(data);
        return data.Length;
    }

    public void Type(string text) => QueueInput(Encoding.Latin1.GetBytes(text));

    private sealed class ImmediateLoop : IMainLoop
    {
        public bool IsLoopThread => true;

        public void Post(Action work) => work();
    }
}
