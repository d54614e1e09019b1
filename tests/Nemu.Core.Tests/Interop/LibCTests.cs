// The audited interop layer on its own (STYLE.md): each LibC import against the real Linux kernel, including
// its failure value and errno. No timing: poll is either given a zero timeout when nothing may be ready or a
// generous one for an event that has already happened.
using System.IO.Pipes;
using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using Nemu.Core.Interop;

namespace Nemu.Core.Tests.Interop;

public sealed unsafe class LibCTests
{
    private const int GenerousTimeoutMs = 30_000;

    [Fact]
    public void PollFdHasTheKernelLayout()
    {
        Assert.Equal(8, sizeof(PollFd));
        Assert.Equal(0, (int)Marshal.OffsetOf<PollFd>(nameof(PollFd.Fd)));
        Assert.Equal(4, (int)Marshal.OffsetOf<PollFd>(nameof(PollFd.Events)));
        Assert.Equal(6, (int)Marshal.OffsetOf<PollFd>(nameof(PollFd.REvents)));
    }

    [Fact]
    public void MemfdSizedByFtruncateIsSharedBetweenTwoMappings()
    {
        var fd = LibC.MemfdCreate("nemu-libc-test", LibC.MfdCloExec);
        Assert.True(fd >= 0, Errno.LastText());
        try
        {
            Assert.Equal(0, LibC.Ftruncate(fd, 0x2000));
            var a = LibC.Mmap(0, 0x2000, LibC.ProtRead | LibC.ProtWrite, LibC.MapShared, fd, 0);
            Assert.NotEqual(LibC.MapFailed, a);
            var b = LibC.Mmap(0, 0x1000, LibC.ProtRead, LibC.MapShared, fd, 0x1000);
            Assert.NotEqual(LibC.MapFailed, b);

            *(ulong*)(a + 0x1008) = 0x0123_4567_89AB_CDEF;
            Assert.Equal(0x0123_4567_89AB_CDEFUL, *(ulong*)(b + 8));
            Assert.Equal(0UL, *(ulong*)(a + 0x10)); // a new memfd reads as zeros

            Assert.Equal(0, LibC.Munmap(b, 0x1000));
            Assert.Equal(0, LibC.Munmap(a, 0x2000));
        }
        finally
        {
            Assert.Equal(0, LibC.Close(fd));
        }
    }

    [Fact]
    public void AnonymousPrivateMappingIsZeroFilledAndWritable()
    {
        var p = LibC.Mmap(0, 0x1000, LibC.ProtRead | LibC.ProtWrite, LibC.MapPrivate | LibC.MapAnonymous | LibC.MapNoReserve, -1, 0);
        Assert.NotEqual(LibC.MapFailed, p);
        Assert.Equal(0, *(byte*)(p + 0xFFF));
        *(byte*)(p + 0xFFF) = 0x5A;
        Assert.Equal(0x5A, *(byte*)(p + 0xFFF));
        Assert.Equal(0, LibC.Munmap(p, 0x1000));
    }

    [Fact]
    public void FcntlAddsAndReadsSealsAndSealsRefuseResizeWithEperm()
    {
        var fd = LibC.MemfdCreate("nemu-seal-test", LibC.MfdCloExec | LibC.MfdAllowSealing);
        Assert.True(fd >= 0, Errno.LastText());
        try
        {
            Assert.Equal(0, LibC.Ftruncate(fd, 0x1000));
            Assert.Equal(0, LibC.Fcntl(fd, LibC.FGetSeals, 0));
            Assert.Equal(0, LibC.Fcntl(fd, LibC.FAddSeals, LibC.FSealGrow | LibC.FSealShrink | LibC.FSealSeal));
            Assert.Equal(LibC.FSealGrow | LibC.FSealShrink | LibC.FSealSeal, LibC.Fcntl(fd, LibC.FGetSeals, 0));

            Assert.Equal(-1, LibC.Ftruncate(fd, 0x2000));
            Assert.Equal(Errno.EPerm, Errno.Last);
            Assert.Equal(-1, LibC.Fcntl(fd, LibC.FAddSeals, LibC.FSealWrite));
            Assert.Equal(Errno.EPerm, Errno.Last);
        }
        finally
        {
            Assert.Equal(0, LibC.Close(fd));
        }
    }

    [Fact]
    public void MemfdWithoutAllowSealingStartsSealedAgainstNewSeals()
    {
        var fd = LibC.MemfdCreate("nemu-noseal-test", LibC.MfdCloExec);
        Assert.True(fd >= 0, Errno.LastText());
        try
        {
            Assert.Equal(LibC.FSealSeal, LibC.Fcntl(fd, LibC.FGetSeals, 0));
        }
        finally
        {
            Assert.Equal(0, LibC.Close(fd));
        }
    }

    [Fact]
    public void PollReportsRdHupAfterThePeerShutsDownWithoutConsumingPendingBytes()
    {
        using var listener = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        listener.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        listener.Listen(1);
        using var client = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        client.Connect(listener.LocalEndPoint!);
        using var server = listener.Accept();
        var fd = (int)server.Handle;

        var fds = stackalloc PollFd[1];
        fds[0] = new PollFd { Fd = fd, Events = LibC.PollRdHup };
        Assert.Equal(0, LibC.Poll(fds, 1, 0));
        Assert.Equal(0, fds[0].REvents);

        client.Send("pending"u8);
        client.Shutdown(SocketShutdown.Send);

        fds[0].REvents = 0;
        Assert.Equal(1, LibC.Poll(fds, 1, GenerousTimeoutMs));
        Assert.NotEqual(0, fds[0].REvents & LibC.PollRdHup);
        Assert.Equal(0, fds[0].REvents & LibC.PollIn); // not asked for, not reported

        var buffer = new byte[16];
        Assert.Equal(7, server.Receive(buffer));
        Assert.Equal("pending"u8.ToArray(), buffer[..7]);
    }

    [Fact]
    public void PollSkipsNegativeFdsAndFlagsClosedOnesWithNval()
    {
        var fds = stackalloc PollFd[2];
        fds[0] = new PollFd { Fd = -1, Events = LibC.PollIn };
        fds[1] = new PollFd { Fd = int.MaxValue, Events = LibC.PollIn };
        Assert.Equal(1, LibC.Poll(fds, 2, 0));
        Assert.Equal(0, fds[0].REvents);
        Assert.Equal(LibC.PollNval, fds[1].REvents);
    }

    [Fact]
    public void EventFdCountsWritesAndReadResetsIt()
    {
        var fd = LibC.EventFd(0, LibC.EfdNonBlock | LibC.EfdCloExec);
        Assert.True(fd >= 0, Errno.LastText());
        try
        {
            ulong value = 0;
            Assert.Equal(-1, LibC.Read(fd, (byte*)&value, sizeof(ulong)));
            Assert.Equal(Errno.EAgain, Errno.Last);

            var fds = stackalloc PollFd[1];
            fds[0] = new PollFd { Fd = fd, Events = LibC.PollIn };
            Assert.Equal(0, LibC.Poll(fds, 1, 0));

            ulong three = 3, four = 4;
            Assert.Equal(sizeof(ulong), LibC.Write(fd, (byte*)&three, sizeof(ulong)));
            Assert.Equal(sizeof(ulong), LibC.Write(fd, (byte*)&four, sizeof(ulong)));
            Assert.Equal(1, LibC.Poll(fds, 1, GenerousTimeoutMs));
            Assert.Equal(LibC.PollIn, fds[0].REvents);

            Assert.Equal(sizeof(ulong), LibC.Read(fd, (byte*)&value, sizeof(ulong)));
            Assert.Equal(7UL, value);
            Assert.Equal(-1, LibC.Read(fd, (byte*)&value, sizeof(ulong)));
            Assert.Equal(Errno.EAgain, Errno.Last);
        }
        finally
        {
            Assert.Equal(0, LibC.Close(fd));
        }
    }

    [Fact]
    public void PipeCarriesWrittenBytesToAReaderOpenedWithOpen()
    {
        using var writer = new AnonymousPipeServerStream(PipeDirection.Out);
        using var readEnd = writer.ClientSafePipeHandle;
        var writeFd = (int)writer.SafePipeHandle.DangerousGetHandle();

        // A second descriptor for the read end, owned (and closed) by this test.
        var readFd = LibC.Open($"/proc/self/fd/{(int)readEnd.DangerousGetHandle()}", LibC.ORdOnly | LibC.OCloExec, 0);
        Assert.True(readFd >= 0, Errno.LastText());
        try
        {
            fixed (byte* hello = "hello"u8)
            {
                Assert.Equal(5, LibC.Write(writeFd, hello, 5));
            }

            var buffer = new byte[16];
            fixed (byte* p = buffer)
            {
                Assert.Equal(5, LibC.Read(readFd, p, 16));
            }

            Assert.Equal("hello"u8.ToArray(), buffer[..5]);
        }
        finally
        {
            Assert.Equal(0, LibC.Close(readFd));
        }
    }

    [Fact]
    public void FailuresReturnMinusOneAndSetErrno()
    {
        byte b = 0;
        Assert.Equal(-1, LibC.Open("/nonexistent-nemu-dir/file", LibC.ORdOnly, 0));
        Assert.Equal(Errno.ENoEnt, Errno.Last);
        Assert.Equal("No such file or directory", Errno.LastText());

        Assert.Equal(-1, LibC.Close(-1));
        Assert.Equal(Errno.EBadF, Errno.Last);
        Assert.Equal(-1, LibC.Read(-1, &b, 1));
        Assert.Equal(Errno.EBadF, Errno.Last);
        Assert.Equal(-1, LibC.Write(-1, &b, 1));
        Assert.Equal(Errno.EBadF, Errno.Last);
        Assert.Equal(-1, LibC.Ftruncate(-1, 0));
        Assert.Equal(Errno.EBadF, Errno.Last);
        Assert.Equal(-1, LibC.Fcntl(-1, LibC.FGetSeals, 0));
        Assert.Equal(Errno.EBadF, Errno.Last);

        Assert.Equal(-1, LibC.MemfdCreate("bad-flags", 0x8000_0000));
        Assert.Equal(Errno.EInval, Errno.Last);
        Assert.Equal(-1, LibC.EventFd(0, 0x2)); // only EFD_SEMAPHORE, EFD_NONBLOCK and EFD_CLOEXEC exist
        Assert.Equal(Errno.EInval, Errno.Last);

        Assert.Equal(LibC.MapFailed, LibC.Mmap(0, 0, LibC.ProtRead, LibC.MapPrivate | LibC.MapAnonymous, -1, 0));
        Assert.Equal(Errno.EInval, Errno.Last);
        Assert.Equal(-1, LibC.Munmap(1, 0x1000)); // not page aligned
        Assert.Equal(Errno.EInval, Errno.Last);
    }

    [Fact]
    public void ErrnoTextIsTheCLibraryMessage()
    {
        Assert.Equal("Bad file descriptor", Errno.Text(Errno.EBadF));
        Assert.Equal("Operation not permitted", Errno.Text(Errno.EPerm));
    }

    [Fact]
    public void RemoveUnlinksFilesRemovesEmptyDirectoriesAndReportsErrno()
    {
        var dir = Directory.CreateTempSubdirectory("nemu-libc-").FullName;
        try
        {
            var file = Path.Combine(dir, "f");
            File.WriteAllText(file, "x");
            Directory.CreateDirectory(Path.Combine(dir, "full", "inner"));
            Directory.CreateDirectory(Path.Combine(dir, "empty"));

            Assert.Equal(0, LibC.Remove(file));
            Assert.False(File.Exists(file));
            Assert.Equal(0, LibC.Remove(Path.Combine(dir, "empty")));
            Assert.Equal(-1, LibC.Remove(file));
            Assert.Equal(2, Errno.Last); // ENOENT
            Assert.Equal(-1, LibC.Remove(Path.Combine(dir, "full")));
            Assert.Equal(39, Errno.Last); // ENOTEMPTY
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void RenameReplacesTheTargetAndReportsErrno()
    {
        var dir = Directory.CreateTempSubdirectory("nemu-libc-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(dir, "a"), "a");
            File.WriteAllText(Path.Combine(dir, "b"), "b");
            Directory.CreateDirectory(Path.Combine(dir, "d"));

            Assert.Equal(0, LibC.Rename(Path.Combine(dir, "a"), Path.Combine(dir, "b")));
            Assert.Equal("a", File.ReadAllText(Path.Combine(dir, "b")));
            Assert.Equal(-1, LibC.Rename(Path.Combine(dir, "a"), Path.Combine(dir, "c")));
            Assert.Equal(2, Errno.Last); // ENOENT
            Assert.Equal(-1, LibC.Rename(Path.Combine(dir, "b"), Path.Combine(dir, "d")));
            Assert.Equal(21, Errno.Last); // EISDIR
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void IsATtyIsZeroWithEnottyForAFileAndEbadfForANegativeFd()
    {
        var fd = LibC.MemfdCreate("nemu-isatty", LibC.MfdCloExec);
        Assert.True(fd >= 0, Errno.LastText());
        Assert.Equal(0, LibC.IsATty(fd));
        Assert.Equal(25, Errno.Last); // ENOTTY
        Assert.Equal(0, LibC.Close(fd));
        Assert.Equal(0, LibC.IsATty(-1));
        Assert.Equal(9, Errno.Last); // EBADF
    }
}
