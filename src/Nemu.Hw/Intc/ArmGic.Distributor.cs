// Implements: the distributor registers of QEMU 7.2 hw/intc/arm_gic.c (gic_dist_readb/writeb/writel, IHI 0048B
// §4.3) for a GIC without the security extensions, accessed as CPU interface 0: GICD_CTLR, TYPER (ITLinesNumber
// and CPUNumber), IIDR 0x43b, IGROUPR (GICv2 only; RAZ/WI on GICv1), ISENABLER/ICENABLER (SGIs always
// enabled), ISPENDR/ICPENDR (ignored for SGIs), ISACTIVER/ICACTIVER (set/clear only on GICv2), IPRIORITYR (masked
// to num-priority-bits), ITARGETSR (RAZ/WI with one CPU; PPIs/SGIs read the accessing CPU), ICFGR (SGIs fixed
// edge), SGIR, CPENDSGIR/SPENDSGIR and the ID registers at 0xFD0-0xFFC. Every register is byte-composed as in
// QEMU (a 16/32-bit access is 2/4 byte accesses; a 32-bit write to 0xF00 is the SGIR). Unknown offsets log QEMU's
// "gic_dist_readb/writeb: Bad offset" under -d guest_errors and read 0.
using Nemu.Core.Logging;

namespace Nemu.Hw.Intc;

/// <summary>GIC distributor register decoding.</summary>
public sealed partial class ArmGic
{
    private static readonly byte[] GicV1Ids = [0x04, 0x00, 0x00, 0x00, 0x90, 0xb3, 0x1b, 0x00, 0x0d, 0xf0, 0x05, 0xb1];
    private static readonly byte[] GicV2Ids = [0x04, 0x00, 0x00, 0x00, 0x90, 0xb4, 0x2b, 0x00, 0x0d, 0xf0, 0x05, 0xb1];

    internal uint DistributorRead(int offset, uint size)
    {
        uint value = 0;
        var bytes = Math.Min(size, 4u);
        for (var i = 0; i < bytes; i++)
        {
            value |= (uint)DistributorReadByte(offset + i) << (8 * i);
        }

        return value;
    }

    internal void DistributorWrite(int offset, uint value, uint size)
    {
        if (size >= 4 && offset == 0xf00)
        {
            WriteSgir(value);
            return;
        }

        var bytes = Math.Min(size, 4u);
        for (var i = 0; i < bytes; i++)
        {
            DistributorWriteByte(offset + i, (byte)(value >> (8 * i)));
        }
    }

    private byte DistributorReadByte(int offset)
    {
        const int cpu = 0;
        const uint cm = 1u << cpu;
        int irq;
        uint result = 0;
        switch (offset)
        {
            case 0: return (byte)_s.Ctlr;
            case 4: return (byte)(((_irqs / 32) - 1) | ((_cpus - 1) << 5));
            case 8: return 0x3b;
            case 9: return 0x04;
            case < 0x0c: return 0;
            case < 0x80: return BadRead(offset);
            case < 0x100:
                if (!HasGroups)
                {
                    return 0;
                }

                irq = (offset - 0x80) * 8;
                if (irq >= _irqs)
                {
                    return BadRead(offset);
                }

                for (var i = 0; i < 8; i++)
                {
                    result |= (_s.IrqState[irq + i].Group & cm) != 0 ? 1u << i : 0;
                }

                return (byte)result;
            case < 0x200:
                irq = (offset & 0x7f) * 8;
                if (irq >= _irqs)
                {
                    return BadRead(offset);
                }

                for (var i = 0; i < 8; i++)
                {
                    result |= (_s.IrqState[irq + i].Enabled & cm) != 0 ? 1u << i : 0;
                }

                return (byte)result;
            case < 0x300:
                irq = (offset & 0x7f) * 8;
                if (irq >= _irqs)
                {
                    return BadRead(offset);
                }

                for (var i = 0; i < 8; i++)
                {
                    result |= TestPending(irq + i, irq < ArmGicState.Internal ? cm : AllCpuMask) ? 1u << i : 0;
                }

                return (byte)result;
            case < 0x400:
                if (offset >= 0x380 && _revision != 2)
                {
                    return BadRead(offset);
                }

                irq = (offset & 0x7f) * 8;
                if (irq >= _irqs)
                {
                    return BadRead(offset);
                }

                for (var i = 0; i < 8; i++)
                {
                    result |= (_s.IrqState[irq + i].Active & (irq < ArmGicState.Internal ? cm : AllCpuMask)) != 0 ? 1u << i : 0;
                }

                return (byte)result;
            case < 0x800:
                irq = offset - 0x400;
                return irq >= _irqs ? BadRead(offset) : (byte)(GetPriority(irq, cpu) & FullPriorityMask);
            case < 0xc00:
                if (_cpus == 1)
                {
                    // For uniprocessor GICs these are RAZ/WI.
                    return 0;
                }

                irq = offset - 0x800;
                if (irq >= _irqs)
                {
                    return BadRead(offset);
                }

                return irq < ArmGicState.Internal ? (byte)cm : _s.IrqTarget[irq];
            case < 0xf00:
                irq = (offset - 0xc00) * 4;
                if (irq >= _irqs)
                {
                    return BadRead(offset);
                }

                for (var i = 0; i < 4; i++)
                {
                    result |= _s.IrqState[irq + i].EdgeTrigger ? 2u << (i * 2) : 0;
                }

                return (byte)result;
            case < 0xf10: return BadRead(offset);
            case < 0xf30: return _s.SgiPending[(((offset - 0xf10) & 0xf) * ArmGicState.MaxCpu) + cpu];
            case < 0xfd0: return BadRead(offset);
            default: return (offset & 3) != 0 ? (byte)0 : (_revision == 2 ? GicV2Ids : GicV1Ids)[(offset - 0xfd0) >> 2];
        }
    }

    private void DistributorWriteByte(int offset, byte value)
    {
        const int cpu = 0;
        const uint cm = 1u << cpu;
        int irq;
        switch (offset)
        {
            case 0:
                _s.Ctlr = value & (HasGroups ? CtlrEnGrp0 | CtlrEnGrp1 : CtlrEnGrp0);
                break;
            case < 4:
                break;
            case < 0x80:
                BadWrite(offset);
                return;
            case < 0x100:
                if (!HasGroups)
                {
                    break;
                }

                irq = (offset - 0x80) * 8;
                if (irq >= _irqs)
                {
                    BadWrite(offset);
                    return;
                }

                for (var i = 0; i < 8; i++)
                {
                    // Group bits are banked for private interrupts.
                    var mask = irq < ArmGicState.Internal ? cm : AllCpuMask;
                    var state = _s.IrqState[irq + i];
                    state.Group = (value & (1 << i)) != 0 ? (byte)(state.Group | mask) : (byte)(state.Group & ~mask);
                }

                break;
            case < 0x300:
                irq = (offset & 0x7f) * 8;
                if (irq >= _irqs)
                {
                    BadWrite(offset);
                    return;
                }

                WriteEnableOrPending(offset, irq, value, cm);
                break;
            case < 0x400:
                if (_revision != 2)
                {
                    BadWrite(offset);
                    return;
                }

                irq = (offset & 0x7f) * 8;
                if (irq >= _irqs)
                {
                    BadWrite(offset);
                    return;
                }

                for (var i = 0; i < 8; i++)
                {
                    if ((value & (1 << i)) == 0)
                    {
                        continue;
                    }

                    // ISACTIVER/ICACTIVER are banked per CPU for PPIs and SGIs.
                    var mask = irq < ArmGicState.Internal ? cm : AllCpuMask;
                    var state = _s.IrqState[irq + i];
                    state.Active = offset < 0x380 ? (byte)(state.Active | mask) : (byte)(state.Active & ~mask);
                }

                break;
            case < 0x800:
                irq = offset - 0x400;
                if (irq >= _irqs)
                {
                    BadWrite(offset);
                    return;
                }

                var priority = (byte)(value & FullPriorityMask);
                if (irq < ArmGicState.Internal)
                {
                    _s.Priority1[(irq * ArmGicState.MaxCpu) + cpu] = priority;
                }
                else
                {
                    _s.Priority2[irq - ArmGicState.Internal] = priority;
                }

                break;
            case < 0xc00:
                // RAZ/WI on uniprocessor GICs.
                if (_cpus != 1)
                {
                    irq = offset - 0x800;
                    if (irq >= _irqs)
                    {
                        BadWrite(offset);
                        return;
                    }

                    _s.IrqTarget[irq] = irq < ArmGicState.Internal ? (byte)AllCpuMask : value;
                }

                break;
            case < 0xf00:
                irq = (offset - 0xc00) * 4;
                if (irq >= _irqs)
                {
                    BadWrite(offset);
                    return;
                }

                var config = irq < ArmGicState.SgiCount ? value | 0xaa : value;
                for (var i = 0; i < 4; i++)
                {
                    _s.IrqState[irq + i].EdgeTrigger = (config & (2 << (i * 2))) != 0;
                }

                break;
            case < 0xf10:
                // GICD_SGIR is only handled for 32-bit writes.
                BadWrite(offset);
                return;
            case < 0xf20:
                irq = offset - 0xf10;
                var pending = _s.SgiPending[(irq * ArmGicState.MaxCpu) + cpu] &= (byte)~value;
                if (pending == 0)
                {
                    _s.IrqState[irq].Pending &= unchecked((byte)~cm);
                }

                break;
            case < 0xf30:
                irq = offset - 0xf20;
                _s.IrqState[irq].Pending |= (byte)cm;
                _s.SgiPending[(irq * ArmGicState.MaxCpu) + cpu] |= value;
                break;
            default:
                BadWrite(offset);
                return;
        }

        Update();
    }

    /// <summary>ISENABLER (0x100), ICENABLER (0x180), ISPENDR (0x200), ICPENDR (0x280) for 8 interrupts from <paramref name="irq"/>.</summary>
    private void WriteEnableOrPending(int offset, int irq, byte value, uint cm)
    {
        var register = offset & ~0x7f;
        if (irq < ArmGicState.SgiCount)
        {
            // SGIs are always enabled and their pending state is only set through GICD_SGIR/SPENDSGIR.
            value = register == 0x100 ? (byte)0xff : (byte)0;
        }

        for (var i = 0; i < 8; i++)
        {
            if ((value & (1 << i)) == 0)
            {
                continue;
            }

            var state = _s.IrqState[irq + i];
            switch (register)
            {
                case 0x100:
                    state.Enabled |= (byte)(irq < ArmGicState.Internal ? cm : AllCpuMask);
                    break;
                case 0x180:
                    state.Enabled &= (byte)~(irq < ArmGicState.Internal ? cm : AllCpuMask);
                    break;
                case 0x200:
                    state.Pending |= irq < ArmGicState.Internal ? (byte)cm : _s.IrqTarget[irq + i];
                    break;
                default:
                    // QEMU clears the pending bit for all CPUs, even for per-CPU interrupts.
                    state.Pending = 0;
                    break;
            }
        }
    }

    /// <summary>GICD_SGIR: raise SGI <c>value[3:0]</c> on the CPUs chosen by the target list filter.</summary>
    private void WriteSgir(uint value)
    {
        const int cpu = 0;
        var irq = (int)(value & 0xf);
        var mask = ((value >> 24) & 3) switch
        {
            0 => (value >> 16) & AllCpuMask,
            1 => AllCpuMask ^ (1u << cpu),
            2 => 1u << cpu,
            _ => AllCpuMask,
        };
        _s.IrqState[irq].Pending |= (byte)mask;
        for (var target = 0; target < ArmGicState.MaxCpu; target++)
        {
            if ((mask & (1u << target)) != 0)
            {
                _s.SgiPending[(irq * ArmGicState.MaxCpu) + target] |= 1 << cpu;
            }
        }

        Update();
    }

    private static byte BadRead(int offset)
    {
        if (Log.IsEnabled(LogItem.GuestErrors))
        {
            Log.Write(LogItem.GuestErrors, $"gic_dist_readb: Bad offset {offset:x}");
        }

        return 0;
    }

    private static void BadWrite(int offset)
    {
        if (Log.IsEnabled(LogItem.GuestErrors))
        {
            Log.Write(LogItem.GuestErrors, $"gic_dist_writeb: Bad offset {offset:x}");
        }
    }
}
