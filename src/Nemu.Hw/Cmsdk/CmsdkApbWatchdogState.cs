// The migratable state of the CMSDK APB watchdog, QEMU's vmstate "cmsdk-apb-watchdog" v2 (WDOGCLK is
// configuration here, not migrated).
using Nemu.Core.Time;

namespace Nemu.Hw.Cmsdk;

/// <summary>Plain-data state of <see cref="CmsdkApbWatchdog"/>.</summary>
public sealed class CmsdkApbWatchdogState
{
    public readonly PtimerStateFields Timer = new();
    public uint Control;
    public uint IntStatus;
    public uint Lock;
    public uint Itcr;
    public uint Itop;
    public uint ResetStatus;
}
