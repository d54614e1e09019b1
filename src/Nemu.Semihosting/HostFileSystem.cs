// The host side of the file operations (QEMU semihosting/syscalls.c host_open, host_read, host_write,
// host_flen, host_isatty, host_remove, host_rename, host_system), reporting errno values instead of throwing.
// open(2), remove(3), rename(2) and isatty(3) go through Nemu.Core.Interop.LibC so their errno is exact; reads and
// writes use pread/pwrite (RandomAccess) at the guest fd's own offset (the same bytes as QEMU's read/write at the
// file position: no mode opens with O_APPEND, see SemihostingOpenMode), and .NET exceptions are mapped back to errno
// at this boundary. Not modelled: system() is a .NET process start whose errno is approximated.
using System.Diagnostics;
using Microsoft.Win32.SafeHandles;
using Nemu.Core.Interop;

namespace Nemu.Semihosting;

/// <summary>Host file operations with C-style results: a value, or -1 and an errno.</summary>
internal static class HostFileSystem
{
    private const int OCloExec = 0x80000;

    public static SafeFileHandle? Open(string path, SemihostingOpenMode mode, out int errno)
    {
        var fd = LibC.Open(path, mode.HostFlags | OCloExec, SemihostingOpenMode.CreateMode);
        if (fd < 0)
        {
            errno = Errno.Last;
            return null;
        }

        errno = 0;
        return new SafeFileHandle(fd, ownsHandle: true);
    }

    public static long Read(SafeFileHandle handle, Span<byte> buffer, long offset, out int errno)
    {
        try
        {
            errno = 0;
            return RandomAccess.Read(handle, buffer, offset);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException)
        {
            errno = ErrnoOf(e);
            return -1;
        }
    }

    public static long Write(SafeFileHandle handle, ReadOnlySpan<byte> buffer, long offset, out int errno)
    {
        try
        {
            errno = 0;
            RandomAccess.Write(handle, buffer, offset);
            return buffer.Length;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException)
        {
            errno = ErrnoOf(e);
            return -1;
        }
    }

    public static long Length(SafeFileHandle handle, out int errno)
    {
        try
        {
            errno = 0;
            return RandomAccess.GetLength(handle);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException)
        {
            errno = ErrnoOf(e);
            return -1;
        }
    }

    /// <summary>host_isatty: isatty(3) of the open host fd; false with ENOTTY (or EBADF) otherwise.</summary>
    public static bool IsTty(SafeFileHandle handle, out int errno)
    {
        var tty = LibC.IsATty((int)handle.DangerousGetHandle()) == 1;
        errno = tty ? 0 : Errno.Last;
        return tty;
    }

    /// <summary>host_remove: remove(3), so a directory is removed too when empty; 0, or -1 and the exact errno.</summary>
    public static int Remove(string path, out int errno)
    {
        var result = LibC.Remove(path);
        errno = result == 0 ? 0 : Errno.Last;
        return result;
    }

    /// <summary>host_rename: rename(2), which replaces an existing file or empty directory; 0, or -1 and the exact errno.</summary>
    public static int Rename(string from, string to, out int errno)
    {
        var result = LibC.Rename(from, to);
        errno = result == 0 ? 0 : Errno.Last;
        return result;
    }

    /// <summary>system(3): runs <c>/bin/sh -c</c>; returns the wait status (exit code &lt;&lt; 8), or -1.</summary>
    public static int System(string command, string workingDirectory, out int errno)
    {
        errno = 0;
        try
        {
            var info = new ProcessStartInfo("/bin/sh") { UseShellExecute = false, WorkingDirectory = workingDirectory };
            info.ArgumentList.Add("-c");
            info.ArgumentList.Add(command);
            using var process = global::System.Diagnostics.Process.Start(info);
            if (process is null)
            {
                errno = SemihostingErrno.ENoEnt;
                return -1;
            }

            process.WaitForExit();
            var code = process.ExitCode;

            // .NET reports death by signal N as 128 + N; system() reports it as N in the low bits.
            return code > 128 && code < 128 + 65 ? code - 128 : (code & 0xff) << 8;
        }
        catch (Exception e) when (e is IOException or global::System.ComponentModel.Win32Exception or InvalidOperationException)
        {
            errno = e is global::System.ComponentModel.Win32Exception w ? w.NativeErrorCode : SemihostingErrno.EIo;
            return -1;
        }
    }

    /// <summary>The errno behind a .NET I/O exception (on Unix, IOException.HResult is the raw errno for most errors).</summary>
    public static int ErrnoOf(Exception e) => e switch
    {
        FileNotFoundException or DirectoryNotFoundException => SemihostingErrno.ENoEnt,
        PathTooLongException => SemihostingErrno.ENameTooLong,
        UnauthorizedAccessException => SemihostingErrno.EAccess,
        NotSupportedException => SemihostingErrno.ESPipe,
        IOException io when io.HResult is > 0 and < 4096 => io.HResult,
        _ => SemihostingErrno.EIo,
    };
}
