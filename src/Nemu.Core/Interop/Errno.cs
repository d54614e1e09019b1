// errno values (Linux asm-generic/errno-base.h, shared by x86-64 and AArch64) and access to the errno of the
// last LibC call, with the C library's text for it (what QEMU prints through strerror).
using System.Runtime.InteropServices;

namespace Nemu.Core.Interop;

/// <summary>errno of the last <see cref="LibC"/> call, and the values Nemu tests for.</summary>
public static class Errno
{
    public const int EPerm = 1;
    public const int ENoEnt = 2;
    public const int EIntr = 4;
    public const int EBadF = 9;
    public const int EAgain = 11;
    public const int EInval = 22;

    /// <summary>errno as the last SetLastError import on this thread left it.</summary>
    public static int Last => Marshal.GetLastPInvokeError();

    /// <summary>strerror(<paramref name="errno"/>): the C library's text, e.g. "No such file or directory".</summary>
    public static string Text(int errno) => Marshal.PtrToStringUTF8(LibC.StrError(errno)) ?? $"error {errno}";

    /// <summary>The text of <see cref="Last"/>.</summary>
    public static string LastText() => Text(Last);
}
