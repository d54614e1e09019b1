// The chardev I/O threads' fd helpers, built on Nemu.Core's audited LibC layer: read/write loops that retry
// EINTR and turn EAGAIN into "would block", and the eventfd that wakes a poller (management.md §6.2).
// These declare no native imports of their own.
using Nemu.Core.Interop;

namespace Nemu.Chardevs.Interop;

/// <summary>Non-blocking fd reads and writes and the wake-up eventfd of a chardev I/O thread.</summary>
internal static class FdIo
{
    /// <summary>A non-blocking, close-on-exec eventfd, or throws.</summary>
    public static int CreateEventFd()
    {
        var fd = LibC.EventFd(0, LibC.EfdNonBlock | LibC.EfdCloExec);
        if (fd < 0)
        {
            throw new ChardevException("eventfd: " + Errno.LastText());
        }

        return fd;
    }

    /// <summary>read(2) into <paramref name="buffer"/>: count, 0 at end of file, -1 would block, -2 error.</summary>
    public static unsafe int ReadSome(int fd, Span<byte> buffer)
    {
        fixed (byte* p = buffer)
        {
            while (true)
            {
                var n = LibC.Read(fd, p, (nuint)buffer.Length);
                if (n >= 0)
                {
                    return (int)n;
                }

                var errno = Errno.Last;
                if (errno == Errno.EIntr)
                {
                    continue;
                }

                return errno == Errno.EAgain ? -1 : -2;
            }
        }
    }

    /// <summary>write(2) of as much as the fd takes: count written (0 if it would block), -1 on error.</summary>
    public static unsafe int WriteSome(int fd, ReadOnlySpan<byte> data)
    {
        fixed (byte* p = data)
        {
            var done = 0;
            while (done < data.Length)
            {
                var n = LibC.Write(fd, p + done, (nuint)(data.Length - done));
                if (n >= 0)
                {
                    done += (int)n;
                    continue;
                }

                var errno = Errno.Last;
                if (errno == Errno.EIntr)
                {
                    continue;
                }

                return errno == Errno.EAgain ? done : (done > 0 ? done : -1);
            }

            return done;
        }
    }

    /// <summary>Adds 1 to an eventfd so its poller wakes.</summary>
    public static unsafe void Signal(int eventFd)
    {
        ulong one = 1;
        LibC.Write(eventFd, (byte*)&one, sizeof(ulong));
    }

    /// <summary>Resets an eventfd after its poller woke.</summary>
    public static unsafe void Drain(int eventFd)
    {
        ulong value;
        LibC.Read(eventFd, (byte*)&value, sizeof(ulong));
    }
}
