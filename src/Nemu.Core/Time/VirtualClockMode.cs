// How QEMU_CLOCK_VIRTUAL advances: host time while running (default), instruction count (-icount), or only
// when told (the qtest accelerator's clock_step/clock_set).
namespace Nemu.Core.Time;

/// <summary>What drives the virtual clock.</summary>
public enum VirtualClockMode
{
    /// <summary>Host monotonic time while the VM runs, frozen while stopped (no -icount).</summary>
    RealTime,

    /// <summary>-icount: time = (instructions &lt;&lt; shift) + warp bias. Deterministic.</summary>
    Icount,

    /// <summary>qtest-style: time moves only by explicit steps; CPUs are not run.</summary>
    Manual,
}
