// One entry of QEMU's guest fd table (semihosting/guestfd.h GuestFD). Host files carry their own offset because
// Nemu does I/O with pread/pwrite (RandomAccess) rather than the fd's file position.
using Microsoft.Win32.SafeHandles;

namespace Nemu.Semihosting;

/// <summary>An open guest file descriptor.</summary>
public sealed class GuestFd
{
    private GuestFd(GuestFdKind kind, SafeFileHandle? handle, string? path, int stdioFd, ReadOnlyMemory<byte> data)
    {
        Kind = kind;
        Handle = handle;
        Path = path;
        StdioFd = stdioFd;
        StaticData = data;
    }

    public GuestFdKind Kind { get; }

    /// <summary>The host file (HostFile only).</summary>
    public SafeFileHandle? Handle { get; }

    /// <summary>The host path the file was opened with (HostFile only).</summary>
    public string? Path { get; }

    /// <summary>0, 1 or 2 (HostStdio only).</summary>
    public int StdioFd { get; }

    /// <summary>The file's bytes (Static only).</summary>
    public ReadOnlyMemory<byte> StaticData { get; }

    /// <summary>The current offset (HostFile and Static).</summary>
    public long Offset { get; set; }

    public static GuestFd ForHostFile(SafeFileHandle handle, string path) => new(GuestFdKind.HostFile, handle, path, -1, default);

    public static GuestFd ForStdio(int fd) => new(GuestFdKind.HostStdio, null, null, fd, default);

    public static GuestFd ForStatic(ReadOnlyMemory<byte> data) => new(GuestFdKind.Static, null, null, -1, data);
}
