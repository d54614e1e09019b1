// The migratable SysTick state, modelled on QEMU 7.2 hw/timer/armv7m_systick.c vmstate_systick ("armv7m_systick"
// v3: control, tick as a ptimer, plus here the RVR value) with the ptimer as VMSTATE_PTIMER ("ptimer" v1:
// enabled, limit, delta, period_frac, period, last_event, next_event, timer expiry). Plain data: SysTick.SaveState
// and LoadState copy it. Not modelled: the v8-M Secure instance.
using Nemu.Core.State;
using Nemu.Core.Time;

namespace Nemu.Arm.Devices;

/// <summary>Migratable form of a <see cref="SysTick"/>.</summary>
public sealed class SysTickState
{
    public static readonly StateDescription<SysTickState> Vmsd =
        StateDescription<SysTickState>.Builder("armv7m_systick", 1, 1)
            .UInt32("control", s => ref s.Control)
            .UInt32("reload", s => ref s.Reload)
            .Struct("ptimer", s => s.Timer, PtimerStateFields.Vmsd)
            .Build();

    /// <summary>CSR (ENABLE, TICKINT, CLKSOURCE, COUNTFLAG).</summary>
    public uint Control;

    /// <summary>RVR.</summary>
    public uint Reload;

    /// <summary>The countdown ptimer (VMSTATE_PTIMER).</summary>
    public readonly PtimerStateFields Timer = new();
}
