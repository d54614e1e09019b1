// Implements: the part of QEMU's Clock API (include/hw/clock.h, hw/core/clock.c) the M-profile devices use:
// a period in units of 2^-32 ns, clock_set_hz/clock_set_ns, clock_has_source, clock_ticks_to_ns with its
// saturation, and propagation from an output clock (stellaris-sys SYSCLK) to connected inputs.
// Not modelled: multipliers/dividers between clocks, QOM clock children, `info qtree` clock lines.
namespace Nemu.Hw.Misc;

/// <summary>
/// A clock input or output of a device. Boards connect an input to a fixed frequency
/// (<see cref="SetHz"/>) or to another device's output (<see cref="ConnectFrom"/>).
/// </summary>
public sealed class DeviceClock
{
    /// <summary>QEMU's CLOCK_PERIOD_1SEC: one second in 2^-32 ns units.</summary>
    public const ulong PeriodOneSecond = 1_000_000_000UL << 32;

    private Action? _changed;

    public DeviceClock(string name) => Name = name;

    /// <summary>The clock's name as QEMU's qdev_init_clock_in/out gives it (<c>pclk</c>, <c>TIMCLK</c>, ...).</summary>
    public string Name { get; }

    /// <summary>The period in 2^-32 ns units; 0 means the clock is stopped.</summary>
    public ulong Period { get; private set; }

    /// <summary>True once a frequency was given or a source connected (QEMU's clock_has_source).</summary>
    public bool HasSource { get; private set; }

    /// <summary>The frequency in Hz (QEMU's clock_get_hz), 0 when stopped.</summary>
    public ulong Hz => Period == 0 ? 0 : PeriodOneSecond / Period;

    /// <summary>Called after the period changed (QEMU's ClockUpdate callback).</summary>
    public void OnChanged(Action callback) => _changed += callback;

    /// <summary>Sets the frequency (clock_set_hz + clock_propagate); 0 stops the clock.</summary>
    public void SetHz(ulong hz) => Update(hz == 0 ? 0 : PeriodOneSecond / hz);

    /// <summary>Sets the period in whole nanoseconds (clock_set_ns + clock_propagate).</summary>
    public void SetNs(ulong ns) => Update(ns << 32);

    /// <summary>Makes this clock follow <paramref name="source"/> (qdev_connect_clock_in).</summary>
    public void ConnectFrom(DeviceClock source)
    {
        ArgumentNullException.ThrowIfNull(source);
        source.OnChanged(() => Update(source.Period));
        Update(source.Period);
    }

    /// <summary>How long <paramref name="ticks"/> clock ticks last, saturating at <see cref="long.MaxValue"/> (clock_ticks_to_ns).</summary>
    public long TicksToNs(ulong ticks)
    {
        var product = (UInt128)Period * ticks;
        return (product >> 95) != 0 ? long.MaxValue : (long)(ulong)(product >> 32);
    }

    private void Update(ulong period)
    {
        HasSource = true;
        if (period == Period)
        {
            return;
        }

        Period = period;
        _changed?.Invoke();
    }
}
