// Implements: the CPU interface of QEMU 7.2 hw/intc/arm_gic.c (gic_cpu_read/gic_cpu_write, IHI 0048B §4.4) for a
// GIC without the security extensions: GICC_CTLR (valid bits 0x21f on GICv2, 0x1 on GICv1), PMR (masked to
// num-priority-bits), BPR (minimum 0), IAR (gic_acknowledge_irq: 1022 for a Group 1 interrupt unless AckCtl,
// 1023 when nothing pending or its priority does not preempt; activates, sets the active-priority bit, clears
// pending; an SGI returns its source CPU in bits 12:10), EOIR (gic_complete_irq: drop the running priority,
// and deactivate unless EOImode), RPR (0xff when idle), HPPIR, ABPR (GICv2; minimum 1), APR0-3 / NSAPR0-3
// (GICv2), IIDR = revision << 16 | 0x43B and GICC_DIR (GICv2, only with EOImode). Unknown offsets log QEMU's
// "gic_cpu_read/write: Bad offset" under -d guest_errors.
using System.Numerics;
using Nemu.Core.Logging;

namespace Nemu.Hw.Intc;

/// <summary>GIC CPU interface register decoding and the acknowledge/complete logic.</summary>
public sealed partial class ArmGic
{
    internal uint CpuInterfaceRead(int cpu, int offset)
    {
        switch (offset)
        {
            case 0x00: return _s.CpuCtlr[cpu];
            case 0x04: return _s.PriorityMask[cpu];
            case 0x08: return _s.Bpr[cpu];
            case 0x0c: return Acknowledge(cpu);
            case 0x14: return _s.RunningPriority[cpu] > 0xff ? 0xffu : _s.RunningPriority[cpu];
            case 0x18: return CurrentPendingIrq(cpu);
            case 0x1c: return HasGroups ? _s.Abpr[cpu] : 0u;
            case 0xd0 or 0xd4 or 0xd8 or 0xdc:
                return _revision == 2 ? _s.Apr[(((offset - 0xd0) / 4) * ArmGicState.MaxCpu) + cpu] : 0u;
            case 0xe0 or 0xe4 or 0xe8 or 0xec:
                return _revision == 2 && HasGroups ? _s.Nsapr[(((offset - 0xe0) / 4) * ArmGicState.MaxCpu) + cpu] : 0u;
            case 0xfc: return (_revision << 16) | 0x43b;
            default:
                if (Log.IsEnabled(LogItem.GuestErrors))
                {
                    Log.Write(LogItem.GuestErrors, $"gic_cpu_read: Bad offset {offset:x}");
                }

                return 0;
        }
    }

    internal void CpuInterfaceWrite(int cpu, int offset, uint value)
    {
        switch (offset)
        {
            case 0x00:
                _s.CpuCtlr[cpu] = value & (_revision == 2 ? CpuCtlrV2Mask : CpuCtlrV1Mask);
                break;
            case 0x04:
                _s.PriorityMask[cpu] = (ushort)(value & 0xff & FullPriorityMask);
                break;
            case 0x08:
                _s.Bpr[cpu] = (byte)Math.Max(value & 7, MinBpr);
                break;
            case 0x10:
                Complete(cpu, (int)(value & 0x3ff));
                return;
            case 0x1c:
                if (!HasGroups)
                {
                    return;
                }

                _s.Abpr[cpu] = (byte)Math.Max(value & 7, MinAbpr);
                break;
            case 0xd0 or 0xd4 or 0xd8 or 0xdc:
                if (_revision != 2)
                {
                    return;
                }

                _s.Apr[(((offset - 0xd0) / 4) * ArmGicState.MaxCpu) + cpu] = value;
                _s.RunningPriority[cpu] = PriorityFromActiveBits(cpu);
                break;
            case 0xe0 or 0xe4 or 0xe8 or 0xec:
                if (_revision != 2 || !HasGroups)
                {
                    return;
                }

                _s.Nsapr[(((offset - 0xe0) / 4) * ArmGicState.MaxCpu) + cpu] = value;
                _s.RunningPriority[cpu] = PriorityFromActiveBits(cpu);
                break;
            case 0x1000:
                Deactivate(cpu, (int)(value & 0x3ff));
                break;
            default:
                if (Log.IsEnabled(LogItem.GuestErrors))
                {
                    Log.Write(LogItem.GuestErrors, $"gic_cpu_write: Bad offset {offset:x}");
                }

                return;
        }

        Update();
    }

    /// <summary>gic_get_current_pending_irq: HPPIR; a Group 1 interrupt reads 1022 unless GICC_CTLR.AckCtl.</summary>
    private uint CurrentPendingIrq(int cpu)
    {
        var irq = _s.CurrentPending[cpu];
        if (irq < ArmGicState.MaxIrq && HasGroups && TestGroup(irq, cpu) && (_s.CpuCtlr[cpu] & CpuCtlrAckCtl) == 0)
        {
            return 1022;
        }

        return irq;
    }

    /// <summary>gic_acknowledge_irq: GICC_IAR.</summary>
    private uint Acknowledge(int cpu)
    {
        var irq = (int)CurrentPendingIrq(cpu);
        if (irq >= ArmGicState.MaxIrq)
        {
            return (uint)irq;
        }

        if (GetPriority(irq, cpu) >= _s.RunningPriority[cpu])
        {
            return Spurious;
        }

        Activate(cpu, irq);
        var result = (uint)irq;
        var state = _s.IrqState[irq];
        if (irq < ArmGicState.SgiCount)
        {
            // Return the lowest source CPU and clear the SGI's pending state once no source remains.
            ref var sources = ref _s.SgiPending[(irq * ArmGicState.MaxCpu) + cpu];
            var source = sources == 0 ? 0 : BitOperations.TrailingZeroCount(sources);
            sources &= (byte)~(1 << source);
            if (sources == 0)
            {
                state.Pending &= (byte)~(1 << cpu);
            }

            result |= (uint)(source & 7) << 10;
        }
        else
        {
            // Level interrupts whose line is still high stay pending (TestPending).
            state.Pending &= (byte)~(1 << cpu);
        }

        Update();
        return result;
    }

    /// <summary>gic_activate_irq: sets the active-priority bit of the interrupt's group priority and runs it.</summary>
    private void Activate(int cpu, int irq)
    {
        var priority = GroupPriority(cpu, irq);
        var preemptionLevel = priority >> (MinBpr + 1);
        var index = ((preemptionLevel / 32) * ArmGicState.MaxCpu) + cpu;
        var bit = 1u << (preemptionLevel % 32);
        if (HasGroups && TestGroup(irq, cpu))
        {
            _s.Nsapr[index] |= bit;
        }
        else
        {
            _s.Apr[index] |= bit;
        }

        _s.RunningPriority[cpu] = (ushort)priority;
        _s.IrqState[irq].Active |= (byte)(1 << cpu);
    }

    /// <summary>gic_get_group_priority: the priority with the sub-priority bits of the applicable BPR masked off.</summary>
    private int GroupPriority(int cpu, int irq)
    {
        int bpr;
        if (HasGroups && (_s.CpuCtlr[cpu] & CpuCtlrCbpr) == 0 && TestGroup(irq, cpu))
        {
            bpr = Math.Max(_s.Abpr[cpu] - 1, 0);
        }
        else
        {
            bpr = _s.Bpr[cpu];
        }

        var mask = ~0 << ((bpr & 7) + 1);
        return GetPriority(irq, cpu) & mask;
    }

    /// <summary>gic_get_prio_from_apr_bits: the running priority the set active-priority bits imply.</summary>
    private ushort PriorityFromActiveBits(int cpu)
    {
        for (var regno = 0; regno < ArmGicState.AprCount; regno++)
        {
            var index = (regno * ArmGicState.MaxCpu) + cpu;
            var bits = _s.Apr[index] | _s.Nsapr[index];
            if (bits != 0)
            {
                return (ushort)(((regno * 32) + BitOperations.TrailingZeroCount(bits)) << (MinBpr + 1));
            }
        }

        return 0x100;
    }

    /// <summary>gic_complete_irq: GICC_EOIR.</summary>
    private void Complete(int cpu, int irq)
    {
        // A spurious or non-existent ID is ignored, as is an EOI with nothing active.
        if (irq >= _irqs || _s.RunningPriority[cpu] == 0x100)
        {
            return;
        }

        var group = HasGroups && TestGroup(irq, cpu);

        // gic_drop_prio: clear the lowest set active-priority bit of the group.
        var aprs = group ? _s.Nsapr : _s.Apr;
        for (var regno = 0; regno < ArmGicState.AprCount; regno++)
        {
            ref var bits = ref aprs[(regno * ArmGicState.MaxCpu) + cpu];
            if (bits != 0)
            {
                bits &= bits - 1;
                break;
            }
        }

        _s.RunningPriority[cpu] = PriorityFromActiveBits(cpu);
        if (!EoiSplit(cpu))
        {
            ClearActive(cpu, irq);
        }

        Update();
    }

    /// <summary>gic_deactivate_irq: GICC_DIR, only meaningful with GICC_CTLR.EOImode set.</summary>
    private void Deactivate(int cpu, int irq)
    {
        if (irq >= _irqs)
        {
            return;
        }

        if (!EoiSplit(cpu))
        {
            if (Log.IsEnabled(LogItem.GuestErrors))
            {
                Log.Write(LogItem.GuestErrors, "gic_deactivate_irq: GICC_DIR write when EOIMode clear");
            }

            return;
        }

        ClearActive(cpu, irq);
    }

    private bool EoiSplit(int cpu) => _revision == 2 && (_s.CpuCtlr[cpu] & CpuCtlrEoiMode) != 0;

    private void ClearActive(int cpu, int irq) =>
        _s.IrqState[irq].Active &= (byte)~(irq < ArmGicState.Internal ? 1u << cpu : AllCpuMask);
}
