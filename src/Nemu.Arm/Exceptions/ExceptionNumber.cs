// Exception numbers of the M-profile exception model (Armv7-M ARM B1.5.2; mprofile.md conventions).
namespace Nemu.Arm.Exceptions;

/// <summary>Exception numbers; external interrupt n is <see cref="FirstExternal"/> + n.</summary>
public static class ExceptionNumber
{
    public const int Reset = 1, Nmi = 2, HardFault = 3, MemManage = 4, BusFault = 5, UsageFault = 6, SecureFault = 7;
    public const int SvCall = 11, DebugMonitor = 12, PendSv = 14, SysTick = 15, FirstExternal = 16;
}
