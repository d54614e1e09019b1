// The stdio backend (QEMU's chardev/char-stdio.c): output to fd 1, input from fd 0; stdin EOF
// sends CHR_EVENT_CLOSED. Not modelled: the raw tty mode QEMU sets (so line editing and Ctrl-C are
// the terminal's: Ctrl-C kills as with signal=on, and signal=off cannot be honoured), echo control.
using Nemu.Core.Threading;

namespace Nemu.Chardevs.Backends;

/// <summary><c>-chardev stdio[,signal=on|off]</c>; <c>filename</c> is <c>stdio</c>. Only one may exist at a time.</summary>
public sealed class StdioChardev : FdChardev
{
    private static int _inUse;
    private int _released;

    private StdioChardev(string id, IMainLoop loop, bool signal, int inFd, int outFd)
        : base(id, loop, inFd, outFd, ownsFds: false)
    {
        Signal = signal;
    }

    public override string BackendName => "stdio";

    public override string Filename => "stdio";

    /// <summary>The <c>signal=</c> option (default on): whether Ctrl-C in the terminal kills the emulator.</summary>
    public bool Signal { get; }

    /// <summary>Opens the process's stdin/stdout.</summary>
    /// <exception cref="ChardevException"><c>cannot use stdio by multiple character devices</c>.</exception>
    public static StdioChardev Open(string id, IMainLoop loop, bool signal = true) => Open(id, loop, signal, 0, 1);

    /// <summary>A stdio backend on other fds (tests use a pipe pair).</summary>
    internal static StdioChardev Open(string id, IMainLoop loop, bool signal, int inFd, int outFd)
    {
        if (Interlocked.Exchange(ref _inUse, 1) != 0)
        {
            throw new ChardevException("cannot use stdio by multiple character devices");
        }

        var chardev = new StdioChardev(id, loop, signal, inFd, outFd);
        chardev.Start();
        return chardev;
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (Interlocked.Exchange(ref _released, 1) == 0)
        {
            Volatile.Write(ref _inUse, 0);
        }
    }
}
