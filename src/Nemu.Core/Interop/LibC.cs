// The one audited kernel interface of Nemu (STYLE.md "interop with the kernel through one small, audited layer"):
// LibraryImport bindings to the Linux C library calls behind guest RAM (memfd_create(2), ftruncate(2), mmap(2),
// munmap(2), fcntl(2) file seals) and chardev I/O (open(2), read(2), write(2), close(2), poll(2) with POLLRDHUP,
// eventfd(2)), host file operations of semihosting (remove(3), rename(2), isatty(3)), plus strerror(3) for QEMU-style
// error texts. Nothing else in Nemu declares a native import.
// Errno convention: every import below except strerror is declared SetLastError, so after a failure the caller
// reads errno with Errno.Last (Marshal.GetLastPInvokeError) before making any other call. Each import's
// failure value is stated on it. Constants are the Linux values shared by x86-64 and AArch64 (asm-generic).
// Not modelled: other operating systems (callers check OperatingSystem.IsLinux where they have a fallback),
// SCM_RIGHTS (sendmsg/recvmsg with control messages), which will be added here when a backend needs it.
using System.Runtime.InteropServices;

namespace Nemu.Core.Interop;

/// <summary>
/// Thin <c>LibraryImport</c> bindings to the Linux C library: the only place Nemu calls native code.
/// Callers own the file descriptors and mappings they get and must release them.
/// </summary>
public static unsafe partial class LibC
{
    // memfd_create(2) flags.
    public const uint MfdCloExec = 0x0001;
    public const uint MfdAllowSealing = 0x0002;
    public const uint MfdHugetlb = 0x0004;

    // mmap(2) protection and flags.
    public const int ProtRead = 0x1;
    public const int ProtWrite = 0x2;
    public const int MapShared = 0x01;
    public const int MapPrivate = 0x02;
    public const int MapAnonymous = 0x20;
    public const int MapNoReserve = 0x4000;

    // fcntl(2) file seals (memfd).
    public const int FAddSeals = 1033;
    public const int FGetSeals = 1034;
    public const int FSealSeal = 0x0001;
    public const int FSealShrink = 0x0002;
    public const int FSealGrow = 0x0004;
    public const int FSealWrite = 0x0008;

    // open(2) flags.
    public const int ORdOnly = 0x0;
    public const int OWrOnly = 0x1;
    public const int ORdWr = 0x2;
    public const int OCreat = 0x40;
    public const int OTrunc = 0x200;
    public const int OAppend = 0x400;
    public const int ONonBlock = 0x800;
    public const int OCloExec = 0x80000;

    // poll(2) events.
    public const short PollIn = 0x001;
    public const short PollOut = 0x004;
    public const short PollErr = 0x008;
    public const short PollHup = 0x010;
    public const short PollNval = 0x020;
    public const short PollRdHup = 0x2000;

    // eventfd(2) flags.
    public const int EfdNonBlock = 0x800;
    public const int EfdCloExec = 0x80000;

    /// <summary>mmap's MAP_FAILED, ((void *)-1).</summary>
    public static readonly nint MapFailed = -1;

    /// <summary>memfd_create(2): a new fd, or -1 and errno.</summary>
    [LibraryImport("libc", EntryPoint = "memfd_create", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int MemfdCreate(string name, uint flags);

    /// <summary>ftruncate(2): 0, or -1 and errno (EPERM when a seal forbids the change).</summary>
    [LibraryImport("libc", EntryPoint = "ftruncate", SetLastError = true)]
    public static partial int Ftruncate(int fd, long length);

    /// <summary>mmap(2): the mapping's address, or <see cref="MapFailed"/> and errno.</summary>
    [LibraryImport("libc", EntryPoint = "mmap", SetLastError = true)]
    public static partial nint Mmap(nint addr, nuint length, int prot, int flags, int fd, long offset);

    /// <summary>munmap(2): 0, or -1 and errno.</summary>
    [LibraryImport("libc", EntryPoint = "munmap", SetLastError = true)]
    public static partial int Munmap(nint addr, nuint length);

    /// <summary>
    /// fcntl(2) with an int argument: the command's result (F_GET_SEALS: the seals), or -1 and errno. fcntl is
    /// variadic in C; on the Linux x86-64 and AArch64 ABIs an int vararg is passed exactly like a fixed int.
    /// </summary>
    [LibraryImport("libc", EntryPoint = "fcntl", SetLastError = true)]
    public static partial int Fcntl(int fd, int cmd, int arg);

    /// <summary>open(2): a new fd, or -1 and errno.</summary>
    [LibraryImport("libc", EntryPoint = "open", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int Open(string path, int flags, int mode);

    /// <summary>read(2): bytes read (0 at end of file), or -1 and errno (EAGAIN: would block, EINTR: retry).</summary>
    [LibraryImport("libc", EntryPoint = "read", SetLastError = true)]
    public static partial nint Read(int fd, byte* buffer, nuint count);

    /// <summary>write(2): bytes written (possibly fewer than asked), or -1 and errno (EAGAIN, EINTR, EPIPE...).</summary>
    [LibraryImport("libc", EntryPoint = "write", SetLastError = true)]
    public static partial nint Write(int fd, byte* buffer, nuint count);

    /// <summary>close(2): 0, or -1 and errno (EBADF for an fd that is not open).</summary>
    [LibraryImport("libc", EntryPoint = "close", SetLastError = true)]
    public static partial int Close(int fd);

    /// <summary>
    /// poll(2): the number of entries with non-zero <see cref="PollFd.REvents"/> (0 on timeout), or -1 and errno
    /// (EINTR: retry). A negative <see cref="PollFd.Fd"/> is ignored; <paramref name="timeoutMs"/> -1 waits forever.
    /// </summary>
    [LibraryImport("libc", EntryPoint = "poll", SetLastError = true)]
    public static partial int Poll(PollFd* fds, nuint count, int timeoutMs);

    /// <summary>eventfd(2): a new fd whose 8-byte counter starts at <paramref name="initial"/>, or -1 and errno.</summary>
    [LibraryImport("libc", EntryPoint = "eventfd", SetLastError = true)]
    public static partial int EventFd(uint initial, int flags);

    /// <summary>remove(3): unlink(2), or rmdir(2) for a directory; 0, or -1 and errno (ENOENT, ENOTDIR, ENOTEMPTY...).</summary>
    [LibraryImport("libc", EntryPoint = "remove", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int Remove(string path);

    /// <summary>rename(2): 0 (an existing target file or empty directory is replaced), or -1 and errno.</summary>
    [LibraryImport("libc", EntryPoint = "rename", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int Rename(string oldPath, string newPath);

    /// <summary>isatty(3): 1 for a terminal, else 0 and errno (ENOTTY, or EBADF for an fd that is not open).</summary>
    [LibraryImport("libc", EntryPoint = "isatty", SetLastError = true)]
    public static partial int IsATty(int fd);

    /// <summary>strerror(3): the C library's message for an errno; never fails (unknown values get a generic text).</summary>
    [LibraryImport("libc", EntryPoint = "strerror")]
    internal static partial nint StrError(int errno);
}
