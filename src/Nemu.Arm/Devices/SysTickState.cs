// The migratable SysTick state, modelled on QEMU 7.2 hw/timer/armv7m_systick.c vmstate_systick ("armv7m_systick"
// v3: control, tick as a ptimer, plus here the RVR value) with the ptimer as VMSTATE_PTIMER ("ptimer" v1:
// enabled, limit, delta, period_frac, period, last_event, next_event, timer expiry). Plain data: SysTick.SaveState
// and LoadState copy it. Nemu.Hw has an equivalent ptimer helper; Nemu.Arm does not reference Nemu.Hw, so the
// ptimer fields are described here in the same wire order. Not modelled: the v8-M Secure instance.
using Nemu.Core.State;

namespace Nemu.Arm.Devices;

/// <summary>Migratable form of a <see cref="SysTick"/>.</summary>
public sealed class SysTickState
{
    private static readonly StateDescription<SysTickState> PtimerVmsd =
        StateDescription<SysTickState>.Builder("ptimer", 1, 1)
            .UInt8("enabled", s => ref s.Enabled)
            .UInt64("limit", s => ref s.Limit)
            .UInt64("delta", s => ref s.Delta)
            .UInt32("period_frac", s => ref s.PeriodFrac)
            .Int64("period", s => ref s.Period)
            .Int64("last_event", s => ref s.LastEvent)
            .Int64("next_event", s => ref s.NextEvent)
            .Timer("timer", s => s.TimerExpireNs, (s, v) => s.TimerExpireNs = v)
            .Build();

    public static readonly StateDescription<SysTickState> Vmsd =
        StateDescription<SysTickState>.Builder("armv7m_systick", 1, 1)
            .UInt32("control", s => ref s.Control)
            .UInt32("reload", s => ref s.Reload)
            .Struct("ptimer", s => s, PtimerVmsd)
            .Build();

    /// <summary>CSR (ENABLE, TICKINT, CLKSOURCE, COUNTFLAG).</summary>
    public uint Control;

    /// <summary>RVR.</summary>
    public uint Reload;
    public byte Enabled;
    public ulong Limit;
    public ulong Delta;
    public uint PeriodFrac;
    public long Period;
    public long LastEvent;
    public long NextEvent;
    public long TimerExpireNs = -1;
}
