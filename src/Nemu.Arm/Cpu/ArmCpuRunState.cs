// Run states of an M-profile CPU (Armv7-M ARM B1.5.19 Lockup, B1.5.18 sleep).
namespace Nemu.Arm.Cpu;

/// <summary>Whether the CPU executes, sleeps, or is stuck.</summary>
public enum ArmCpuRunState : byte
{
    Running,

    /// <summary>WFI: waits for an exception that would preempt (PRIMASK ignored).</summary>
    WaitingForInterrupt,

    /// <summary>WFE: waits for an event or such an exception.</summary>
    WaitingForEvent,

    /// <summary>Lockup (an unrecoverable fault; QEMU aborts instead): reset leaves it, and NMI preempts a HardFault-priority lockup.</summary>
    Lockup,

    /// <summary>Held in reset or powered off by the board.</summary>
    Stopped,
}
