// Issue 7 acceptance: the gdb scripts of the batch differential test (issue text: load, break at main, step,
// next, info registers incl. msp/psp/control, write a register and memory, watchpoint hit, continue to exit),
// written against tests/firmware/gdb/gdbtest.c. System registers exist only in QEMU 10.0's target XML (7.2
// prints `void`, plan finding 4), so they are a separate section run only against 10.0 and Nemu.
namespace Nemu.Cli.Tests.Acceptance;

/// <summary>The sections of the gdb acceptance sessions.</summary>
internal static class GdbScripts
{
    public static readonly GdbSection BreakMain = new("break-main", "break main\ncontinue");
    public static readonly GdbSection Step = new("step", "step\nbt");
    public static readonly GdbSection Next = new("next", "next\nfinish\nnext\nnext");
    public static readonly GdbSection Registers = new("registers", "info registers r0 r1 r2 r3 r4 r5 r6 r7 r8 r9 r10 r11 r12 sp lr pc xpsr");

    /// <summary>QEMU 10.0's org.gnu.gdb.arm.m-system feature (read-only in QEMU, so only read here).</summary>
    public static readonly GdbSection SystemRegisters = new("system-registers",
        "p/x $msp\np/x $psp\np/x $control\np/x $primask\np/x $basepri\np/x $faultmask\ninfo registers");

    public static readonly GdbSection SetRegister = new("set-register", "set $r0 = 0x12345678\np/x $r0\ninfo registers r0");
    public static readonly GdbSection SetMemory = new("set-memory",
        "set {int}&scratch[1] = 0xcafef00d\nset var scratch[2] = 0x11223344\nx/4xw &scratch\np/x scratch[1]");
    public static readonly GdbSection Watch = new("watch", "watch counter\ncontinue\ncontinue\ndelete");
    public static readonly GdbSection Threads = new("threads", "info threads");
    public static readonly GdbSection Monitor = new("monitor", "monitor info status");
    public static readonly GdbSection Exit = new("exit", "continue");

    /// <summary>The session 7.2, 10.0 and Nemu must print identically (on GdbFirmware.Session).</summary>
    public static GdbSection[] Shared => [BreakMain, Step, Next, Registers, SetRegister, SetMemory, Watch, Threads, Monitor, Exit];

    /// <summary>The shared session plus the system registers (QEMU 10.0 and Nemu).</summary>
    public static GdbSection[] WithSystemRegisters => [BreakMain, Step, Next, Registers, SystemRegisters, SetRegister, SetMemory, Watch, Threads, Monitor, Exit];

    /// <summary>Single-step with SysTick pending (on GdbFirmware.SysTick): stepi must not enter the handler.</summary>
    public static GdbSection[] SysTickStep =>
    [
        new("window", "break *systick_window\ncontinue\np/d (unsigned int)$pc - (unsigned int)&systick_window\np ticks\np/x *(unsigned int *)0xE000ED04 & 0x04000000"),
        new("stepi", "stepi\np/d (unsigned int)$pc - (unsigned int)&systick_window\np ticks\n" +
            "stepi\np/d (unsigned int)$pc - (unsigned int)&systick_window\np/x *(unsigned int *)0xE000ED04 & 0x04000000"),
        new("handler", "break SysTick_Handler\ncontinue\np ticks\np/x $xpsr & 0x1ff\ndelete"),
        new("exit", "continue"),
    ];
}
