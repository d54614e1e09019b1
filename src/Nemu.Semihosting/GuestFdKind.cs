// QEMU semihosting/guestfd.h GuestFDType, as used by the Arm-compatible layer (the console is not in the table).
namespace Nemu.Semihosting;

/// <summary>What a guest file descriptor refers to.</summary>
public enum GuestFdKind
{
    /// <summary>A host file opened by SYS_OPEN (GuestFDHost with a host fd of our own).</summary>
    HostFile,

    /// <summary>":tt": host fd 0, 1 or 2 (GuestFDHost on a standard fd; SYS_CLOSE leaves the host fd open).</summary>
    HostStdio,

    /// <summary>":semihosting-features" (GuestFDStatic): read-only bytes with an offset.</summary>
    Static,
}
