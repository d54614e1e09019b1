// QEMU's main loop (util/main-loop.c main_loop_wait, softmmu/runstate.c qemu_main_loop) reduced to what Nemu
// needs: one loop thread owns all machine state; other threads hand work over with Post (QEMU's bottom halves
// scheduled from other threads); each iteration runs posted work, then expired timers (realtime, virtual, host),
// then one CPU slice bounded by the next virtual deadline. With nothing runnable it warps virtual time to the
// next deadline under -icount (sleep=off), otherwise sleeps until posted work or the nearest timer deadline.
// Run states (prelaunch/running/paused/shutdown) belong to the System layer, which starts and stops
// MachineTime and decides when the CPU runner has work.
// Determinism: under -icount, work posted before the run (or from the loop thread) gives the same sequence of
// timer firings every run. Work posted from other threads lands at whatever iteration it arrives (QEMU needs
// record/replay for that; not modelled).
using System.Collections.Concurrent;
using System.Diagnostics;
using Nemu.Core.Time;

namespace Nemu.Core.Threading;

/// <summary>
/// The machine's event loop: runs posted work, timers and CPU slices on one thread. Tests drive it step by step
/// with <see cref="RunUntilIdle"/> and <see cref="RunUntil"/>; the emulator runs it with <see cref="Run"/> or
/// <see cref="StartThread"/> and ends it with <see cref="RequestQuit"/>.
/// </summary>
public sealed class MainLoop : IMainLoop, IDisposable
{
    private readonly ConcurrentQueue<Action> _posted = new();
    private readonly ManualResetEventSlim _wake = new(false);
    private int _loopThreadId;
    private volatile bool _quitRequested;

    /// <summary>Creates a loop owned by the calling thread until one of the Run methods claims it.</summary>
    public MainLoop(MachineTime time)
    {
        ArgumentNullException.ThrowIfNull(time);
        Time = time;
        _loopThreadId = Environment.CurrentManagedThreadId;
    }

    /// <summary>The clocks and timers this loop fires.</summary>
    public MachineTime Time { get; }

    /// <summary>The CPUs, run between events while the virtual clock runs (null: no CPU, e.g. qtest).</summary>
    public ICpuRunner? CpuRunner { get; set; }

    public bool IsLoopThread => Environment.CurrentManagedThreadId == Volatile.Read(ref _loopThreadId);

    /// <summary>True once <see cref="RequestQuit"/> was called (until a new <see cref="Run"/>).</summary>
    public bool IsQuitRequested => _quitRequested;

    public void Post(Action work)
    {
        ArgumentNullException.ThrowIfNull(work);
        _posted.Enqueue(work);
        _wake.Set();
    }

    /// <summary>Asks <see cref="Run"/> (or <see cref="RunUntil"/>) to return after the current iteration. Thread-safe.</summary>
    public void RequestQuit()
    {
        _quitRequested = true;
        _wake.Set();
    }

    /// <summary>Runs the loop on the calling thread until <see cref="RequestQuit"/>.</summary>
    public void Run()
    {
        ClaimThread();
        while (!_quitRequested)
        {
            Iterate(mayWarp: true, maxWait: Timeout.InfiniteTimeSpan);
        }

        _quitRequested = false;
    }

    /// <summary>Starts <see cref="Run"/> on a new thread, which becomes the loop thread; join it after <see cref="RequestQuit"/>.</summary>
    public Thread StartThread(string name = "main-loop")
    {
        var thread = new Thread(Run) { Name = name, IsBackground = true };
        Volatile.Write(ref _loopThreadId, thread.ManagedThreadId);
        thread.Start();
        return thread;
    }

    /// <summary>
    /// One iteration without waiting: posted work, due timers, one CPU slice, and (under -icount) a warp when idle.
    /// </summary>
    /// <returns>True if anything ran or time warped.</returns>
    public bool RunOnce()
    {
        ClaimThread();
        return Iterate(mayWarp: true, maxWait: TimeSpan.Zero);
    }

    /// <summary>
    /// Runs everything runnable at the current virtual time (posted work, due timers, CPU slices) until nothing
    /// is left. Never warps and never waits, so pending future timers stay pending.
    /// </summary>
    public void RunUntilIdle()
    {
        ClaimThread();
        while (Iterate(mayWarp: false, maxWait: TimeSpan.Zero))
        {
        }
    }

    /// <summary>
    /// Runs the loop (warping under -icount, waiting otherwise) until <paramref name="condition"/> holds.
    /// <paramref name="hostTimeout"/> is a safety net against a condition that never comes, not a measurement.
    /// </summary>
    /// <returns>False on timeout or quit request.</returns>
    public bool RunUntil(Func<bool> condition, TimeSpan hostTimeout)
    {
        ArgumentNullException.ThrowIfNull(condition);
        ClaimThread();
        var watch = Stopwatch.StartNew();
        while (!condition())
        {
            var remaining = hostTimeout - watch.Elapsed;
            if (_quitRequested || remaining <= TimeSpan.Zero)
            {
                return false;
            }

            Iterate(mayWarp: true, maxWait: remaining);
        }

        return true;
    }

    public void Dispose() => _wake.Dispose();

    private void ClaimThread() => Volatile.Write(ref _loopThreadId, Environment.CurrentManagedThreadId);

    private bool Iterate(bool mayWarp, TimeSpan maxWait)
    {
        var progress = RunPosted();
        progress |= Time.RunExpiredTimers();

        var cpu = CpuRunner;
        var clock = Time.Virtual;
        if (cpu is not null && clock.IsRunning && clock.Mode != VirtualClockMode.Manual && cpu.HasWork)
        {
            var budget = Time.InstructionBudgetUntilNextDeadline();
            if (budget > 0)
            {
                cpu.RunSlice(budget);
            }

            return true;
        }

        if (progress)
        {
            return true;
        }

        if (mayWarp && Time.WarpToNextDeadline())
        {
            return true;
        }

        if (maxWait != TimeSpan.Zero)
        {
            WaitForWork(maxWait);
        }

        return false;
    }

    private bool RunPosted()
    {
        // Only what was queued when the pass began: work posted by work runs next iteration (QEMU's BH polling),
        // so self-reposting work cannot starve timers.
        var count = _posted.Count;
        for (var i = 0; i < count && _posted.TryDequeue(out var work); i++)
        {
            work();
        }

        return count > 0;
    }

    private void WaitForWork(TimeSpan maxWait)
    {
        _wake.Reset();
        if (!_posted.IsEmpty || _quitRequested)
        {
            return;
        }

        var timeout = NextDeadlineWait();
        if (maxWait != Timeout.InfiniteTimeSpan && (timeout == Timeout.InfiniteTimeSpan || maxWait < timeout))
        {
            timeout = maxWait;
        }

        if (timeout != TimeSpan.Zero)
        {
            _wake.Wait(timeout);
        }
    }

    // Host time until the nearest deadline: every clock advances at host speed except an icount virtual clock,
    // which only moves with the CPU or warps and so never needs a sleep.
    private TimeSpan NextDeadlineWait()
    {
        var nearest = Min(-1, Time.GetTimerList(ClockType.Realtime).DeadlineDeltaNs());
        nearest = Min(nearest, Time.GetTimerList(ClockType.Host).DeadlineDeltaNs());
        if (Time.Virtual.Mode == VirtualClockMode.RealTime)
        {
            nearest = Min(nearest, Time.VirtualTimers.DeadlineDeltaNs());
        }

        if (nearest < 0)
        {
            return Timeout.InfiniteTimeSpan;
        }

        // Round up to whole ms so a sub-ms deadline sleeps briefly instead of spinning.
        return TimeSpan.FromMilliseconds((nearest + 999_999) / 1_000_000);
    }

    private static long Min(long a, long b) => a < 0 ? b : b < 0 ? a : Math.Min(a, b);
}
