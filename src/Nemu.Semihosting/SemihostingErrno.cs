// errno values the guest reads with SYS_ERRNO. QEMU (native target) stores the host's errno; Nemu runs on
// Linux, so these are Linux asm-generic/errno-base.h values whatever the host library reports.
namespace Nemu.Semihosting;

/// <summary>The errno values semihosting calls report (Linux numbering).</summary>
public static class SemihostingErrno
{
    public const int EPerm = 1;
    public const int ENoEnt = 2;
    public const int EIo = 5;
    public const int E2Big = 7;
    public const int EBadF = 9;
    public const int EAccess = 13;
    public const int EFault = 14;
    public const int EExist = 17;
    public const int ENotDir = 20;
    public const int EIsDir = 21;
    public const int EInval = 22;
    public const int ENoTty = 25;
    public const int ESPipe = 29;
    public const int ENameTooLong = 36;
    public const int ENotEmpty = 39;
}
