// QEMU's QEMUClockType (include/qemu/timer.h). The order is QEMU's: expired timers of all clocks are run
// realtime first, then virtual, then host (qemu_clock_run_all_timers walks the enum).
// Not modelled: QEMU_CLOCK_VIRTUAL_RT (only used by icount's sleep=on warp, which Nemu does not model).
namespace Nemu.Core.Time;

/// <summary>The clocks a timer can be armed on (QEMU's QEMUClockType).</summary>
public enum ClockType
{
    /// <summary>Host monotonic time; runs even while the VM is stopped (QEMU_CLOCK_REALTIME). For UI, chardev retries.</summary>
    Realtime = 0,

    /// <summary>Guest time; frozen while the VM is stopped, driven by instructions under -icount (QEMU_CLOCK_VIRTUAL).</summary>
    Virtual = 1,

    /// <summary>Host wall-clock time; may jump when the host clock is set (QEMU_CLOCK_HOST). For RTCs.</summary>
    Host = 2,
}
