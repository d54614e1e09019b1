// The migratable state of the CMSDK dual timer, QEMU's vmstate "cmsdk-apb-dualtimer" v2 (TIMCLK is
// configuration here, not migrated).
namespace Nemu.Hw.Cmsdk;

/// <summary>Plain-data state of <see cref="CmsdkApbDualTimer"/>.</summary>
public sealed class CmsdkApbDualTimerState
{
    public readonly CmsdkApbDualTimerModuleState[] TimerMod = [new(), new()];
    public uint TimerItcr;
    public uint TimerItop;
}
