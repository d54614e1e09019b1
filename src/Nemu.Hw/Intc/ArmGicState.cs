// The migratable state of QEMU 7.2's arm_gic (hw/intc/arm_gic_common.c vmstate "arm_gic" v12, without the
// virtualization-extension subsection, which is never needed because Nemu does not model that extension).
// Two-dimensional QEMU arrays are flattened row-major: Priority1[irq * 8 + cpu], SgiPending[irq * 8 + cpu],
// Apr/Nsapr[regno * 8 + cpu]. Entries of CPUs beyond num-cpu stay 0, as in QEMU's zero-allocated GICState.
using Nemu.Core.State;

namespace Nemu.Hw.Intc;

/// <summary>Plain-data state of <see cref="ArmGic"/>.</summary>
public sealed class ArmGicState
{
    /// <summary>GIC_MAXIRQ: the architectural interrupt count the arrays are sized for.</summary>
    public const int MaxIrq = 1020;

    /// <summary>GIC_NCPU: CPU interfaces the arrays are sized for.</summary>
    public const int MaxCpu = 8;

    /// <summary>GIC_INTERNAL: SGIs and PPIs, banked per CPU.</summary>
    public const int Internal = 32;

    /// <summary>GIC_NR_SGIS.</summary>
    public const int SgiCount = 16;

    /// <summary>GIC_NR_APRS: active-priority registers per CPU.</summary>
    public const int AprCount = 4;

    public static readonly StateDescription<ArmGicState> Vmsd =
        StateDescription<ArmGicState>.Builder("arm_gic", 12, 12)
            .UInt32("ctlr", s => ref s.Ctlr)
            .UInt32Array("cpu_ctlr", s => s.CpuCtlr, MaxCpu)
            .StructArray("irq_state", s => s.IrqState, MaxIrq, ArmGicIrqState.Vmsd)
            .UInt8Array("irq_target", s => s.IrqTarget, MaxIrq)
            .UInt8Array("priority1", s => s.Priority1, Internal * MaxCpu)
            .UInt8Array("priority2", s => s.Priority2, MaxIrq - Internal)
            .UInt8Array("sgi_pending", s => s.SgiPending, SgiCount * MaxCpu)
            .UInt16Array("priority_mask", s => s.PriorityMask, MaxCpu)
            .UInt16Array("running_priority", s => s.RunningPriority, MaxCpu)
            .UInt16Array("current_pending", s => s.CurrentPending, MaxCpu)
            .UInt8Array("bpr", s => s.Bpr, MaxCpu)
            .UInt8Array("abpr", s => s.Abpr, MaxCpu)
            .UInt32Array("apr", s => s.Apr, AprCount * MaxCpu)
            .UInt32Array("nsapr", s => s.Nsapr, AprCount * MaxCpu)
            .Build();

    /// <summary>GICD_CTLR: bit 0 EnableGrp0, bit 1 EnableGrp1.</summary>
    public uint Ctlr;
    public readonly uint[] CpuCtlr = new uint[MaxCpu];
    public readonly ArmGicIrqState[] IrqState = CreateIrqStates();
    public readonly byte[] IrqTarget = new byte[MaxIrq];
    public readonly byte[] Priority1 = new byte[Internal * MaxCpu];
    public readonly byte[] Priority2 = new byte[MaxIrq - Internal];
    public readonly byte[] SgiPending = new byte[SgiCount * MaxCpu];
    public readonly ushort[] PriorityMask = new ushort[MaxCpu];
    public readonly ushort[] RunningPriority = new ushort[MaxCpu];
    public readonly ushort[] CurrentPending = new ushort[MaxCpu];
    public readonly byte[] Bpr = new byte[MaxCpu];
    public readonly byte[] Abpr = new byte[MaxCpu];
    public readonly uint[] Apr = new uint[AprCount * MaxCpu];
    public readonly uint[] Nsapr = new uint[AprCount * MaxCpu];

    private static ArmGicIrqState[] CreateIrqStates()
    {
        var states = new ArmGicIrqState[MaxIrq];
        for (var i = 0; i < states.Length; i++)
        {
            states[i] = new ArmGicIrqState();
        }

        return states;
    }
}
