// Implements: QEMU 7.2 hw/intc/arm_gic.c + arm_gic_common.c, the `arm_gic` sysbus device (Arm GIC architecture
// v1/v2, IHI 0048B): properties num-cpu / num-irq / revision / has-security-extensions /
// has-virtualization-extensions / num-priority-bits with QEMU's realize checks and texts; gpio inputs ordered
// [0, num-irq - 32) = SPIs (so qtest input N is SPI N), then 32 PPI lines per CPU; sysbus outputs IRQ×cpus,
// FIQ×cpus, VIRQ×cpus, VFIQ×cpus; regions gic_dist (4 KiB), gic_cpu (8 KiB on v2, 256 B on v1, the "current
// CPU" interface) and one 256-byte gic_cpu per CPU; reset as arm_gic_common_reset_hold; the best-pending-interrupt
// computation and output levels of gic_update; gic_set_irq's level/edge semantics (a level interrupt is pending
// while its line is high or after GICD_ISPENDR; an edge interrupt latches pending on a rising edge).
// The register decoding lives in ArmGic.Distributor.cs and ArmGic.CpuInterface.cs.
// Not modelled: the security extensions and the virtualization extensions (realize refuses them with a
// Nemu message), the 11MPCore (revision 0) variant, KVM. There is no CPU yet: every access is made by CPU
// interface 0, which is what QEMU does for a uniprocessor GIC and under qtest (gic_get_current_cpu).
using Nemu.Core.Irq;
using Nemu.Hw.Misc;
using Nemu.Memory;
using Nemu.Qdev;

namespace Nemu.Hw.Intc;

/// <summary>QEMU's <c>arm_gic</c>: a GICv1/GICv2 distributor with its CPU interfaces.</summary>
public sealed partial class ArmGic : HwSysBusDevice
{
    public new const string TypeName = "arm_gic";

    /// <summary>The interrupt ID read from GICC_IAR/HPPIR when nothing is pending.</summary>
    public const int Spurious = 1023;

    private const uint AllCpuMask = 0xff;
    private const int MinBpr = 0;
    private const int MinAbpr = MinBpr + 1;
    private const int MinPriorityBits = 4;
    private const int MaxPriorityBits = 8;
    private const uint CtlrEnGrp0 = 1u << 0;
    private const uint CtlrEnGrp1 = 1u << 1;
    private const uint CpuCtlrAckCtl = 1u << 2;
    private const uint CpuCtlrFiqEn = 1u << 3;
    private const uint CpuCtlrCbpr = 1u << 4;
    private const uint CpuCtlrEoiMode = 1u << 9;
    private const uint CpuCtlrV1Mask = 0x1;
    private const uint CpuCtlrV2Mask = 0x21f;

    public static readonly DeviceType TypeInfo =
        DeviceType.Define(TypeName, () => new ArmGic())
            .Parent(SysBusDevice.TypeName)
            .UInt32("num-cpu", d => ref d._numCpu, 1)
            .UInt32("num-irq", d => ref d._numIrq, 32)
            .UInt32("revision", d => ref d._revision, 1)
            .Bool("has-security-extensions", d => ref d._securityExtn)
            .Bool("has-virtualization-extensions", d => ref d._virtExtn)
            .UInt32("num-priority-bits", d => ref d._priorityBits, 8)
            .Build();

    private readonly ArmGicState _s = new();
    private uint _numCpu = 1;
    private uint _numIrq = 32;
    private uint _revision = 1;
    private bool _securityExtn;
    private bool _virtExtn;
    private uint _priorityBits = 8;
    private int _cpus;
    private int _irqs;
    private IrqLine[] _irqOut = [];
    private IrqLine[] _fiqOut = [];
    private IrqLine[] _virqOut = [];
    private IrqLine[] _vfiqOut = [];

    private ArmGic()
    {
        InitState(ArmGicState.Vmsd, _s);
    }

    /// <summary>The live state (read-only use in tests and the monitor).</summary>
    public ArmGicState State => _s;

    /// <summary>num-irq: SPIs + 32.</summary>
    public int InterruptCount => _irqs;

    /// <summary>The gpio input of SPI <paramref name="spi"/> (interrupt ID 32 + spi).</summary>
    public IrqLine SpiInput(int spi) => GetGpioIn(null, spi);

    /// <summary>The gpio input of PPI <paramref name="ppi"/> (interrupt ID <paramref name="ppi"/>, 16..31) of <paramref name="cpu"/>.</summary>
    public IrqLine PpiInput(int cpu, int ppi) => GetGpioIn(null, _irqs - ArmGicState.Internal + (cpu * ArmGicState.Internal) + ppi);

    /// <summary>The IRQ output towards <paramref name="cpu"/>.</summary>
    public IrqLine IrqOutput(int cpu) => _irqOut[cpu];

    /// <summary>The FIQ output towards <paramref name="cpu"/>.</summary>
    public IrqLine FiqOutput(int cpu) => _fiqOut[cpu];

    private bool HasGroups => _revision == 2;

    private uint FullPriorityMask => 0xffu & (~0u << (int)(8 - _priorityBits));

    protected override void OnRealize()
    {
        if (_numCpu > ArmGicState.MaxCpu)
        {
            throw new QdevException($"requested {_numCpu} CPUs exceeds GIC maximum {ArmGicState.MaxCpu}");
        }

        if (_numIrq > ArmGicState.MaxIrq)
        {
            throw new QdevException($"requested {_numIrq} interrupt lines exceeds GIC maximum {ArmGicState.MaxIrq}");
        }

        if (_numIrq < 32 || _numIrq % 32 != 0)
        {
            throw new QdevException($"{(int)_numIrq} interrupt lines unsupported: not divisible by 32");
        }

        if (_revision is not (1 or 2))
        {
            throw new QdevException($"arm_gic: revision {_revision} is not supported by Nemu (only GICv1 and GICv2)");
        }

        if (_securityExtn || _virtExtn)
        {
            throw new QdevException("arm_gic: the security and virtualization extensions are not supported by Nemu");
        }

        if (_priorityBits is > MaxPriorityBits or < MinPriorityBits)
        {
            throw new QdevException($"num-priority-bits cannot be greater than {MaxPriorityBits} or less than {MinPriorityBits}");
        }

        _cpus = (int)_numCpu;
        _irqs = (int)_numIrq;
        InitGpioIn(null, _irqs - ArmGicState.Internal + (ArmGicState.Internal * _cpus), SetIrq);
        _irqOut = InitIrqs(_cpus);
        _fiqOut = InitIrqs(_cpus);
        _virqOut = InitIrqs(_cpus);
        _vfiqOut = InitIrqs(_cpus);
        InitMmio(MemoryRegion.CreateIo("gic_dist", 0x1000, new ArmGicRegionOps(this, ArmGicRegionOps.Kind.Distributor, 0), this));
        InitMmio(MemoryRegion.CreateIo("gic_cpu", _revision == 2 ? 0x2000u : 0x100u, new ArmGicRegionOps(this, ArmGicRegionOps.Kind.CpuInterface, 0), this));
        for (var cpu = 0; cpu < _cpus; cpu++)
        {
            InitMmio(MemoryRegion.CreateIo("gic_cpu", 0x100, new ArmGicRegionOps(this, ArmGicRegionOps.Kind.CpuInterface, cpu), this));
        }
    }

    /// <summary>arm_gic_common_reset_hold on top of the all-zero state the description restored.</summary>
    protected override void OnReset()
    {
        for (var cpu = 0; cpu < _cpus; cpu++)
        {
            _s.CurrentPending[cpu] = Spurious;
            _s.RunningPriority[cpu] = 0x100;
            _s.Bpr[cpu] = MinBpr;
            _s.Abpr[cpu] = MinAbpr;
        }

        for (var irq = 0; irq < ArmGicState.SgiCount; irq++)
        {
            _s.IrqState[irq].Enabled = (byte)AllCpuMask;
            _s.IrqState[irq].EdgeTrigger = true;
        }

        if (_cpus == 1)
        {
            // For uniprocessor GICs all interrupts always target the sole CPU.
            Array.Fill(_s.IrqTarget, (byte)1);
        }

        Update();
    }

    private IrqLine[] InitIrqs(int count)
    {
        var lines = new IrqLine[count];
        for (var i = 0; i < count; i++)
        {
            lines[i] = InitIrq();
        }

        return lines;
    }

    /// <summary>gic_set_irq: a change on gpio input <paramref name="line"/> (SPIs first, then PPIs per CPU).</summary>
    private void SetIrq(int line, bool level)
    {
        uint cm, target;
        int irq;
        if (line < _irqs - ArmGicState.Internal)
        {
            cm = AllCpuMask;
            irq = line + ArmGicState.Internal;
            target = _s.IrqTarget[irq];
        }
        else
        {
            line -= _irqs - ArmGicState.Internal;
            var cpu = line / ArmGicState.Internal;
            irq = line % ArmGicState.Internal;
            cm = 1u << cpu;
            target = cm;
        }

        // QEMU asserts here: the PPI lines of SGI numbers do not exist as interrupts.
        if (irq < ArmGicState.SgiCount)
        {
            return;
        }

        var state = _s.IrqState[irq];
        if (level == ((state.Level & cm) != 0))
        {
            return;
        }

        if (level)
        {
            state.Level |= (byte)cm;
            if (state.EdgeTrigger)
            {
                state.Pending |= (byte)target;
            }
        }
        else
        {
            state.Level &= (byte)~cm;
        }

        Update();
    }

    /// <summary>gic_test_pending: latched, or a level interrupt whose line is high.</summary>
    private bool TestPending(int irq, uint cm)
    {
        var state = _s.IrqState[irq];
        return (state.Pending & cm) != 0 || (!state.EdgeTrigger && (state.Level & cm) != 0);
    }

    private bool TestGroup(int irq, int cpu) => (_s.IrqState[irq].Group & (1u << cpu)) != 0;

    private int GetPriority(int irq, int cpu) =>
        irq < ArmGicState.Internal ? _s.Priority1[(irq * ArmGicState.MaxCpu) + cpu] : _s.Priority2[irq - ArmGicState.Internal];

    /// <summary>gic_update: the best pending interrupt of each CPU interface and its IRQ/FIQ output levels.</summary>
    private void Update()
    {
        for (var cpu = 0; cpu < _cpus; cpu++)
        {
            var cm = 1u << cpu;
            _s.CurrentPending[cpu] = Spurious;
            if (!SignalingEnabled(cpu, CtlrEnGrp0 | CtlrEnGrp1))
            {
                _irqOut[cpu].Set(false);
                _fiqOut[cpu].Set(false);
                continue;
            }

            var bestIrq = Spurious;
            var bestPriority = 0x100;
            for (var irq = 0; irq < _irqs; irq++)
            {
                var state = _s.IrqState[irq];
                if ((state.Enabled & cm) != 0 && TestPending(irq, cm) && (state.Active & cm) == 0
                    && (irq < ArmGicState.Internal || (_s.IrqTarget[irq] & cm) != 0))
                {
                    var priority = GetPriority(irq, cpu);
                    if (priority < bestPriority)
                    {
                        bestPriority = priority;
                        bestIrq = irq;
                    }
                }
            }

            bool irqLevel = false, fiqLevel = false;
            if (bestPriority < _s.PriorityMask[cpu])
            {
                _s.CurrentPending[cpu] = (ushort)bestIrq;
                var group = TestGroup(bestIrq, cpu) ? 1 : 0;
                if (bestPriority < _s.RunningPriority[cpu] && SignalingEnabled(cpu, 1u << group))
                {
                    if (group == 0 && (_s.CpuCtlr[cpu] & CpuCtlrFiqEn) != 0)
                    {
                        fiqLevel = true;
                    }
                    else
                    {
                        irqLevel = true;
                    }
                }
            }

            _irqOut[cpu].Set(irqLevel);
            _fiqOut[cpu].Set(fiqLevel);
        }
    }

    private bool SignalingEnabled(int cpu, uint groupMask) => (_s.Ctlr & groupMask) != 0 && (_s.CpuCtlr[cpu] & groupMask) != 0;
}
