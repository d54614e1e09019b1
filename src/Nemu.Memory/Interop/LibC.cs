// The audited kernel interface of the memory subsystem (STYLE.md "one small, audited layer"):
// memfd_create(2), ftruncate(2), mmap(2)/munmap(2), fcntl(2) F_ADD_SEALS/F_GET_SEALS and close(2).
// Linux only; constants are the Linux generic/x86-64/arm64 values. Nothing else in Nemu.Memory calls libc.
using System.Runtime.InteropServices;

namespace Nemu.Memory.Interop;

/// <summary>Thin LibraryImport bindings to the C library calls that back guest RAM.</summary>
internal static partial class LibC
{
    internal const uint MfdCloexec = 0x0001;
    internal const uint MfdAllowSealing = 0x0002;
    internal const uint MfdHugetlb = 0x0004;

    internal const int ProtRead = 0x1;
    internal const int ProtWrite = 0x2;
    internal const int MapShared = 0x01;
    internal const int MapPrivate = 0x02;
    internal const int MapAnonymous = 0x20;
    internal const int MapNoReserve = 0x4000;

    internal const int FAddSeals = 1033;
    internal const int FGetSeals = 1034;
    internal const int FSealSeal = 0x0001;
    internal const int FSealShrink = 0x0002;
    internal const int FSealGrow = 0x0004;
    internal const int FSealWrite = 0x0008;

    internal static readonly nint MapFailed = -1;

    [LibraryImport("libc", EntryPoint = "memfd_create", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int MemfdCreate(string name, uint flags);

    [LibraryImport("libc", EntryPoint = "ftruncate", SetLastError = true)]
    internal static partial int Ftruncate(int fd, long length);

    [LibraryImport("libc", EntryPoint = "mmap", SetLastError = true)]
    internal static partial nint Mmap(nint addr, nuint length, int prot, int flags, int fd, long offset);

    [LibraryImport("libc", EntryPoint = "munmap", SetLastError = true)]
    internal static partial int Munmap(nint addr, nuint length);

    // fcntl is variadic in C; on the Linux x86-64 and AArch64 ABIs an int vararg is passed exactly like a fixed int.
    [LibraryImport("libc", EntryPoint = "fcntl", SetLastError = true)]
    internal static partial int Fcntl(int fd, int cmd, int arg);

    [LibraryImport("libc", EntryPoint = "close", SetLastError = true)]
    internal static partial int Close(int fd);

    /// <summary>Formats the last errno for an exception message.</summary>
    internal static string LastError() => Marshal.GetLastPInvokeErrorMessage();
}
