// The migratable state of the CMSDK APB timer, in QEMU's vmstate "cmsdk-apb-timer" v2 order (the pclk
// clock is configuration here, not migrated; "value" and "reload" are QEMU's unused fields, kept for layout).
using Nemu.Core.Time;

namespace Nemu.Hw.Cmsdk;

/// <summary>Plain-data state of <see cref="CmsdkApbTimer"/>.</summary>
public sealed class CmsdkApbTimerState
{
    public readonly PtimerStateFields Timer = new();
    public uint Ctrl;
    public uint Value;
    public uint Reload;
    public uint IntStatus;
}
