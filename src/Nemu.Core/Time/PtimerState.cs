// The migratable fields of a ptimer, in QEMU's vmstate_ptimer order ("ptimer" v1: enabled u8, limit u64,
// delta u64, period_frac u32, period i64, last_event i64, next_event i64, timer as expiry ns or -1).
namespace Nemu.Core.Time;

/// <summary>Plain-data snapshot of a <see cref="Ptimer"/> (VMSTATE_PTIMER).</summary>
/// <param name="Enabled">0 disabled, 1 periodic, 2 oneshot.</param>
/// <param name="TimerExpireNs">The inner timer's deadline, -1 when not pending.</param>
public readonly record struct PtimerState(
    byte Enabled,
    ulong Limit,
    ulong Delta,
    uint PeriodFrac,
    long Period,
    long LastEvent,
    long NextEvent,
    long TimerExpireNs);
