// The I/O-thread side of a chardev's input path: QEMU's io_add_watch_poll (read only while the
// frontend can take data, chardev/char-io.c) plus the POLLHUP source of char-socket.c
// (management.md §6.2), done with one poll(2) on the data fd and an eventfd that wakes the thread.
// While input is paused a socket is still watched for POLLRDHUP/POLLHUP/POLLERR, so a hang-up
// (including a TCP FIN) is seen without reading the bytes the guest has not consumed yet.
using Nemu.Core.Interop;

namespace Nemu.Chardevs.Interop;

/// <summary>Why <see cref="ReadPump.Run"/> returned.</summary>
internal enum PumpExit
{
    /// <summary>The peer hung up (RDHUP/HUP/ERR, or a read error).</summary>
    HangUp,

    /// <summary>read() returned 0.</summary>
    EndOfInput,

    /// <summary><see cref="ReadPump.Stop"/> was called.</summary>
    Stopped,
}

/// <summary>Where a <see cref="ReadPump"/> reads from and where it hands data.</summary>
internal interface IPumpSource
{
    /// <summary>Reads without blocking: count, 0 at end of input, -1 would block, -2 error.</summary>
    int Read(Span<byte> buffer);

    /// <summary>Takes bytes just read (on the I/O thread).</summary>
    void Deliver(Span<byte> data);
}

/// <summary>
/// One I/O thread's wait loop. Reading pauses after each chunk until <see cref="Resume"/> (the
/// frontend drained the chunk), which is what makes a slow device push back on its peer.
/// </summary>
internal sealed class ReadPump : IDisposable
{
    private readonly int _wakeFd;
    private readonly byte[] _buffer = new byte[4096];
    private volatile bool _stopped;
    private volatile bool _wantData;
    private int _disposed;

    public ReadPump()
    {
        _wakeFd = FdIo.CreateEventFd();
    }

    /// <summary>The pump's read buffer, reused for draining a connection after a hang-up.</summary>
    public byte[] Buffer => _buffer;

    public bool IsStopped => _stopped;

    /// <summary>Allows the next read (any thread); wakes the I/O thread if it was paused.</summary>
    public void Resume()
    {
        if (!_wantData)
        {
            _wantData = true;
            FdIo.Signal(_wakeFd);
        }
    }

    /// <summary>Pauses reading until <see cref="Resume"/>.</summary>
    public void Pause() => _wantData = false;

    /// <summary>Makes <see cref="Run"/> and <see cref="Wait"/> return (any thread).</summary>
    public void Stop()
    {
        _stopped = true;
        if (Volatile.Read(ref _disposed) == 0)
        {
            FdIo.Signal(_wakeFd);
        }
    }

    /// <summary>
    /// Waits until <paramref name="fd"/> is readable (a listener has a client) or
    /// <paramref name="timeoutMs"/> passes (-1: forever). False when stopped or timed out.
    /// A negative <paramref name="fd"/> just sleeps.
    /// </summary>
    public unsafe bool Wait(int fd, int timeoutMs)
    {
        var fds = stackalloc PollFd[2];
        fds[0] = new PollFd { Fd = fd, Events = LibC.PollIn };
        fds[1] = new PollFd { Fd = _wakeFd, Events = LibC.PollIn };
        while (!_stopped)
        {
            var r = LibC.Poll(fds, 2, timeoutMs);
            if (r == 0)
            {
                return false;
            }

            if (r < 0)
            {
                continue;
            }

            if (fds[1].REvents != 0)
            {
                FdIo.Drain(_wakeFd);
            }

            if (fds[0].REvents != 0)
            {
                return !_stopped;
            }
        }

        return false;
    }

    /// <summary>
    /// Reads <paramref name="fd"/> into <paramref name="source"/> until end of input, a hang-up or
    /// <see cref="Stop"/>. With <paramref name="watchHangUp"/> (sockets) a hang-up is noticed even
    /// while reading is paused.
    /// </summary>
    public unsafe PumpExit Run(int fd, bool watchHangUp, IPumpSource source)
    {
        var fds = stackalloc PollFd[2];
        while (true)
        {
            if (_stopped)
            {
                return PumpExit.Stopped;
            }

            var want = _wantData;
            fds[0].Fd = want || watchHangUp ? fd : -1;
            fds[0].Events = (short)((want ? LibC.PollIn : 0) | (watchHangUp ? LibC.PollRdHup : 0));
            fds[0].REvents = 0;
            fds[1] = new PollFd { Fd = _wakeFd, Events = LibC.PollIn };
            if (LibC.Poll(fds, 2, -1) < 0)
            {
                continue;
            }

            if (fds[1].REvents != 0)
            {
                FdIo.Drain(_wakeFd);
            }

            if (_stopped)
            {
                return PumpExit.Stopped;
            }

            var revents = fds[0].REvents;
            if (revents == 0)
            {
                continue;
            }

            if ((revents & LibC.PollNval) != 0)
            {
                return PumpExit.HangUp;
            }

            if (!want)
            {
                // Paused: only hang-up conditions were asked for. Pending bytes stay in the
                // kernel; the owner drains them into the input queue before closing.
                return PumpExit.HangUp;
            }

            var n = source.Read(_buffer);
            if (n > 0)
            {
                _wantData = false;
                source.Deliver(_buffer.AsSpan(0, n));
                continue;
            }

            if (n == -1)
            {
                continue;
            }

            return n == 0 ? PumpExit.EndOfInput : PumpExit.HangUp;
        }
    }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            _stopped = true;
            LibC.Close(_wakeFd);
        }
    }
}
