// The real host clocks: Stopwatch (monotonic) and DateTime.UtcNow (wall clock).
using System.Diagnostics;

namespace Nemu.Core.Time;

/// <summary>The host's real monotonic and wall clocks.</summary>
public sealed class SystemHostTime : IHostTime
{
    private SystemHostTime()
    {
    }

    /// <summary>The single instance.</summary>
    public static SystemHostTime Instance { get; } = new();

    public long MonotonicNs => (long)(Stopwatch.GetTimestamp() * (1_000_000_000.0 / Stopwatch.Frequency));

    public long WallClockNs => (DateTime.UtcNow.Ticks - DateTime.UnixEpoch.Ticks) * 100;
}
