// QEMU's ptimer (hw/core/ptimer.c, include/hw/ptimer.h): a down-counter clocked at a period (64.32 fixed-point ns),
// reloaded from a limit, periodic or oneshot, calling a trigger callback when it reaches 0, and read by computing
// the count from the virtual clock rather than ticking. Used by SysTick, the CMSDK APB timer and dual timer
// (mprofile.md §4.6, §6.6, §6.7; SysTick/timers run on QEMU virtual time, mprofile.md §6 item 13).
// Semantics follow QEMU including the policy flags, transactions (setters inside Begin/CommitTransaction are
// applied together at commit; a setter outside a transaction is its own transaction), the 10 us minimum period
// of a periodic timer without -icount, and the rounding of the count (down, with the divisor rounded up).
// Not modelled: the "Timer with ... disabling" messages go to stderr as in QEMU, but not in manual (qtest) mode.
using System.Numerics;

namespace Nemu.Core.Time;

/// <summary>
/// A countdown timer on the virtual clock (QEMU's ptimer_state). Devices set a period or frequency, a limit
/// and run it; <see cref="GetCount"/> reads the live count; the trigger callback runs when it expires.
/// Loop thread only. The trigger is always called inside a transaction.
/// </summary>
public sealed class Ptimer
{
    private const int DeltaAdjust = 1;
    private const int DeltaNoAdjust = -1;
    private const ulong MinRealTimeTimeoutNs = 10_000;

    private readonly VirtualClock _clock;
    private readonly ClockTimer _timer;
    private readonly Action _trigger;
    private byte _enabled;
    private ulong _limit;
    private ulong _delta;
    private uint _periodFrac;
    private long _period;
    private long _lastEvent;
    private long _nextEvent;
    private bool _inTransaction;
    private bool _needReload;

    /// <param name="trigger">Called when the counter expires (the device raises its interrupt).</param>
    public Ptimer(MachineTime time, string name, Action trigger, PtimerPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(trigger);
        if ((policy & PtimerPolicy.TriggerOnlyOnDecrement) != 0 && (policy & PtimerPolicy.NoImmediateTrigger) != 0)
        {
            throw new ArgumentException("ptimer policies TriggerOnlyOnDecrement and NoImmediateTrigger are incompatible", nameof(policy));
        }

        _clock = time.Virtual;
        _trigger = trigger;
        Policy = policy;
        _timer = time.CreateTimer(ClockType.Virtual, name, Tick);
    }

    public PtimerPolicy Policy { get; }

    /// <summary>True while counting (periodic or oneshot).</summary>
    public bool IsRunning => _enabled != 0;

    /// <summary>True while counting in oneshot mode.</summary>
    public bool IsOneshot => _enabled == 2;

    /// <summary>The reload value (ptimer_get_limit).</summary>
    public ulong Limit => _limit;

    /// <summary>The whole-ns part of the period (0: not set).</summary>
    public long PeriodNs => _period;

    /// <summary>Starts a block of changes applied together at <see cref="CommitTransaction"/> (ptimer_transaction_begin).</summary>
    public void BeginTransaction()
    {
        if (_inTransaction)
        {
            throw new InvalidOperationException("ptimer transaction already open");
        }

        _inTransaction = true;
        _needReload = false;
    }

    /// <summary>Applies pending changes; may call the trigger, repeatedly if the trigger changes the timer again.</summary>
    public void CommitTransaction()
    {
        if (!_inTransaction)
        {
            throw new InvalidOperationException("no ptimer transaction open");
        }

        while (_needReload && _enabled != 0)
        {
            _needReload = false;
            _nextEvent = _clock.NowNs;
            Reload(0);
        }

        _inTransaction = false;
    }

    /// <summary>The current count (ptimer_get_count), computed from virtual time while running.</summary>
    public ulong GetCount()
    {
        if (_enabled == 0 || _delta == 0)
        {
            return _delta;
        }

        var now = _clock.NowNs;
        var oneshot = _enabled == 2;
        ulong counter;
        if (now - _nextEvent >= 0)
        {
            // Already due but not yet fired: never show an underflowed value.
            counter = 0;
        }
        else
        {
            var period = (ulong)_period;
            var frac = _periodFrac;
            if (!oneshot && IsRateLimited(_delta * period))
            {
                period = MinRealTimeTimeoutNs / _delta;
                frac = 0;
            }

            counter = DivideByPeriod((ulong)(_nextEvent - now), period, frac);
            if (Has(PtimerPolicy.WrapAfterOnePeriod) && !oneshot && _delta == _limit)
            {
                // The reload added one period for the wrap; during that extra period the count reads 0.
                if (now == _lastEvent ? counter == _limit + DeltaAdjust : counter == _limit)
                {
                    return 0;
                }
            }
        }

        if (Has(PtimerPolicy.NoCounterRoundDown) && now != _lastEvent)
        {
            counter++;
        }

        return counter;
    }

    /// <summary>Sets the count (ptimer_set_count); a running timer restarts counting from it.</summary>
    public void SetCount(ulong count)
    {
        var implicitTx = EnterImplicit();
        _delta = count;
        _needReload |= _enabled != 0;
        LeaveImplicit(implicitTx);
    }

    /// <summary>Starts counting (ptimer_run); a running timer only changes mode. Period 0 refuses to start.</summary>
    public void Run(bool oneshot)
    {
        var implicitTx = EnterImplicit();
        var wasDisabled = _enabled == 0;
        if (wasDisabled && _period == 0)
        {
            Warn("Timer with period zero, disabling");
        }
        else
        {
            _enabled = oneshot ? (byte)2 : (byte)1;
            _needReload |= wasDisabled;
        }

        LeaveImplicit(implicitTx);
    }

    /// <summary>Stops counting, keeping the current count (ptimer_stop).</summary>
    public void Stop()
    {
        var implicitTx = EnterImplicit();
        if (_enabled != 0)
        {
            _delta = GetCount();
            _timer.Cancel();
            _enabled = 0;
            _needReload = false;
        }

        LeaveImplicit(implicitTx);
    }

    /// <summary>Sets the tick period in whole ns (ptimer_set_period).</summary>
    public void SetPeriod(long periodNs)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(periodNs);
        SetPeriodFixedPoint(periodNs, 0);
    }

    /// <summary>Sets the tick frequency in Hz (ptimer_set_freq); the period keeps a 32-bit fraction of a ns.</summary>
    public void SetFrequency(uint hz)
    {
        ArgumentOutOfRangeException.ThrowIfZero(hz);
        SetPeriodFixedPoint(1_000_000_000L / hz, (uint)((1_000_000_000L << 32) / hz));
    }

    /// <summary>
    /// Sets the period from a qdev clock period in units of 2^-32 ns, multiplied by <paramref name="divisor"/>
    /// (ptimer_set_period_from_clock).
    /// </summary>
    public void SetPeriodFromClock(ulong clockPeriod, uint divisor)
    {
        var period = (clockPeriod >> 32) * divisor;
        var frac = (clockPeriod & 0xFFFF_FFFF) * divisor;
        SetPeriodFixedPoint((long)(period + (frac >> 32)), (uint)frac);
    }

    /// <summary>Sets the reload value; with <paramref name="reload"/> the count too (ptimer_set_limit).</summary>
    public void SetLimit(ulong limit, bool reload)
    {
        var implicitTx = EnterImplicit();
        _limit = limit;
        if (reload)
        {
            _delta = limit;
            _needReload |= _enabled != 0;
        }

        LeaveImplicit(implicitTx);
    }

    /// <summary>Plain-data snapshot for VMState.</summary>
    public PtimerState SaveState() =>
        new(_enabled, _limit, _delta, _periodFrac, _period, _lastEvent, _nextEvent, _timer.ExpireTime);

    /// <summary>Restores a snapshot taken by <see cref="SaveState"/> (re-arming the inner timer as saved).</summary>
    public void LoadState(PtimerState state)
    {
        _enabled = state.Enabled;
        _limit = state.Limit;
        _delta = state.Delta;
        _periodFrac = state.PeriodFrac;
        _period = state.Period;
        _lastEvent = state.LastEvent;
        _nextEvent = state.NextEvent;
        if (state.TimerExpireNs >= 0)
        {
            _timer.Modify(state.TimerExpireNs);
        }
        else
        {
            _timer.Cancel();
        }
    }

    private static ulong DivideByPeriod(ulong rem, ulong period, uint frac)
    {
        // Scale both operands up so a 64-bit division by the 64.32 period keeps as much precision as fits;
        // the divisor is rounded up so rounding never makes the count go backwards.
        var shift = Math.Min(BitOperations.LeadingZeroCount(rem), BitOperations.LeadingZeroCount(period));
        rem <<= shift;
        var divisor = period << shift;
        if (shift >= 32)
        {
            divisor |= (ulong)frac << (shift - 32);
        }
        else
        {
            if (shift != 0)
            {
                divisor |= frac >> (32 - shift);
            }

            if ((uint)(frac << shift) != 0)
            {
                divisor++;
            }
        }

        return divisor == 0 ? 0 : rem / divisor;
    }

    private void SetPeriodFixedPoint(long period, uint frac)
    {
        var implicitTx = EnterImplicit();
        _delta = GetCount();
        _period = period;
        _periodFrac = frac;
        _needReload |= _enabled != 0;
        LeaveImplicit(implicitTx);
    }

    private void Tick()
    {
        BeginTransaction();
        var trigger = true;
        if (_enabled == 2)
        {
            _delta = 0;
            _enabled = 0;
        }
        else
        {
            // delta == 0 here means this tick is the deferred reload of NoImmediateReload: no wrap period added.
            var adjust = _delta == 0 || _limit == 0 ? DeltaNoAdjust : DeltaAdjust;
            if (!Has(PtimerPolicy.NoImmediateTrigger))
            {
                trigger = adjust == DeltaAdjust;
            }

            _delta = _limit;
            Reload(adjust);
        }

        if (trigger)
        {
            _trigger();
        }

        CommitTransaction();
    }

    private void Reload(int adjust)
    {
        // adjust 0: a start or count write, not an expiry.
        var suppressTrigger = adjust == 0 && Has(PtimerPolicy.TriggerOnlyOnDecrement);
        if (_delta == 0 && !Has(PtimerPolicy.NoImmediateTrigger) && !suppressTrigger)
        {
            _trigger();
        }

        // Read state only now: the trigger may have changed it.
        var delta = _delta;
        var period = (ulong)_period;
        var frac = _periodFrac;
        if (delta == 0 && !Has(PtimerPolicy.NoImmediateReload))
        {
            delta = _delta = _limit;
        }

        if (_period == 0)
        {
            Warn("Timer with period zero, disabling");
            Disable();
            return;
        }

        if (Has(PtimerPolicy.WrapAfterOnePeriod) && adjust != DeltaNoAdjust)
        {
            delta += (ulong)adjust;
        }

        if (delta == 0 && Has(PtimerPolicy.ContinuousTrigger) && _enabled == 1 && _limit == 0)
        {
            delta = 1;
        }

        if (delta == 0 && Has(PtimerPolicy.NoImmediateTrigger) && adjust != DeltaNoAdjust)
        {
            delta = 1;
        }

        if (delta == 0 && Has(PtimerPolicy.NoImmediateReload) && _enabled == 1 && _limit != 0)
        {
            delta = 1;
        }

        if (delta == 0)
        {
            if (_enabled != 0)
            {
                Warn("Timer with delta zero, disabling");
                Disable();
            }

            return;
        }

        if (_enabled == 1 && IsRateLimited(delta * period))
        {
            period = MinRealTimeTimeoutNs / delta;
            frac = 0;
        }

        _lastEvent = _nextEvent;
        _nextEvent = _lastEvent + (long)(delta * period);
        if (frac != 0)
        {
            _nextEvent += (long)((frac * delta) >> 32);
        }

        _timer.Modify(_nextEvent);
    }

    private void Disable()
    {
        _timer.Cancel();
        _enabled = 0;
    }

    // Without -icount or qtest, QEMU stretches periodic timeouts under 10 us so the host keeps up.
    private bool IsRateLimited(ulong timeoutNs) => timeoutNs < MinRealTimeTimeoutNs && _clock.Mode == VirtualClockMode.RealTime;

    private bool Has(PtimerPolicy flag) => (Policy & flag) != 0;

    private bool EnterImplicit()
    {
        if (_inTransaction)
        {
            return false;
        }

        BeginTransaction();
        return true;
    }

    private void LeaveImplicit(bool implicitTx)
    {
        if (implicitTx)
        {
            CommitTransaction();
        }
    }

    private void Warn(string message)
    {
        if (_clock.Mode != VirtualClockMode.Manual)
        {
            Console.Error.WriteLine(message);
        }
    }
}
