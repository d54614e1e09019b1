using Nemu.Core.Time;

namespace Nemu.Core.Tests.Time;

public sealed class MachineTimeTests
{
    [Fact]
    public void IcountBudgetCoversTheDistanceToTheEarliestDeadlineRoundedUp()
    {
        var time = MachineTime.CreateIcount(3);
        time.Start();
        time.CreateTimer(ClockType.Virtual, "t", () => { }).Modify(100);

        Assert.Equal(13, time.InstructionBudgetUntilNextDeadline());
        time.AddExecutedInstructions(12);
        Assert.Equal(1, time.InstructionBudgetUntilNextDeadline());
        time.AddExecutedInstructions(1);
        Assert.Equal(104, time.NowNs);
        Assert.Equal(0, time.InstructionBudgetUntilNextDeadline());
    }

    [Fact]
    public void IcountBudgetWithoutTimersIsCappedAtOneSlice()
    {
        var time = MachineTime.CreateIcount(0);
        time.Start();

        // A spinning guest must hand the loop back regularly; exact deadlines within a slice are kept (tests above).
        Assert.Equal(time.RealTimeSliceInstructions, time.InstructionBudgetUntilNextDeadline());
    }

    [Fact]
    public void RealTimeBudgetIsTheFixedSlice()
    {
        var time = MachineTime.CreateRealTime(new ManualHostTime());
        time.Start();
        time.RealTimeSliceInstructions = 777;

        Assert.Equal(777, time.InstructionBudgetUntilNextDeadline());
    }

    [Fact]
    public void IdleWarpJumpsExactlyToTheNextVirtualDeadline()
    {
        var time = MachineTime.CreateIcount(4);
        time.Start();
        time.AddExecutedInstructions(10);
        long firedAt = -1;
        time.CreateTimer(ClockType.Virtual, "wake", () => firedAt = time.NowNs).Modify(5003);

        Assert.True(time.WarpToNextDeadline());
        Assert.Equal(5003, time.NowNs);
        Assert.True(time.RunExpiredTimers());
        Assert.Equal(5003, firedAt);
        Assert.Equal(10, time.Virtual.InstructionCount);
    }

    [Fact]
    public void IdleWarpDoesNothingWithoutTimersOrWhilePaused()
    {
        var time = MachineTime.CreateIcount(0);
        Assert.False(time.WarpToNextDeadline());
        time.CreateTimer(ClockType.Virtual, "t", () => { }).Modify(100);

        Assert.False(time.WarpToNextDeadline());
        Assert.Equal(0, time.NowNs);
    }

    [Fact]
    public void StepFiresEachTimerWithTheClockAtItsOwnDeadline()
    {
        var time = MachineTime.CreateManual();
        time.Start();
        var seen = new List<(string, long)>();
        time.CreateTimer(ClockType.Virtual, "b", () => seen.Add(("b", time.NowNs))).Modify(700);
        time.CreateTimer(ClockType.Virtual, "a", () => seen.Add(("a", time.NowNs))).Modify(300);
        time.CreateTimer(ClockType.Virtual, "beyond", () => seen.Add(("beyond", time.NowNs))).Modify(1001);

        Assert.Equal(1000, time.Step(1000));

        Assert.Equal([("a", 300L), ("b", 700L)], seen);
    }

    [Fact]
    public void StepToNextDeadlineFailsWithoutPendingTimers()
    {
        var time = MachineTime.CreateManual();
        time.Start();
        Assert.False(time.StepToNextDeadline());

        var fired = false;
        time.CreateTimer(ClockType.Virtual, "t", () => fired = true).Modify(42);
        Assert.True(time.StepToNextDeadline());
        Assert.True(fired);
        Assert.Equal(42, time.NowNs);
    }

    [Fact]
    public void SetVirtualNsNeverGoesBackwards()
    {
        var time = MachineTime.CreateManual();
        time.Start();
        time.SetVirtualNs(500);

        Assert.Equal(500, time.SetVirtualNs(100));
    }

    [Fact]
    public void RealtimeTimersFireWhileTheVmIsPausedButVirtualOnesDoNot()
    {
        var host = new ManualHostTime(monotonicNs: 1_000);
        var time = MachineTime.CreateRealTime(host);
        var trace = new List<string>();
        time.CreateTimer(ClockType.Realtime, "rt", () => trace.Add("rt")).Modify(1_500);
        time.CreateTimer(ClockType.Virtual, "vm", () => trace.Add("vm")).Modify(0);

        host.Advance(500);
        time.RunExpiredTimers();
        Assert.Equal(["rt"], trace);

        time.Start();
        time.RunExpiredTimers();
        Assert.Equal(["rt", "vm"], trace);
    }

    [Fact]
    public void ExpiredTimersRunRealtimeThenVirtualThenHost()
    {
        var host = new ManualHostTime(monotonicNs: 10, wallClockNs: 10);
        var time = MachineTime.CreateIcount(0, host);
        time.Start();
        var trace = new List<string>();
        time.CreateTimer(ClockType.Host, "host", () => trace.Add("host")).Modify(0);
        time.CreateTimer(ClockType.Virtual, "virtual", () => trace.Add("virtual")).Modify(0);
        time.CreateTimer(ClockType.Realtime, "realtime", () => trace.Add("realtime")).Modify(0);

        time.RunExpiredTimers();

        Assert.Equal(["realtime", "virtual", "host"], trace);
    }
}
