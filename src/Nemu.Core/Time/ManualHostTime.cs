// A host time source moved by hand, so real-time-mode behaviour (pause freezing, deadlines) can be tested
// without real delays. Thread-safe reads and writes.
namespace Nemu.Core.Time;

/// <summary>A host clock that only moves when told to (for tests of real-time mode).</summary>
public sealed class ManualHostTime : IHostTime
{
    private long _monotonicNs;
    private long _wallClockNs;

    public ManualHostTime(long monotonicNs = 0, long wallClockNs = 0)
    {
        _monotonicNs = monotonicNs;
        _wallClockNs = wallClockNs;
    }

    public long MonotonicNs => Interlocked.Read(ref _monotonicNs);

    public long WallClockNs => Interlocked.Read(ref _wallClockNs);

    /// <summary>Moves both host clocks forward by <paramref name="ns"/> (must not be negative).</summary>
    public void Advance(long ns)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(ns);
        Interlocked.Add(ref _monotonicNs, ns);
        Interlocked.Add(ref _wallClockNs, ns);
    }

    /// <summary>Sets the wall clock (it may jump either way, like a host clock being set).</summary>
    public void SetWallClock(long ns) => Interlocked.Exchange(ref _wallClockNs, ns);
}
