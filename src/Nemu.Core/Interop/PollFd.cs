// struct pollfd of poll(2) (<poll.h>): int fd; short events; short revents. 8 bytes, no padding, on every
// Linux ABI; the layout is explicit so it cannot drift from the kernel's.
using System.Runtime.InteropServices;

namespace Nemu.Core.Interop;

/// <summary>One entry of a <see cref="LibC.Poll"/> array (C's <c>struct pollfd</c>).</summary>
[StructLayout(LayoutKind.Explicit, Size = 8)]
public struct PollFd
{
    /// <summary>The fd to watch; negative entries are skipped by the kernel.</summary>
    [FieldOffset(0)]
    public int Fd;

    /// <summary>Requested events (<see cref="LibC.PollIn"/>, <see cref="LibC.PollRdHup"/>...).</summary>
    [FieldOffset(4)]
    public short Events;

    /// <summary>Returned events; POLLERR, POLLHUP and POLLNVAL are reported even when not requested.</summary>
    [FieldOffset(6)]
    public short REvents;
}
