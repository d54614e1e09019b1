using Nemu.Chardevs;
using Nemu.Core.Threading;

namespace Nemu.Hw.Tests.Misc;

/// <summary>A chardev that records output and delivers input on the calling thread (a synchronous main loop).</summary>
internal sealed class CapturingChardev : Chardev
{
    public CapturingChardev(string id)
        : base(id, new InlineLoop())
    {
    }

    public List<byte> Output { get; } = [];

    public override string BackendName => "test";

    public override string Filename => "test";

    public override int Write(ReadOnlySpan<byte> data)
    {
        Output.AddRange(data.ToArray());
        return data.Length;
    }

    /// <summary>Input as if typed on the host; delivered as far as the frontend accepts it.</summary>
    public void Type(params byte[] data) => QueueInput(data);

    private sealed class InlineLoop : IMainLoop
    {
        public bool IsLoopThread => true;

        public void Post(Action work) => work();
    }
}
