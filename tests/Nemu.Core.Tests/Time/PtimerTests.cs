using Nemu.Core.Time;

namespace Nemu.Core.Tests.Time;

public sealed class PtimerTests
{
    // The policy QEMU's CMSDK APB timer and dual timer use.
    private const PtimerPolicy CmsdkPolicy = PtimerPolicy.WrapAfterOnePeriod | PtimerPolicy.TriggerOnlyOnDecrement
        | PtimerPolicy.NoImmediateReload | PtimerPolicy.NoCounterRoundDown;

    private readonly MachineTime _time = MachineTime.CreateManual();
    private readonly List<long> _triggers = [];

    public PtimerTests() => _time.Start();

    private Ptimer Make(PtimerPolicy policy, long periodNs = 10, ulong limit = 100)
    {
        var p = new Ptimer(_time, "ptimer", () => _triggers.Add(_time.NowNs), policy);
        p.BeginTransaction();
        p.SetPeriod(periodNs);
        p.SetLimit(limit, reload: true);
        p.CommitTransaction();
        return p;
    }

    [Fact]
    public void CountDecreasesWithVirtualTime()
    {
        var p = Make(CmsdkPolicy);
        p.Run(oneshot: false);

        Assert.Equal(100UL, p.GetCount());
        _time.Step(255);
        Assert.Equal(75UL, p.GetCount());
        _time.Step(500);
        Assert.Equal(25UL, p.GetCount());
        Assert.Empty(_triggers);
    }

    [Fact]
    public void LegacyPolicyReadsOneLessAndReloadsWithoutAWrapPeriod()
    {
        var p = Make(PtimerPolicy.Legacy);
        p.Run(oneshot: false);

        _time.Step(255);
        Assert.Equal(74UL, p.GetCount());
        _time.Step(3000 - 255);

        Assert.Equal([1000L, 2000L, 3000L], _triggers);
    }

    [Fact]
    public void PeriodicExpiryTriggersAndHoldsZeroOneTickBeforeReloading()
    {
        var p = Make(CmsdkPolicy);
        p.Run(oneshot: false);

        _time.Step(1005);
        Assert.Equal([1000L], _triggers);
        Assert.Equal(0UL, p.GetCount());
        _time.Step(10);
        Assert.Equal(100UL, p.GetCount());
        _time.Step(10);
        Assert.Equal(99UL, p.GetCount());

        _time.Step(3100 - 1025);
        Assert.Equal([1000L, 2010L, 3020L], _triggers);
        Assert.True(p.IsRunning);
    }

    [Fact]
    public void OneshotStopsAtZeroAfterOneTrigger()
    {
        var p = Make(CmsdkPolicy);
        p.Run(oneshot: true);

        _time.Step(5000);

        Assert.Equal([1000L], _triggers);
        Assert.False(p.IsRunning);
        Assert.Equal(0UL, p.GetCount());
    }

    [Fact]
    public void StopKeepsTheCurrentCountAndRunResumesFromIt()
    {
        var p = Make(CmsdkPolicy);
        p.Run(oneshot: false);
        _time.Step(255);
        p.Stop();

        _time.Step(10_000);
        Assert.Equal(75UL, p.GetCount());
        Assert.Empty(_triggers);

        p.Run(oneshot: false);
        _time.Step(1000);
        Assert.Equal([10_255L + 750], _triggers);
    }

    [Fact]
    public void TriggerOnlyOnDecrementDoesNotTriggerWhenStartedAtZero()
    {
        var p = Make(CmsdkPolicy, limit: 0);
        p.Run(oneshot: false);
        Assert.Empty(_triggers);

        var legacy = Make(PtimerPolicy.Legacy, limit: 0);
        legacy.SetLimit(5, reload: false);
        legacy.SetCount(0);
        legacy.Run(oneshot: false);
        Assert.Single(_triggers);
    }

    [Fact]
    public void LimitWriteWithReloadRestartsTheCount()
    {
        var p = Make(CmsdkPolicy);
        p.Run(oneshot: false);
        _time.Step(500);

        p.SetLimit(20, reload: true);
        _time.Step(199);

        Assert.Empty(_triggers);
        _time.Step(1);
        Assert.Equal([700L], _triggers);
    }

    [Fact]
    public void TriggerCallbackMayReprogramTheTimer()
    {
        Ptimer? p = null;
        p = new Ptimer(_time, "reprogram", () =>
        {
            _triggers.Add(_time.NowNs);
            p!.SetLimit(50, reload: true);
        }, PtimerPolicy.Legacy);
        p.SetPeriod(10);
        p.SetLimit(100, reload: true);
        p.Run(oneshot: false);

        _time.Step(2000);

        Assert.Equal([1000L, 1500L, 2000L], _triggers);
    }

    [Fact]
    public void FrequencyKeepsTheFractionalNanoseconds()
    {
        var p = new Ptimer(_time, "rtc", () => _triggers.Add(_time.NowNs), PtimerPolicy.Legacy);
        p.SetFrequency(32768);
        p.SetLimit(32768, reload: true);
        p.Run(oneshot: true);

        _time.Step(2_000_000_000);

        Assert.Equal([1_000_000_000L], _triggers);
    }

    [Fact]
    public void TriggerTimesAreExactInIcountMode()
    {
        var time = MachineTime.CreateIcount(2);
        time.Start();
        var triggers = new List<long>();
        var p = new Ptimer(time, "systick", () => triggers.Add(time.NowNs), CmsdkPolicy);
        p.SetFrequency(25_000_000);
        p.SetLimit(9, reload: true);
        p.Run(oneshot: false);

        while (triggers.Count < 3)
        {
            time.AddExecutedInstructions(time.InstructionBudgetUntilNextDeadline());
            time.RunExpiredTimers();
        }

        Assert.Equal([360L, 760L, 1160L], triggers);
        Assert.Equal(290, time.Virtual.InstructionCount);
    }

    [Fact]
    public void ShortPeriodicTimeoutsAreStretchedToTenMicrosecondsOnlyWithoutIcount()
    {
        var host = new ManualHostTime();
        var realTime = MachineTime.CreateRealTime(host);
        realTime.Start();
        var rt = new Ptimer(realTime, "fast", () => { }, PtimerPolicy.Legacy);
        rt.SetPeriod(1);
        rt.SetLimit(100, reload: true);
        rt.Run(oneshot: false);

        var icount = MachineTime.CreateIcount(0);
        icount.Start();
        var ic = new Ptimer(icount, "fast", () => { }, PtimerPolicy.Legacy);
        ic.SetPeriod(1);
        ic.SetLimit(100, reload: true);
        ic.Run(oneshot: false);

        Assert.Equal(10_000, realTime.VirtualTimers.NextDeadlineNs);
        Assert.Equal(100, icount.VirtualTimers.NextDeadlineNs);
    }

    [Fact]
    public void PeriodZeroRefusesToRun()
    {
        var p = new Ptimer(_time, "zero", () => { }, PtimerPolicy.Legacy);
        p.SetLimit(10, reload: true);
        p.Run(oneshot: false);

        Assert.False(p.IsRunning);
    }

    [Fact]
    public void ChangesInsideATransactionApplyAtCommit()
    {
        var p = Make(CmsdkPolicy);
        p.BeginTransaction();
        p.Run(oneshot: false);
        p.SetLimit(50, reload: true);
        Assert.Equal(-1, _time.VirtualTimers.NextDeadlineNs);
        p.CommitTransaction();

        Assert.Equal(500, _time.VirtualTimers.NextDeadlineNs);
    }

    [Fact]
    public void SavedStateRestoresCountAndNextTrigger()
    {
        var p = Make(CmsdkPolicy);
        p.Run(oneshot: false);
        _time.Step(333);
        var state = p.SaveState();

        var other = MachineTime.CreateManual();
        other.Start();
        other.Step(333);
        var triggers = new List<long>();
        var restored = new Ptimer(other, "ptimer", () => triggers.Add(other.NowNs), CmsdkPolicy);
        restored.LoadState(state);

        Assert.Equal(p.GetCount(), restored.GetCount());
        other.Step(1000);
        Assert.Equal([1000L], triggers);
        Assert.Equal(1000, state.TimerExpireNs);
    }

    [Fact]
    public void IncompatiblePoliciesAreRejected()
    {
        Assert.Throws<ArgumentException>(() =>
            new Ptimer(_time, "bad", () => { }, PtimerPolicy.TriggerOnlyOnDecrement | PtimerPolicy.NoImmediateTrigger));
    }
}
