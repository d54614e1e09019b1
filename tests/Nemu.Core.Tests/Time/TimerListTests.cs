using Nemu.Core.Time;

namespace Nemu.Core.Tests.Time;

public sealed class TimerListTests
{
    private readonly MachineTime _time = MachineTime.CreateManual();
    private readonly List<string> _trace = [];

    public TimerListTests() => _time.Start();

    private TimerList List => _time.VirtualTimers;

    private ClockTimer Make(string name, int priority = 0) => List.CreateTimer(name, () => _trace.Add(name), priority);

    [Fact]
    public void EarlierDeadlineFiresFirst()
    {
        Make("late").Modify(300);
        Make("early").Modify(100);
        Make("middle").Modify(200);

        List.RunExpired(1000);

        Assert.Equal(["early", "middle", "late"], _trace);
    }

    [Fact]
    public void EqualDeadlinesFireByPriorityThenArmOrder()
    {
        Make("b-prio1", priority: 1).Modify(100);
        Make("c-prio0-armed-first", priority: 0).Modify(100);
        Make("d-prio-1", priority: -1).Modify(100);
        Make("a-prio0-armed-second", priority: 0).Modify(100);

        // Lower priority numbers first; within priority 0, arm order (c before a), not name order.
        List.RunExpired(100);

        Assert.Equal(["d-prio-1", "c-prio0-armed-first", "a-prio0-armed-second", "b-prio1"], _trace);
    }

    [Fact]
    public void RearmingCountsAsANewArmForTieBreaking()
    {
        var a = Make("a");
        var b = Make("b");
        a.Modify(50);
        b.Modify(50);
        a.Modify(50);

        List.RunExpired(50);

        Assert.Equal(["b", "a"], _trace);
    }

    [Fact]
    public void TimersDueLaterThanNowDoNotFire()
    {
        Make("now").Modify(100);
        var later = Make("later");
        later.Modify(101);

        Assert.True(List.RunExpired(100));

        Assert.Equal(["now"], _trace);
        Assert.True(later.IsPending);
        Assert.Equal(101, later.ExpireTime);
        Assert.False(List.RunExpired(100));
    }

    [Fact]
    public void CallbackRearmingForNowOrEarlierFiresInTheSamePassInOrder()
    {
        ClockTimer? second = null;
        var count = 0;
        var self = List.CreateTimer("self", () =>
        {
            _trace.Add("self");
            second!.Modify(90);
        });
        second = List.CreateTimer("second", () =>
        {
            _trace.Add("second");
            if (++count < 3)
            {
                second!.Modify(100);
            }
        });
        Make("tail").Modify(100);
        self.Modify(80);

        List.RunExpired(100);

        // second (90) precedes tail (100); its re-arms at 100 were armed after tail, so they follow it.
        Assert.Equal(["self", "second", "tail", "second", "second"], _trace);
        Assert.Equal(0, List.PendingCount);
    }

    [Fact]
    public void CallbackRearmingForTheFutureMakesAPeriodicTimer()
    {
        ClockTimer? tick = null;
        tick = List.CreateTimer("tick", () =>
        {
            _trace.Add($"tick@{_time.NowNs}");
            tick!.Modify(_time.NowNs + 250);
        });
        tick.Modify(250);

        _time.Step(1000);

        Assert.Equal(["tick@250", "tick@500", "tick@750", "tick@1000"], _trace);
        Assert.Equal(1250, tick.ExpireTime);
    }

    [Fact]
    public void CancelledTimerDoesNotFireAndReportsNotPending()
    {
        var t = Make("cancelled");
        t.Modify(10);
        t.Cancel();

        List.RunExpired(100);

        Assert.Empty(_trace);
        Assert.False(t.IsPending);
        Assert.Equal(-1, t.ExpireTime);
        t.Cancel();
    }

    [Fact]
    public void CancelFromAnEarlierCallbackPreventsALaterTimerInTheSamePass()
    {
        var victim = Make("victim");
        List.CreateTimer("killer", () => victim.Cancel()).Modify(10);
        victim.Modify(20);

        List.RunExpired(100);

        Assert.Empty(_trace);
    }

    [Fact]
    public void NegativeDeadlineIsClampedToZero()
    {
        var t = Make("neg");
        t.Modify(-5);

        Assert.Equal(0, t.ExpireTime);
    }

    [Fact]
    public void ModifyAnticipateOnlyMovesADeadlineEarlier()
    {
        var t = Make("a");
        t.ModifyAnticipate(100);
        t.ModifyAnticipate(200);
        Assert.Equal(100, t.ExpireTime);
        t.ModifyAnticipate(50);
        Assert.Equal(50, t.ExpireTime);
    }

    [Fact]
    public void DisabledClockDoesNotFireTimers()
    {
        Make("v").Modify(0);
        _time.Stop();

        Assert.False(List.RunExpired());
        Assert.Equal(-1, List.DeadlineDeltaNs());
        _time.Start();
        Assert.True(List.RunExpired());
    }

    [Fact]
    public void ArmingBecomingEarliestNotifies()
    {
        var notified = 0;
        List.EarliestDeadlineChanged = () => notified++;
        Make("a").Modify(100);
        Make("b").Modify(200);
        Make("c").Modify(50);

        Assert.Equal(2, notified);
    }

    [Fact]
    public void OrderMatchesASortedModelUnderRandomOperations()
    {
        var random = new Random(1234);
        var timers = new List<ClockTimer>();
        for (var i = 0; i < 40; i++)
        {
            timers.Add(Make($"t{i}", priority: random.Next(3)));
        }

        var armOrder = new Dictionary<ClockTimer, long>();
        long seq = 0;
        for (var step = 0; step < 400; step++)
        {
            var t = timers[random.Next(timers.Count)];
            if (random.Next(4) == 0)
            {
                t.Cancel();
                armOrder.Remove(t);
            }
            else
            {
                t.Modify(random.Next(20));
                armOrder[t] = seq++;
            }
        }

        var expected = armOrder.Keys
            .OrderBy(t => t.ExpireTime).ThenBy(t => t.Priority).ThenBy(t => armOrder[t])
            .Select(t => t.Name).ToList();

        List.RunExpired(long.MaxValue);

        Assert.Equal(expected, _trace);
    }

    [Fact]
    public void ArmingAndFiringDoNotAllocate()
    {
        var fired = 0;
        var timers = new ClockTimer[16];
        for (var i = 0; i < timers.Length; i++)
        {
            timers[i] = List.CreateTimer($"t{i}", () => fired++, priority: i % 3);
        }

        void Cycle(long round)
        {
            for (var i = 0; i < timers.Length; i++)
            {
                timers[i].Modify((round * 10) + (i % 5));
            }

            timers[3].Cancel();
            List.RunExpired((round * 10) + 10);
        }

        Cycle(0);
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var round = 1; round <= 200; round++)
        {
            Cycle(round);
        }

        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(0, allocated);
        Assert.Equal(201 * 15, fired);
    }
}
