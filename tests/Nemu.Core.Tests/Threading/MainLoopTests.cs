using Nemu.Core.Threading;
using Nemu.Core.Time;

namespace Nemu.Core.Tests.Threading;

public sealed class MainLoopTests
{
    private static readonly TimeSpan Generous = TimeSpan.FromSeconds(60);

    [Fact]
    public void PostFromAnotherThreadRunsOnTheLoopThreadInPostingOrder()
    {
        using var loop = new MainLoop(MachineTime.CreateRealTime());
        var seen = new List<int>();
        var allOnLoopThread = true;
        using var done = new ManualResetEventSlim();
        var thread = loop.StartThread();

        var poster = new Thread(() =>
        {
            for (var i = 0; i < 1000; i++)
            {
                var n = i;
                loop.Post(() =>
                {
                    allOnLoopThread &= loop.IsLoopThread;
                    seen.Add(n);
                });
            }

            loop.Post(done.Set);
        });
        poster.Start();

        Assert.True(done.Wait(Generous));
        loop.RequestQuit();
        Assert.True(thread.Join(Generous));
        poster.Join();
        Assert.True(allOnLoopThread);
        Assert.Equal(Enumerable.Range(0, 1000), seen);
        Assert.False(loop.IsLoopThread);
    }

    [Fact]
    public void RequestQuitFromAnotherThreadEndsRun()
    {
        using var loop = new MainLoop(MachineTime.CreateRealTime());
        using var running = new ManualResetEventSlim();
        var thread = loop.StartThread();
        loop.Post(running.Set);
        Assert.True(running.Wait(Generous));

        loop.RequestQuit();

        Assert.True(thread.Join(Generous));
    }

    [Fact]
    public void RealTimeLoopSleepsUntilDeadlinesAndFiresTimersAtOrAfterThem()
    {
        var time = MachineTime.CreateRealTime();
        time.Start();
        using var loop = new MainLoop(time);
        long virtualDeadline = time.NowNs + 2_000_000;
        long realtimeDeadline = time.Realtime.NowNs + 1_000_000;
        long virtualFiredAt = -1;
        long realtimeFiredAt = -1;
        time.CreateTimer(ClockType.Virtual, "v", () => virtualFiredAt = time.NowNs).Modify(virtualDeadline);
        time.CreateTimer(ClockType.Realtime, "r", () => realtimeFiredAt = time.Realtime.NowNs).Modify(realtimeDeadline);

        Assert.True(loop.RunUntil(() => virtualFiredAt >= 0 && realtimeFiredAt >= 0, Generous));

        // Only ordering relative to the deadlines is asserted, never a duration.
        Assert.True(virtualFiredAt >= virtualDeadline);
        Assert.True(realtimeFiredAt >= realtimeDeadline);
    }

    [Fact]
    public void RunUntilIdleRunsPostedWorkAndDueTimersButNotFutureOnes()
    {
        var time = MachineTime.CreateIcount(0);
        time.Start();
        using var loop = new MainLoop(time);
        var trace = new List<string>();
        var future = time.CreateTimer(ClockType.Virtual, "future", () => trace.Add("future"));
        var due = time.CreateTimer(ClockType.Virtual, "due", () => trace.Add("due"));
        loop.Post(() =>
        {
            trace.Add("posted");
            due.Modify(0);
            future.Modify(100);
            loop.Post(() => trace.Add("posted-by-posted"));
        });

        loop.RunUntilIdle();

        Assert.Equal(["posted", "due", "posted-by-posted"], trace);
        Assert.True(future.IsPending);
        Assert.Equal(0, time.NowNs);
    }

    [Fact]
    public void IdleCpuUnderIcountWarpsToTheNextDeadline()
    {
        var time = MachineTime.CreateIcount(5);
        time.Start();
        using var loop = new MainLoop(time) { CpuRunner = new FakeCpu(time) };
        long firedAt = -1;
        time.CreateTimer(ClockType.Virtual, "sleep-wakeup", () => firedAt = time.NowNs).Modify(1_000_003);

        Assert.True(loop.RunUntil(() => firedAt >= 0, Generous));

        Assert.Equal(1_000_003, firedAt);
        Assert.Equal(0, time.Virtual.InstructionCount);
    }

    [Fact]
    public void CpuSlicesNeverRunPastTheNextDeadline()
    {
        var time = MachineTime.CreateIcount(0);
        time.Start();
        var cpu = new FakeCpu(time) { PendingInstructions = 10_000 };
        using var loop = new MainLoop(time) { CpuRunner = cpu };
        var firedAt = new List<long>();
        ClockTimer? tick = null;
        tick = time.CreateTimer(ClockType.Virtual, "tick", () =>
        {
            firedAt.Add(time.NowNs);
            tick!.Modify(time.NowNs + 1234);
        });
        tick.Modify(1234);

        Assert.True(loop.RunUntil(() => cpu.PendingInstructions == 0, Generous));

        Assert.Equal([1234L, 2468L, 3702L, 4936L, 6170L, 7404L, 8638L, 9872L], firedAt);
        Assert.Equal(10_000, time.NowNs);
    }

    [Fact]
    public void PausedVmRunsNoCpuAndFiresNoVirtualTimers()
    {
        var time = MachineTime.CreateIcount(0);
        var cpu = new FakeCpu(time) { PendingInstructions = 100 };
        using var loop = new MainLoop(time) { CpuRunner = cpu };
        var fired = false;
        time.CreateTimer(ClockType.Virtual, "t", () => fired = true).Modify(0);

        loop.RunUntilIdle();
        Assert.False(loop.RunOnce());

        Assert.False(fired);
        Assert.Equal(0, cpu.Slices);
    }

    [Fact]
    public void SamePostedSequenceGivesAnIdenticalTimerTrace()
    {
        var first = RunScenario();
        var second = RunScenario();

        Assert.True(first.Count > 20, string.Join(" ", first));
        Assert.Equal(first, second);
        Assert.Equal("systick@3960", first[0]);
        Assert.Equal(["uart-tx@4000", "high@4800", "low@4800", "systick@7960"], first.Skip(1).Take(4));
        Assert.Equal("instructions=1425", first[^1]);
    }

    private static List<string> RunScenario()
    {
        var time = MachineTime.CreateIcount(3);
        time.Start();
        var cpu = new FakeCpu(time);
        using var loop = new MainLoop(time) { CpuRunner = cpu };
        var trace = new List<string>();
        void Record(string name) => trace.Add($"{name}@{time.NowNs}");

        // A periodic countdown timer whose interrupt gives the CPU work (an ISR), a UART completion armed by
        // posted work, and two timers that tie on deadline and are ordered by priority.
        var systick = new Ptimer(time, "systick", () =>
        {
            Record("systick");
            cpu.PendingInstructions += 37;
        }, PtimerPolicy.WrapAfterOnePeriod | PtimerPolicy.NoImmediateReload | PtimerPolicy.NoCounterRoundDown);
        var low = time.CreateTimer(ClockType.Virtual, "low", () => Record("low"), priority: 5);
        var high = time.CreateTimer(ClockType.Virtual, "high", () => Record("high"), priority: 1);
        var uart = time.CreateTimer(ClockType.Virtual, "uart-tx", () =>
        {
            Record("uart-tx");
            low.Modify(time.NowNs + 800);
            high.Modify(time.NowNs + 800);
        });

        loop.Post(() =>
        {
            cpu.PendingInstructions = 500;
            uart.Modify(4000);
        });
        loop.Post(() =>
        {
            systick.SetFrequency(25_000_000);
            systick.SetLimit(99, reload: true);
            systick.Run(oneshot: false);
        });

        Assert.True(loop.RunUntil(() => time.NowNs >= 100_000, Generous));
        trace.Add($"instructions={time.Virtual.InstructionCount}");
        return trace;
    }
}
