// Implements: QEMU 7.2's VMSTATE_CLOCK (hw/core/clock-vmstate.c, vmstate "clock" v0: the period as uint64 in
// 2^-32 ns units) as a nested state description over a DeviceClock: captured before save, applied after load.
// Not modelled: the "clock/muldiv" subsection (Nemu clocks have no multiplier/divider, so QEMU never sends it).
using Nemu.Core.State;
using Nemu.Hw.Misc;

namespace Nemu.Hw.Char;

/// <summary>A clock input's migratable period; the owning device points <see cref="Live"/> at its clock.</summary>
public sealed class ClockStateFields
{
    public static readonly StateDescription<ClockStateFields> Vmsd =
        StateDescription<ClockStateFields>.Builder("clock", 0, 0)
            .UInt64("period", s => ref s.Period)
            .PreSave(s => s.Capture())
            .PostLoad((s, _) => s.Restore())
            .Build();

    public ulong Period;

    /// <summary>The live clock these fields are saved from and loaded into (set by the owning device).</summary>
    public DeviceClock? Live { get; set; }

    private void Capture()
    {
        if (Live is not null)
        {
            Period = Live.Period;
        }
    }

    private void Restore()
    {
        if (Live is null || Live.Period == Period)
        {
            return;
        }

        // DeviceClock is set by frequency; a period that came from a frequency converts back exactly.
        Live.SetHz(Period == 0 ? 0 : DeviceClock.PeriodOneSecond / Period);
    }
}
