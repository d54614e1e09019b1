// Implements: management.md §7.2 / mprofile.md §6.2 operation numbers ("Semihosting for AArch32 and AArch64",
// Arm, release 2.0; QEMU's TARGET_SYS_* in semihosting/arm-compat-semi.c).
namespace Nemu.Semihosting;

/// <summary>Semihosting operation numbers (r0 at <c>BKPT #0xAB</c>) and the reason codes SYS_EXIT uses.</summary>
public static class SemihostingOperation
{
    public const uint SysOpen = 0x01;
    public const uint SysClose = 0x02;
    public const uint SysWriteC = 0x03;
    public const uint SysWrite0 = 0x04;
    public const uint SysWrite = 0x05;
    public const uint SysRead = 0x06;
    public const uint SysReadC = 0x07;
    public const uint SysIsError = 0x08;
    public const uint SysIsTty = 0x09;
    public const uint SysSeek = 0x0a;
    public const uint SysFlen = 0x0c;
    public const uint SysTmpNam = 0x0d;
    public const uint SysRemove = 0x0e;
    public const uint SysRename = 0x0f;
    public const uint SysClock = 0x10;
    public const uint SysTime = 0x11;
    public const uint SysSystem = 0x12;
    public const uint SysErrno = 0x13;
    public const uint SysGetCmdline = 0x15;
    public const uint SysHeapInfo = 0x16;
    public const uint SysExit = 0x18;

    /// <summary>A64 only; on AArch32 QEMU treats it as unsupported.</summary>
    public const uint SysSyncCache = 0x19;
    public const uint SysExitExtended = 0x20;
    public const uint SysElapsed = 0x30;
    public const uint SysTickFreq = 0x31;

    /// <summary>ADP_Stopped_ApplicationExit: the one SYS_EXIT reason that means success.</summary>
    public const uint AdpStoppedApplicationExit = 0x20026;

    /// <summary>What r0 holds after calls with no defined result (SYS_WRITEC, SYS_WRITE0), as QEMU's common_semi_dead_cb.</summary>
    public const uint NoResult = 0xdeadbeef;
}
