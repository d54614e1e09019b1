// QEMU's QEMUTimerList (util/qemu-timer.c): the pending timers of one clock, in firing order.
// Ordering (deterministic, documented): earlier deadline first; equal deadlines by lower Priority first; then by
// arm order (the timer armed earlier fires first; re-arming counts as a new arm). QEMU's list has no priorities
// and inserts after every timer with deadline <= the new one, which is the same FIFO rule for equal priority.
// RunExpired reads "now" once and fires every timer due at that instant, including ones armed for "now" or
// earlier by callbacks during the run (timerlist_run_timers). QEMU has no guard against a callback re-arming
// itself at the same instant forever; neither does Nemu.
// Storage is a binary min-heap of timers with their index kept in the timer: arm, cancel and fire are
// O(log n) and do not allocate (capacity grows when timers are created, not when they are armed).
namespace Nemu.Core.Time;

/// <summary>The pending <see cref="ClockTimer"/>s of one clock, fired in a deterministic order. Loop thread only.</summary>
public sealed class TimerList
{
    private ClockTimer[] _heap = new ClockTimer[8];
    private int _count;
    private int _registered;
    private long _nextSequence;

    public TimerList(IClock clock)
    {
        ArgumentNullException.ThrowIfNull(clock);
        Clock = clock;
    }

    /// <summary>The clock deadlines are measured against.</summary>
    public IClock Clock { get; }

    /// <summary>Number of armed timers.</summary>
    public int PendingCount => _count;

    /// <summary>
    /// Called when an arm makes a timer the earliest one (QEMU's timerlist_notify): the loop or CPU may need
    /// to wake up or shorten an instruction budget.
    /// </summary>
    public Action? EarliestDeadlineChanged { get; set; }

    /// <summary>Absolute deadline of the earliest pending timer in ns, or -1 if none.</summary>
    public long NextDeadlineNs => _count == 0 ? -1 : _heap[0].Deadline;

    /// <summary>The earliest pending timer, or null.</summary>
    public ClockTimer? Peek() => _count == 0 ? null : _heap[0];

    /// <summary>Creates a timer on this list (timer_new_ns).</summary>
    public ClockTimer CreateTimer(string name, Action callback, int priority = 0) => new(this, name, callback, priority);

    /// <summary>
    /// ns from the clock's now until the earliest deadline: -1 if no timer is pending, 0 if one is already due
    /// (timerlist_deadline_ns; a disabled clock reports -1 as its timers cannot fire).
    /// </summary>
    public long DeadlineDeltaNs()
    {
        if (_count == 0 || !Clock.IsEnabled)
        {
            return -1;
        }

        return Math.Max(_heap[0].Deadline - Clock.NowNs, 0);
    }

    /// <summary>Fires the due timers at the clock's current time; nothing fires while the clock is disabled.</summary>
    /// <returns>True if any timer fired.</returns>
    public bool RunExpired() => Clock.IsEnabled && RunExpired(Clock.NowNs);

    /// <summary>Fires, in order, every timer with a deadline at or before <paramref name="nowNs"/>.</summary>
    /// <returns>True if any timer fired.</returns>
    public bool RunExpired(long nowNs)
    {
        var progress = false;
        while (_count > 0 && _heap[0].Deadline <= nowNs)
        {
            var timer = _heap[0];
            RemoveAt(0);
            timer.Fire();
            progress = true;
        }

        return progress;
    }

    internal void Register()
    {
        _registered++;
        if (_registered > _heap.Length)
        {
            Array.Resize(ref _heap, _heap.Length * 2);
        }
    }

    internal void Arm(ClockTimer timer, long deadline)
    {
        if (!ReferenceEquals(timer.List, this))
        {
            throw new ArgumentException("the timer belongs to another list", nameof(timer));
        }

        if (timer.IsPending)
        {
            RemoveAt(timer.HeapIndex);
        }

        timer.Deadline = deadline;
        timer.ArmSequence = _nextSequence++;
        var index = _count++;
        _heap[index] = timer;
        timer.HeapIndex = index;
        SiftUp(index);
        if (timer.HeapIndex == 0)
        {
            EarliestDeadlineChanged?.Invoke();
        }
    }

    internal void Remove(ClockTimer timer)
    {
        if (timer.IsPending && ReferenceEquals(timer.List, this))
        {
            RemoveAt(timer.HeapIndex);
        }
    }

    private static bool FiresBefore(ClockTimer a, ClockTimer b)
    {
        if (a.Deadline != b.Deadline)
        {
            return a.Deadline < b.Deadline;
        }

        if (a.Priority != b.Priority)
        {
            return a.Priority < b.Priority;
        }

        return a.ArmSequence < b.ArmSequence;
    }

    private void RemoveAt(int index)
    {
        var removed = _heap[index];
        removed.HeapIndex = -1;
        var last = --_count;
        if (index != last)
        {
            var moved = _heap[last];
            _heap[index] = moved;
            moved.HeapIndex = index;
            _heap[last] = null!;
            if (index > 0 && FiresBefore(moved, _heap[(index - 1) / 2]))
            {
                SiftUp(index);
            }
            else
            {
                SiftDown(index);
            }
        }
        else
        {
            _heap[last] = null!;
        }
    }

    private void SiftUp(int index)
    {
        var item = _heap[index];
        while (index > 0)
        {
            var parent = (index - 1) / 2;
            if (!FiresBefore(item, _heap[parent]))
            {
                break;
            }

            Place(_heap[parent], index);
            index = parent;
        }

        Place(item, index);
    }

    private void SiftDown(int index)
    {
        var item = _heap[index];
        while (true)
        {
            var child = (2 * index) + 1;
            if (child >= _count)
            {
                break;
            }

            if (child + 1 < _count && FiresBefore(_heap[child + 1], _heap[child]))
            {
                child++;
            }

            if (!FiresBefore(_heap[child], item))
            {
                break;
            }

            Place(_heap[child], index);
            index = child;
        }

        Place(item, index);
    }

    private void Place(ClockTimer timer, int index)
    {
        _heap[index] = timer;
        timer.HeapIndex = index;
    }
}
