// QEMU's PTIMER_POLICY_* flags (include/hw/ptimer.h): how a countdown timer behaves at and around zero.
// The values are QEMU's bit numbers. The legacy default policy has rough edges (QEMU's header lists them:
// running counter reads one less than real, a zero count triggers and reloads immediately); devices should
// state the policy of the hardware they model.
namespace Nemu.Core.Time;

/// <summary>Behaviour flags of a <see cref="Ptimer"/> (PTIMER_POLICY_*).</summary>
[Flags]
public enum PtimerPolicy : byte
{
    /// <summary>PTIMER_POLICY_LEGACY (formerly DEFAULT).</summary>
    Legacy = 0,

    /// <summary>A periodic counter stays at 0 for one period before wrapping to the limit.</summary>
    WrapAfterOnePeriod = 1 << 0,

    /// <summary>A running periodic timer with counter = limit = 0 re-triggers every period.</summary>
    ContinuousTrigger = 1 << 1,

    /// <summary>Starting or writing 0 does not trigger; the trigger comes when the count would leave 0.</summary>
    NoImmediateTrigger = 1 << 2,

    /// <summary>Starting or writing 0 does not reload at once; the reload happens one period later.</summary>
    NoImmediateReload = 1 << 3,

    /// <summary>The count is not rounded down (reads as the value the hardware register shows).</summary>
    NoCounterRoundDown = 1 << 4,

    /// <summary>Trigger only when the count decrements to 0, not when started or written at 0.</summary>
    TriggerOnlyOnDecrement = 1 << 5,
}
