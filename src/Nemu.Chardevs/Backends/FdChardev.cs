// A chardev over plain file descriptors (QEMU's FDChardev, chardev/char-fd.c): output is write(2)
// to one fd, input is read on an I/O thread from another. End of input sends CHR_EVENT_CLOSED as
// fd_chr_read() does. Not modelled: chr_add_watch (writes to files and pipes are assumed to keep up).
using Nemu.Chardevs.Interop;
using Nemu.Core.Interop;
using Nemu.Core.Threading;

namespace Nemu.Chardevs.Backends;

/// <summary>Base of the <c>stdio</c>, <c>file</c> and <c>pipe</c> backends: an output fd and an optional input fd.</summary>
public abstract class FdChardev : Chardev
{
    private readonly int _inFd;
    private readonly int _outFd;
    private readonly bool _ownsFds;
    private readonly ReadPump _pump = new();
    private readonly PumpSource _source;
    private Thread? _thread;
    private int _disposed;

    private protected FdChardev(string id, IMainLoop loop, int inFd, int outFd, bool ownsFds)
        : base(id, loop)
    {
        _inFd = inFd;
        _outFd = outFd;
        _ownsFds = ownsFds;
        _source = new PumpSource(this);
    }

    public override int Write(ReadOnlySpan<byte> data)
    {
        if (_outFd < 0 || Volatile.Read(ref _disposed) != 0)
        {
            return data.Length;
        }

        var n = FdIo.WriteSome(_outFd, data);

        // A write error (the reader of a pipe went away) loses the bytes, as in QEMU.
        return n < 0 ? data.Length : n;
    }

    /// <summary>Reports the backend open and starts reading input, if it has any.</summary>
    internal void Start()
    {
        RaiseEvent(ChardevEvent.Opened);
        if (_inFd < 0)
        {
            return;
        }

        _thread = new Thread(ReadLoop) { IsBackground = true, Name = $"chardev-{Id}" };
        _thread.Start();
    }

    protected override void OnInputDrained() => _pump.Resume();

    protected override void Dispose(bool disposing)
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        _pump.Stop();
        if (_thread is not null && !_thread.Join(TimeSpan.FromSeconds(5)))
        {
            // The thread is stuck outside poll(); leave the eventfd open rather than risk reuse.
            return;
        }

        _pump.Dispose();
        if (_ownsFds)
        {
            if (_inFd >= 0)
            {
                LibC.Close(_inFd);
            }

            if (_outFd >= 0 && _outFd != _inFd)
            {
                LibC.Close(_outFd);
            }
        }
    }

    private void ReadLoop()
    {
        var exit = _pump.Run(_inFd, watchHangUp: false, _source);
        if (exit != PumpExit.Stopped)
        {
            RaiseEvent(ChardevEvent.Closed);
        }
    }

    private sealed class PumpSource(FdChardev owner) : IPumpSource
    {
        public int Read(Span<byte> buffer) => FdIo.ReadSome(owner._inFd, buffer);

        public void Deliver(Span<byte> data) => owner.QueueInput(data);
    }
}
