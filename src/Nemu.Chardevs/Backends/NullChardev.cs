// The null backend (QEMU's chardev/char-null.c): output is discarded, there is never input.
using Nemu.Core.Threading;

namespace Nemu.Chardevs.Backends;

/// <summary><c>-chardev null</c> / <c>-serial null</c>: swallows output; <c>filename</c> is <c>null</c>.</summary>
public sealed class NullChardev : Chardev
{
    public NullChardev(string id, IMainLoop loop)
        : base(id, loop)
    {
        RaiseEvent(ChardevEvent.Opened);
    }

    public override string BackendName => "null";

    public override string Filename => "null";

    public override int Write(ReadOnlySpan<byte> data) => data.Length;
}
