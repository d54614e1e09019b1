// The pipe backend (QEMU's chardev/char-pipe.c): PATH.in for input and PATH.out for output if both
// exist, otherwise PATH for both. Difference from QEMU: the FIFOs are opened read-write, so startup
// does not block until a peer opens the other end, and a peer closing its end is not end of input
// (another peer can open it later).
using Nemu.Core.Interop;
using Nemu.Core.Threading;

namespace Nemu.Chardevs.Backends;

/// <summary><c>-chardev pipe,path=P</c> / <c>-serial pipe:P</c>; <c>filename</c> is <c>pipe</c>.</summary>
public sealed class PipeChardev : FdChardev
{
    private PipeChardev(string id, IMainLoop loop, int inFd, int outFd)
        : base(id, loop, inFd, outFd, ownsFds: true)
    {
    }

    public override string BackendName => "pipe";

    public override string Filename => "pipe";

    /// <exception cref="ChardevException"><c>Could not open 'P': No such file or directory</c>.</exception>
    public static PipeChardev Open(string id, IMainLoop loop, string path)
    {
        const int Flags = LibC.ORdWr | LibC.OCloExec;
        var outFd = LibC.Open(path + ".out", Flags, 0);
        var inFd = LibC.Open(path + ".in", Flags, 0);
        if (inFd < 0 || outFd < 0)
        {
            if (inFd >= 0)
            {
                LibC.Close(inFd);
            }

            if (outFd >= 0)
            {
                LibC.Close(outFd);
            }

            inFd = outFd = FileChardev.OpenOrThrow(path, Flags, 0);
        }

        var chardev = new PipeChardev(id, loop, inFd, outFd);
        chardev.Start();
        return chardev;
    }
}
