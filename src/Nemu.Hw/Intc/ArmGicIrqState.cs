// The per-interrupt distributor state of QEMU 7.2's arm_gic (include/hw/intc/arm_gic_common.h gic_irq_state), in the
// field order of the "arm_gic_irq_state" vmstate. Each bit of the byte fields is one CPU interface (bit n = CPU n).
using Nemu.Core.State;

namespace Nemu.Hw.Intc;

/// <summary>Enable/pending/active/level/group bits (one per CPU) and the trigger mode of one interrupt.</summary>
public sealed class ArmGicIrqState
{
    public static readonly StateDescription<ArmGicIrqState> Vmsd =
        StateDescription<ArmGicIrqState>.Builder("arm_gic_irq_state", 1, 1)
            .UInt8("enabled", s => ref s.Enabled)
            .UInt8("pending", s => ref s.Pending)
            .UInt8("active", s => ref s.Active)
            .UInt8("level", s => ref s.Level)
            .Bool("model", s => ref s.Model)
            .Bool("edge_trigger", s => ref s.EdgeTrigger)
            .UInt8("group", s => ref s.Group)
            .Build();

    public byte Enabled;
    public byte Pending;
    public byte Active;
    public byte Level;

    /// <summary>The 11MPCore 1-N model bit; never set on GICv1/v2 (kept for the stream layout).</summary>
    public bool Model;
    public bool EdgeTrigger;
    public byte Group;
}
