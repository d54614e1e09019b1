// The MemoryRegionOps of QEMU 7.2's arm_gic regions (hw/intc/arm_gic.c gic_ops / gic_cpu_ops): the distributor and
// the CPU interface regions forward to ArmGic with the CPU interface they stand for. QEMU's defaults apply
// (1-4 byte callbacks, wider accesses split by the memory core, native = little endian on Arm).
using Nemu.Core;
using Nemu.Memory;

namespace Nemu.Hw.Intc;

/// <summary>One GIC register window: the distributor, or the CPU interface of one CPU.</summary>
internal sealed class ArmGicRegionOps(ArmGic gic, ArmGicRegionOps.Kind kind, int cpu) : IMemoryRegionOps
{
    public enum Kind
    {
        Distributor,
        CpuInterface,
    }

    public AccessConstraints Constraints => AccessConstraints.Default;

    public MemTxResult Read(ulong offset, uint size, MemTxAttrs attrs, out ulong value)
    {
        value = kind == Kind.Distributor ? gic.DistributorRead((int)offset, size) : gic.CpuInterfaceRead(cpu, (int)offset);

        // The memory core keeps the low `size` bytes of a callback's result (memory_region_read_accessor).
        if (size < 8)
        {
            value &= (1UL << (int)(size * 8)) - 1;
        }

        return MemTxResult.Ok;
    }

    public MemTxResult Write(ulong offset, ulong value, uint size, MemTxAttrs attrs)
    {
        if (kind == Kind.Distributor)
        {
            gic.DistributorWrite((int)offset, (uint)value, size);
        }
        else
        {
            gic.CpuInterfaceWrite(cpu, (int)offset, (uint)value);
        }

        return MemTxResult.Ok;
    }
}
