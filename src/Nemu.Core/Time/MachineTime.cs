// The machine's clocks and their timer lists (QEMU's main_loop_tlg / qemu_clocks), the icount budget and warp
// (softmmu/icount.c: icount_get_limit, icount_start_warp_timer with sleep=off), and qtest's clock_step /
// clock_set (pci.md §7.1: qtest_clock_warp fires each timer at its own deadline while stepping).
// Not modelled: icount sleep=on (warping waits for real time), shift=auto adaptation, QEMU_CLOCK_VIRTUAL_RT.
namespace Nemu.Core.Time;

/// <summary>
/// The three clocks (realtime, virtual, host) with one <see cref="TimerList"/> each. Devices create timers here,
/// the CPU uses it as its <see cref="IInstructionCounter"/>, and the System layer starts and stops virtual time.
/// Loop thread only (except reading times).
/// </summary>
public sealed class MachineTime : IInstructionCounter
{
    /// <summary>QEMU's icount_get_limit caps a deadline at INT32_MAX ns when computing a budget.</summary>
    public const long MaxBudgetDeadlineNs = int.MaxValue;

    private readonly TimerList[] _lists;

    public MachineTime(VirtualClock virtualClock, IHostTime? host = null)
    {
        ArgumentNullException.ThrowIfNull(virtualClock);
        host ??= SystemHostTime.Instance;
        Virtual = virtualClock;
        Realtime = new HostBackedClock(ClockType.Realtime, host);
        Host = new HostBackedClock(ClockType.Host, host);
        _lists = [new TimerList(Realtime), new TimerList(Virtual), new TimerList(Host)];
    }

    /// <summary>Without -icount: virtual time follows the host while running.</summary>
    public static MachineTime CreateRealTime(IHostTime? host = null) => new(VirtualClock.CreateRealTime(host), host);

    /// <summary>-icount shift=<paramref name="shift"/> (sleep=off semantics).</summary>
    public static MachineTime CreateIcount(int shift, IHostTime? host = null) => new(VirtualClock.CreateIcount(shift), host);

    /// <summary>qtest-style time, moved only by <see cref="Step"/>/<see cref="StepToNextDeadline"/>/<see cref="SetVirtualNs"/>.</summary>
    public static MachineTime CreateManual(IHostTime? host = null) => new(VirtualClock.CreateManual(), host);

    /// <summary>QEMU_CLOCK_VIRTUAL.</summary>
    public VirtualClock Virtual { get; }

    /// <summary>QEMU_CLOCK_REALTIME.</summary>
    public IClock Realtime { get; }

    /// <summary>QEMU_CLOCK_HOST.</summary>
    public IClock Host { get; }

    /// <summary>Timers on the virtual clock (device timers).</summary>
    public TimerList VirtualTimers => _lists[(int)ClockType.Virtual];

    /// <summary>Instructions per CPU slice in real-time mode, and the longest slice under -icount.</summary>
    public long RealTimeSliceInstructions { get; set; } = 0x10000;

    public long NowNs => Virtual.NowNs;

    /// <summary>The timer list of <paramref name="type"/>.</summary>
    public TimerList GetTimerList(ClockType type) => _lists[(int)type];

    /// <summary>The clock of <paramref name="type"/>.</summary>
    public IClock GetClock(ClockType type) => _lists[(int)type].Clock;

    /// <summary>Creates a timer on <paramref name="type"/> (timer_new_ns).</summary>
    public ClockTimer CreateTimer(ClockType type, string name, Action callback, int priority = 0) =>
        GetTimerList(type).CreateTimer(name, callback, priority);

    /// <summary>Starts virtual time (vm_start: cpu_enable_ticks + enabling virtual timers).</summary>
    public void Start() => Virtual.Start();

    /// <summary>Freezes virtual time and its timers (vm_stop).</summary>
    public void Stop() => Virtual.Stop();

    public long InstructionBudgetUntilNextDeadline()
    {
        switch (Virtual.Mode)
        {
            case VirtualClockMode.RealTime:
                return RealTimeSliceInstructions;
            case VirtualClockMode.Manual:
                return 0;
        }

        var delta = VirtualTimers.DeadlineDeltaNs();
        if (delta < 0 || delta > MaxBudgetDeadlineNs)
        {
            delta = MaxBudgetDeadlineNs;
        }

        // A slice never runs past RealTimeSliceInstructions even with no timer armed, so a guest spinning in
        // a loop cannot hold the loop thread (monitor commands, chardev input) for seconds. Slicing does not
        // change what the guest computes: timers still fire at their exact instruction counts.
        return Math.Min(Virtual.InstructionsCovering(delta), RealTimeSliceInstructions);
    }

    public void AddExecutedInstructions(long count) => Virtual.AddExecutedInstructions(count);

    /// <summary>Fires due timers of every enabled clock, realtime then virtual then host (qemu_clock_run_all_timers).</summary>
    /// <returns>True if any timer fired.</returns>
    public bool RunExpiredTimers()
    {
        var progress = false;
        foreach (var list in _lists)
        {
            progress |= list.RunExpired();
        }

        return progress;
    }

    /// <summary>
    /// All CPUs are idle under icount: jump virtual time to the earliest virtual deadline (sleep=off) so sleeping
    /// guests progress deterministically. Timers are not fired here; the loop fires them next.
    /// </summary>
    /// <returns>True if a virtual timer is now due (warped or already due); false if none is pending, the VM is
    /// stopped, or the clock is not an icount clock.</returns>
    public bool WarpToNextDeadline()
    {
        if (Virtual.Mode != VirtualClockMode.Icount)
        {
            return false;
        }

        var delta = VirtualTimers.DeadlineDeltaNs();
        if (delta < 0)
        {
            return false;
        }

        Virtual.Warp(delta);
        return true;
    }

    /// <summary>
    /// qtest <c>clock_step NS</c>: advances virtual time by <paramref name="ns"/>, stopping at each deadline on the way
    /// so every timer fires with the clock reading exactly its deadline. Icount or manual mode.
    /// </summary>
    /// <returns>The new virtual time.</returns>
    public long Step(long ns)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(ns);
        return SetVirtualNs(Virtual.NowNs + ns);
    }

    /// <summary>qtest <c>clock_step</c> without argument: advances to the earliest virtual deadline and fires it.</summary>
    /// <returns>False (time unchanged) if no virtual timer is pending.</returns>
    public bool StepToNextDeadline()
    {
        var deadline = VirtualTimers.NextDeadlineNs;
        if (deadline < 0)
        {
            return false;
        }

        SetVirtualNs(Math.Max(deadline, Virtual.NowNs));
        return true;
    }

    /// <summary>qtest <c>clock_set NS</c>: advances virtual time to <paramref name="targetNs"/> (never backwards), firing timers on the way.</summary>
    /// <returns>The new virtual time.</returns>
    public long SetVirtualNs(long targetNs)
    {
        var timers = VirtualTimers;
        while (true)
        {
            var now = Virtual.NowNs;
            var next = timers.NextDeadlineNs;
            var stop = next >= 0 && next < targetNs && Virtual.IsEnabled ? Math.Max(next, now) : targetNs;
            if (stop > now)
            {
                Virtual.Warp(stop - now);
            }

            timers.RunExpired();
            if (stop >= targetNs || !Virtual.IsEnabled)
            {
                return Virtual.NowNs;
            }
        }
    }
}
