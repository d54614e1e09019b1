// The host time sources behind QEMU's get_clock() (CLOCK_MONOTONIC) and get_clock_realtime() (gettimeofday).
// An interface so tests can drive real-time mode with a hand-moved clock (ManualHostTime) instead of sleeping.
namespace Nemu.Core.Time;

/// <summary>Host time as seen by the emulator: a monotonic counter and the wall clock, both in nanoseconds.</summary>
public interface IHostTime
{
    /// <summary>Monotonic host time in ns (never goes backwards; arbitrary origin).</summary>
    long MonotonicNs { get; }

    /// <summary>Wall-clock time in ns since the Unix epoch (may jump).</summary>
    long WallClockNs { get; }
}
