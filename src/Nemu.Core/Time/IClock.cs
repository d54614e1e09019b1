// A readable clock in nanoseconds (QEMU's qemu_clock_get_ns and qemu_clock_is_enabled).
namespace Nemu.Core.Time;

/// <summary>A clock timers are armed against: its current time in nanoseconds and whether its timers may fire.</summary>
public interface IClock
{
    /// <summary>Which clock this is.</summary>
    ClockType Type { get; }

    /// <summary>The current time in nanoseconds (qemu_clock_get_ns).</summary>
    long NowNs { get; }

    /// <summary>
    /// False while timers of this clock must not fire (QEMU disables the virtual clock while the VM is stopped).
    /// </summary>
    bool IsEnabled { get; }
}
