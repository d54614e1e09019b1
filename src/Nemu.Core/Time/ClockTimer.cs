// QEMU's QEMUTimer (include/qemu/timer.h: timer_new_ns, timer_mod, timer_del, timer_pending,
// timer_expire_time_ns), plus a name and an explicit priority (mGBA-style named events) for tie-breaking.
// Negative deadlines are clamped to 0 as in timer_mod_ns_locked. Not modelled: timer scales other than ns
// (callers convert), timer attributes (QEMU_TIMER_ATTR_EXTERNAL).
namespace Nemu.Core.Time;

/// <summary>
/// A named one-shot event on one clock's <see cref="TimerList"/>: armed with <see cref="Modify"/>, it calls its
/// callback once the clock reaches the deadline. The callback may re-arm it. Loop thread only.
/// Arming and firing do not allocate.
/// </summary>
public sealed class ClockTimer
{
    private readonly Action _callback;

    /// <summary>Creates a disarmed timer on <paramref name="list"/>.</summary>
    /// <param name="priority">Among timers with the same deadline, lower values fire first (default 0).</param>
    public ClockTimer(TimerList list, string name, Action callback, int priority = 0)
    {
        ArgumentNullException.ThrowIfNull(list);
        ArgumentNullException.ThrowIfNull(callback);
        List = list;
        Name = name;
        _callback = callback;
        Priority = priority;
        list.Register();
    }

    /// <summary>The list (and so the clock) this timer belongs to.</summary>
    public TimerList List { get; }

    /// <summary>Name for traces and diagnostics.</summary>
    public string Name { get; }

    /// <summary>Tie-break for equal deadlines: lower fires first.</summary>
    public int Priority { get; }

    /// <summary>True while armed and not yet fired (timer_pending).</summary>
    public bool IsPending => HeapIndex >= 0;

    /// <summary>The deadline in ns, or -1 when not pending (timer_expire_time_ns; also the VMState encoding).</summary>
    public long ExpireTime => IsPending ? Deadline : -1;

    internal long Deadline { get; set; }

    internal long ArmSequence { get; set; }

    internal int HeapIndex { get; set; } = -1;

    /// <summary>
    /// Arms (or re-arms) the timer for <paramref name="deadlineNs"/> on its clock (timer_mod_ns). A re-armed timer
    /// counts as armed now for tie-breaking. A deadline at or before now fires at the next run of expired timers.
    /// </summary>
    public void Modify(long deadlineNs) => List.Arm(this, Math.Max(deadlineNs, 0));

    /// <summary>Arms the timer only if it is not pending or <paramref name="deadlineNs"/> is earlier (timer_mod_anticipate_ns).</summary>
    public void ModifyAnticipate(long deadlineNs)
    {
        if (!IsPending || deadlineNs < Deadline)
        {
            Modify(deadlineNs);
        }
    }

    /// <summary>Disarms the timer (timer_del). No effect if not pending.</summary>
    public void Cancel() => List.Remove(this);

    /// <summary>True when pending with a deadline at or before <paramref name="nowNs"/> (timer_expired).</summary>
    public bool IsExpired(long nowNs) => IsPending && Deadline <= nowNs;

    internal void Fire() => _callback();

    public override string ToString() => IsPending ? $"{Name} @{Deadline}" : $"{Name} (idle)";
}
