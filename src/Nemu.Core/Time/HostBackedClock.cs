// QEMU_CLOCK_REALTIME and QEMU_CLOCK_HOST: read straight from the host, always enabled.
namespace Nemu.Core.Time;

/// <summary>The realtime (host monotonic) or host (wall) clock; both keep running while the VM is stopped.</summary>
public sealed class HostBackedClock : IClock
{
    private readonly IHostTime _host;

    public HostBackedClock(ClockType type, IHostTime host)
    {
        if (type == ClockType.Virtual)
        {
            throw new ArgumentException("the virtual clock is a VirtualClock, not a host-backed clock", nameof(type));
        }

        Type = type;
        _host = host;
    }

    public ClockType Type { get; }

    public long NowNs => Type == ClockType.Realtime ? _host.MonotonicNs : _host.WallClockNs;

    public bool IsEnabled => true;
}
