// The migratable state of the PL031 RTC, in QEMU 7.2's vmstate "pl031" v1 order (hw/rtc/pl031.c) with the
// "pl031/tick-offset" subsection sent when the migrate-tick-offset property is on.
namespace Nemu.Hw.Timer;

/// <summary>Plain-data state of <see cref="Pl031"/>.</summary>
public sealed class Pl031State
{
    /// <summary>tick_offset as the v1 stream carries it (rebased on the virtual clock, QEMU's pre_save).</summary>
    public uint TickOffsetVmstate;
    public uint Mr;
    public uint Lr;
    public uint Cr;
    public uint Im;
    public uint Is;

    /// <summary>Seconds added to the host clock's seconds to give the RTC count (QEMU's tick_offset).</summary>
    public uint TickOffset;

    /// <summary>The migrate-tick-offset property (configuration, not migrated).</summary>
    public bool MigrateTickOffset;
}
