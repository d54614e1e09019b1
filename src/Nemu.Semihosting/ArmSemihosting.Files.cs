// Implements: management.md §7.2 file operations — QEMU arm-compat-semi.c SYS_OPEN ... SYS_SYSTEM over
// semihosting/syscalls.c (host_*, staticfile_*) and guestfd.c. Results as QEMU 7.2 gives them: SYS_WRITE/SYS_READ
// return the bytes NOT transferred (the whole length on any error, errno untouched), SYS_SEEK returns 0,
// SYS_ISTTY 1/0 (ENOTTY)/-1, ":tt" opens map to host stdin (modes 0-3), stdout (4-7), stderr (8-11).
// Not modelled: lseek/fstat/isatty of a redirected host stdio fd (SEEK on ":tt" gives ESPIPE, FLEN 0,
// ISTTY the isatty of the process's stream).
using System.Text;

namespace Nemu.Semihosting;

public sealed partial class ArmSemihosting
{
    private const uint MaxLength = int.MaxValue;

    private void Open()
    {
        if (!TryArg(0, out var name) || !TryArg(1, out var mode) || !TryArg(2, out var length)
            || !TryReadCString(name, out var nameBytes))
        {
            Fail(SemihostingErrno.EFault);
            return;
        }

        if (mode >= 12)
        {
            Fail(SemihostingErrno.EInval);
            return;
        }

        var text = Encoding.UTF8.GetString(nameBytes);
        if (text == ":tt")
        {
            Complete(_fds.Allocate(GuestFd.ForStdio(mode < 4 ? 0 : mode < 8 ? 1 : 2)), 0);
            return;
        }

        if (text == ":semihosting-features")
        {
            if (mode > 1)
            {
                Fail(SemihostingErrno.EAccess);
                return;
            }

            Complete(_fds.Allocate(GuestFd.ForStatic(FeatureFile)), 0);
            return;
        }

        var errno = ValidatedString(name, length + 1, out var path);
        if (errno != 0)
        {
            Fail(errno);
            return;
        }

        var hostPath = HostPath(path);
        var handle = HostFileSystem.Open(hostPath, SemihostingOpenMode.All[(int)mode], out errno);
        if (handle is null)
        {
            Fail(errno);
            return;
        }

        Complete(_fds.Allocate(GuestFd.ForHostFile(handle, hostPath)), 0);
    }

    private void Close()
    {
        if (!TryArg(0, out var number))
        {
            Fail(SemihostingErrno.EFault);
            return;
        }

        var fd = _fds.Get(number);
        if (fd is null)
        {
            Fail(SemihostingErrno.EBadF);
            return;
        }

        fd.Handle?.Dispose();
        _fds.Release(number);
        Complete(0, 0);
    }

    private void Write()
    {
        if (!TryArg(0, out var number) || !TryArg(1, out var buffer) || !TryArg(2, out var length))
        {
            Fail(SemihostingErrno.EFault);
            return;
        }

        SetResult(length - (uint)Math.Max(0, WriteTo(_fds.Get(number), buffer, Math.Min(length, MaxLength))));
    }

    private long WriteTo(GuestFd? fd, uint buffer, uint length)
    {
        if (fd is null || fd.Kind == GuestFdKind.Static)
        {
            return -1; // EBADF, which SYS_WRITE does not report
        }

        var data = new byte[length];
        if (!_target.ReadMemory(buffer, data))
        {
            return -1; // EFAULT, likewise unreported
        }

        if (fd.Kind == GuestFdKind.HostStdio)
        {
            var stream = _env.Stdio.ForFd(fd.StdioFd);
            if (!stream.CanWrite)
            {
                return -1;
            }

            stream.Write(data);
            stream.Flush();
            return length;
        }

        var written = HostFileSystem.Write(fd.Handle!, data, fd.Offset, out _);
        if (written > 0)
        {
            fd.Offset += written;
        }

        return written;
    }

    private void Read()
    {
        if (!TryArg(0, out var number) || !TryArg(1, out var buffer) || !TryArg(2, out var length))
        {
            Fail(SemihostingErrno.EFault);
            return;
        }

        var fd = _fds.Get(number);
        var data = new byte[fd is null ? 0 : Math.Min(length, MaxLength)];
        long got = -1;
        switch (fd?.Kind)
        {
            case GuestFdKind.Static:
                got = Math.Min(data.Length, fd.StaticData.Length - fd.Offset);
                fd.StaticData.Span.Slice((int)fd.Offset, (int)got).CopyTo(data);
                fd.Offset += got;
                break;
            case GuestFdKind.HostStdio:
                var stream = _env.Stdio.ForFd(fd.StdioFd);
                got = stream.CanRead ? stream.Read(data) : -1;
                break;
            case GuestFdKind.HostFile:
                got = HostFileSystem.Read(fd.Handle!, data, fd.Offset, out _);
                if (got > 0)
                {
                    fd.Offset += got;
                }

                break;
        }

        if (got > 0)
        {
            _target.WriteMemory(buffer, data.AsSpan(0, (int)got));
        }

        SetResult(length - (uint)Math.Max(0, got));
    }

    private void IsTty()
    {
        if (!TryArg(0, out var number))
        {
            Fail(SemihostingErrno.EFault);
            return;
        }

        var fd = _fds.Get(number);
        var hostErrno = SemihostingErrno.ENoTty;
        var tty = fd?.Kind switch
        {
            null => (bool?)null,
            GuestFdKind.HostStdio => _env.Stdio.IsTty(fd.StdioFd),
            GuestFdKind.HostFile => HostFileSystem.IsTty(fd.Handle!, out hostErrno),
            _ => false,
        };
        if (tty is null)
        {
            Fail(SemihostingErrno.EBadF);
        }
        else
        {
            Complete(tty.Value ? 1 : 0, tty.Value ? 0 : hostErrno);
        }
    }

    private void Seek()
    {
        if (!TryArg(0, out var number) || !TryArg(1, out var position))
        {
            Fail(SemihostingErrno.EFault);
            return;
        }

        var fd = _fds.Get(number);
        switch (fd?.Kind)
        {
            case null: Fail(SemihostingErrno.EBadF); return;
            case GuestFdKind.HostStdio: Fail(SemihostingErrno.ESPipe); return;
            case GuestFdKind.Static when position > fd.StaticData.Length: Fail(SemihostingErrno.EInval); return;
            default: fd.Offset = position; Complete(0, 0); return;
        }
    }

    private void Flen()
    {
        if (!TryArg(0, out var number))
        {
            Fail(SemihostingErrno.EFault);
            return;
        }

        var fd = _fds.Get(number);
        switch (fd?.Kind)
        {
            case null: Fail(SemihostingErrno.EBadF); return;
            case GuestFdKind.Static: Complete(fd.StaticData.Length, 0); return;
            case GuestFdKind.HostStdio: Complete(0, 0); return;
            default:
                var length = HostFileSystem.Length(fd.Handle!, out var errno);
                Complete(length, errno);
                return;
        }
    }

    private void TmpNam()
    {
        if (!TryArg(0, out var buffer) || !TryArg(1, out var id) || !TryArg(2, out var size))
        {
            Fail(SemihostingErrno.EFault);
            return;
        }

        // QEMU: "/tmp/qemu-%x%02x" of getpid() and the id's low byte; too small a buffer gives -1, errno untouched.
        var name = Encoding.ASCII.GetBytes($"/tmp/qemu-{_env.ProcessId:x}{id & 0xff:x2}\0");
        if (name.Length > size)
        {
            SetResult(uint.MaxValue);
            return;
        }

        _target.WriteMemory(buffer, name);
        SetResult(0);
    }

    private void Remove()
    {
        if (!TryArg(0, out var name) || !TryArg(1, out var length))
        {
            Fail(SemihostingErrno.EFault);
            return;
        }

        var errno = ValidatedString(name, length + 1, out var path);
        Complete(errno != 0 ? -1 : HostFileSystem.Remove(HostPath(path), out errno), errno);
    }

    private void Rename()
    {
        if (!TryArg(0, out var from) || !TryArg(1, out var fromLength) || !TryArg(2, out var to) || !TryArg(3, out var toLength))
        {
            Fail(SemihostingErrno.EFault);
            return;
        }

        var errno = ValidatedString(from, fromLength + 1, out var fromPath);
        var toPath = string.Empty;
        if (errno == 0)
        {
            errno = ValidatedString(to, toLength + 1, out toPath);
        }

        Complete(errno != 0 ? -1 : HostFileSystem.Rename(HostPath(fromPath), HostPath(toPath), out errno), errno);
    }

    private void RunSystem()
    {
        if (!TryArg(0, out var command) || !TryArg(1, out var length))
        {
            Fail(SemihostingErrno.EFault);
            return;
        }

        var errno = ValidatedString(command, length + 1, out var text);
        Complete(errno != 0 ? -1 : HostFileSystem.System(text, _env.WorkingDirectory, out errno), errno);
    }

    private string HostPath(string guestPath) => Path.Combine(_env.WorkingDirectory, guestPath);

    /// <summary>
    /// validate_lock_user_string: a string of <paramref name="lengthWithNul"/> bytes whose last byte must be NUL
    /// (0 means "measure it"); returns 0 or the errno (EFAULT, EINVAL, ENAMETOOLONG).
    /// </summary>
    private int ValidatedString(uint address, uint lengthWithNul, out string text)
    {
        text = string.Empty;
        byte[] bytes;
        if (lengthWithNul == 0)
        {
            if (!TryReadCString(address, out bytes))
            {
                return SemihostingErrno.EFault;
            }
        }
        else
        {
            if (lengthWithNul > MaxLength)
            {
                return SemihostingErrno.ENameTooLong;
            }

            Span<byte> last = stackalloc byte[1];
            if (!_target.ReadMemory(address + lengthWithNul - 1, last))
            {
                return SemihostingErrno.EFault;
            }

            if (last[0] != 0)
            {
                return SemihostingErrno.EInval;
            }

            bytes = new byte[lengthWithNul];
            if (!_target.ReadMemory(address, bytes))
            {
                return SemihostingErrno.EFault;
            }

            var nul = Array.IndexOf(bytes, (byte)0);
            bytes = bytes[..nul];
        }

        text = Encoding.UTF8.GetString(bytes);
        return 0;
    }
}
