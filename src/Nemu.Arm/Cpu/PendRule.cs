// Which NVIC pending rule a fault raised by the CPU goes through (QEMU armv7m_nvic_set_pending,
// armv7m_nvic_set_pending_derived, armv7m_nvic_set_pending_lazyfp; mprofile.md §2.7, §3.6, §4.3).
namespace Nemu.Arm.Cpu;

/// <summary>The rule <see cref="ArmCpu.PendOrLockUp(int, PendRule)"/> pends a fault by.</summary>
public enum PendRule
{
    /// <summary>A synchronous fault or a fault of the return path (escalation against the execution priority).</summary>
    Normal,

    /// <summary>A fault raised while taking another exception (stacking, vector load).</summary>
    Derived,

    /// <summary>A fault of lazy FP state preservation (escalation decided by FPCCR.*RDY).</summary>
    LazyFp,
}
