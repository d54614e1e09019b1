// The migratable state of one dual-timer module, QEMU's vmstate "cmsdk-apb-dualtimer-module" v1.
using Nemu.Core.State;
using Nemu.Core.Time;

namespace Nemu.Hw.Cmsdk;

/// <summary>Plain-data state of one of the two counters of <see cref="CmsdkApbDualTimer"/>.</summary>
public sealed class CmsdkApbDualTimerModuleState
{
    public static readonly StateDescription<CmsdkApbDualTimerModuleState> Vmsd =
        StateDescription<CmsdkApbDualTimerModuleState>.Builder("cmsdk-apb-dualtimer-module", 1, 1)
            .Struct("timer", s => s.Timer, PtimerStateFields.Vmsd)
            .UInt32("load", s => ref s.Load)
            .UInt32("value", s => ref s.Value, reset: 0xffffffff)
            .UInt32("control", s => ref s.Control, reset: CmsdkApbDualTimer.ControlIntEn)
            .UInt32("intstatus", s => ref s.IntStatus)
            .Build();

    public readonly PtimerStateFields Timer = new();

    /// <summary>LOAD as written (the ptimer limit holds only the part in use).</summary>
    public uint Load;

    /// <summary>The top half of VALUE while the counter is 16-bit.</summary>
    public uint Value = 0xffffffff;

    public uint Control = CmsdkApbDualTimer.ControlIntEn;
    public uint IntStatus;
}
