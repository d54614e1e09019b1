// The one small interop layer of the chardev backends: poll(2) with POLLRDHUP, eventfd(2) to wake a
// poller, and read/write/open/close on raw fds (Linux). .NET's Socket.Poll has no POLLRDHUP, which
// is the only way to see a TCP FIN without consuming the guest's pending bytes (management.md §6.2).
using System.Runtime.InteropServices;

namespace Nemu.Chardevs.Interop;

/// <summary>libc entry points used by the chardev I/O threads.</summary>
internal static partial class Native
{
    public const short PollIn = 0x001;
    public const short PollErr = 0x008;
    public const short PollHup = 0x010;
    public const short PollNval = 0x020;
    public const short PollRdHup = 0x2000;

    public const int EIntr = 4;
    public const int EAgain = 11;

    public const int ORdOnly = 0x0;
    public const int OWrOnly = 0x1;
    public const int ORdWr = 0x2;
    public const int ONonBlock = 0x800;
    public const int OCloExec = 0x80000;

    private const int EfdCloExec = 0x80000;
    private const int EfdNonBlock = 0x800;

    [StructLayout(LayoutKind.Sequential)]
    public struct PollFd
    {
        public int Fd;
        public short Events;
        public short REvents;
    }

    [LibraryImport("libc", EntryPoint = "poll", SetLastError = true)]
    public static unsafe partial int Poll(PollFd* fds, nuint count, int timeoutMs);

    [LibraryImport("libc", EntryPoint = "read", SetLastError = true)]
    public static unsafe partial nint Read(int fd, byte* buffer, nuint count);

    [LibraryImport("libc", EntryPoint = "write", SetLastError = true)]
    public static unsafe partial nint Write(int fd, byte* buffer, nuint count);

    [LibraryImport("libc", EntryPoint = "open", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int Open(string path, int flags, int mode);

    [LibraryImport("libc", EntryPoint = "close", SetLastError = true)]
    public static partial int Close(int fd);

    [LibraryImport("libc", EntryPoint = "eventfd", SetLastError = true)]
    private static partial int EventFd(uint initial, int flags);

    [LibraryImport("libc", EntryPoint = "strerror")]
    private static partial nint StrError(int errno);

    /// <summary>A non-blocking, close-on-exec eventfd, or throws.</summary>
    public static int CreateEventFd()
    {
        var fd = EventFd(0, EfdNonBlock | EfdCloExec);
        if (fd < 0)
        {
            throw new ChardevException("eventfd: " + ErrorText(Marshal.GetLastPInvokeError()));
        }

        return fd;
    }

    /// <summary>The C library's text for <paramref name="errno"/> (what QEMU prints via strerror).</summary>
    public static string ErrorText(int errno) => Marshal.PtrToStringUTF8(StrError(errno)) ?? $"error {errno}";

    /// <summary>read(2) into <paramref name="buffer"/>: count, 0 at end of file, -1 would block, -2 error.</summary>
    public static unsafe int ReadSome(int fd, Span<byte> buffer)
    {
        fixed (byte* p = buffer)
        {
            while (true)
            {
                var n = Read(fd, p, (nuint)buffer.Length);
                if (n >= 0)
                {
                    return (int)n;
                }

                var errno = Marshal.GetLastPInvokeError();
                if (errno == EIntr)
                {
                    continue;
                }

                return errno == EAgain ? -1 : -2;
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
                var n = Write(fd, p + done, (nuint)(data.Length - done));
                if (n >= 0)
                {
                    done += (int)n;
                    continue;
                }

                var errno = Marshal.GetLastPInvokeError();
                if (errno == EIntr)
                {
                    continue;
                }

                return errno == EAgain ? done : (done > 0 ? done : -1);
            }

            return done;
        }
    }

    /// <summary>Adds 1 to an eventfd so its poller wakes.</summary>
    public static unsafe void Signal(int eventFd)
    {
        ulong one = 1;
        Write(eventFd, (byte*)&one, sizeof(ulong));
    }

    /// <summary>Resets an eventfd after its poller woke.</summary>
    public static unsafe void Drain(int eventFd)
    {
        ulong value;
        Read(eventFd, (byte*)&value, sizeof(ulong));
    }
}
