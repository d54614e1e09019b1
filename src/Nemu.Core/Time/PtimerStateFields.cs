// Implements: QEMU's VMSTATE_PTIMER ("ptimer" v1: enabled, limit, delta, period_frac, period, last_event,
// next_event, timer) as a nested state description: captured from the live timer before save, written into it after load.
using Nemu.Core.State;

namespace Nemu.Core.Time;

/// <summary>A ptimer's migratable fields; the owning device copies them from/to its <see cref="Ptimer"/>.</summary>
public sealed class PtimerStateFields
{
    public static readonly StateDescription<PtimerStateFields> Vmsd =
        StateDescription<PtimerStateFields>.Builder("ptimer", 1, 1)
            .UInt8("enabled", s => ref s.Enabled)
            .UInt64("limit", s => ref s.Limit)
            .UInt64("delta", s => ref s.Delta)
            .UInt32("period_frac", s => ref s.PeriodFrac)
            .Int64("period", s => ref s.Period)
            .Int64("last_event", s => ref s.LastEvent)
            .Int64("next_event", s => ref s.NextEvent)
            .Timer("timer", s => s.TimerExpireNs, (s, v) => s.TimerExpireNs = v)
            .PreSave(s => s.Capture())
            .PostLoad((s, _) => s.Restore())
            .Build();

    public byte Enabled;
    public ulong Limit;
    public ulong Delta;
    public uint PeriodFrac;
    public long Period;
    public long LastEvent;
    public long NextEvent;
    public long TimerExpireNs = -1;

    /// <summary>
    /// The live timer these fields are saved from and loaded into by the description's own hooks (set at realize).
    /// Owners that capture their state explicitly leave it null and call <see cref="CopyFrom"/>/<see cref="ToPtimerState"/>.
    /// </summary>
    public Ptimer? Live { get; set; }

    /// <summary>Takes the fields of a ptimer's saved state.</summary>
    public void CopyFrom(PtimerState s)
    {
        Enabled = s.Enabled;
        Limit = s.Limit;
        Delta = s.Delta;
        PeriodFrac = s.PeriodFrac;
        Period = s.Period;
        LastEvent = s.LastEvent;
        NextEvent = s.NextEvent;
        TimerExpireNs = s.TimerExpireNs;
    }

    /// <summary>The fields as a ptimer state to load.</summary>
    public PtimerState ToPtimerState() => new(Enabled, Limit, Delta, PeriodFrac, Period, LastEvent, NextEvent, TimerExpireNs);

    private void Capture()
    {
        if (Live is not null)
        {
            CopyFrom(Live.SaveState());
        }
    }

    private void Restore() => Live?.LoadState(ToPtimerState());
}
