// The armv7m container device as QEMU builds it (hw/arm/armv7m.c; mprofile.md §4, §6): owns the CPU and its NVIC,
// the container region "armv7m-container" that is the root of the CPU's address space "cpu-memory-0" (board memory
// inside it at priority -1), "nvic_sysregs" (0xE000E000, 4 KiB), "v7m_systick" (0xE000E010, 0xE0 bytes, priority
// 1), "nvic-default" (the rest of the PPB, priority -1) and, when enabled, the two 32 MiB "bitband" regions over
// 0x20000000 and 0x40000000 read through "bitband-source" address spaces. External interrupts are unnamed gpio-in
// lines 0..num-irq-1 (qdev_get_gpio_in(armv7m, n)); "NMI" is a named input; "SYSRESETREQ" a named output.
// ARMv8-M cores also get "nvic_sysregs_ns" (0xE002E000, the Non-secure alias of the SCS) and "v7m_systick_ns"
// (0xE002E010, priority 1); with the Security Extension "v7m_systick" routes to a Non-secure and a Secure SysTick by
// the access's security (SysTickRouter), as QEMU 7.2's info mtree shows under armv7m-container.
// Runtime state (CPU registers, NVIC/SCB, the Non-secure SysTick) is migrated through Armv7mState.
// Not modelled: migration of the Secure SysTick and the NVIC's Secure copies.
using Nemu.Arm.Cpu;
using Nemu.Arm.Decoding;
using Nemu.Arm.Exceptions;
using Nemu.Core.Irq;
using Nemu.Core.Time;
using Nemu.Memory;
using Nemu.Qdev;

namespace Nemu.Arm.Devices;

/// <summary>
/// QEMU's <c>armv7m</c> device. A board sets <c>cpu-type</c>, <c>num-irq</c> (and optionally <c>num-prio-bits</c>,
/// <c>enable-bitband</c>), calls <see cref="Configure"/> with its memory, time and clocks, realizes it, wires device
/// IRQs to <see cref="Device.GetGpioIn"/>(null, n), and registers <see cref="Cpu"/> as the main loop's CPU runner.
/// </summary>
public sealed class Armv7m : SysBusDevice
{
    public new const string TypeName = "armv7m";

    public static readonly DeviceType TypeInfo =
        DeviceType.Define(TypeName, () => new Armv7m())
            .Parent(SysBusDevice.TypeName)
            .String("cpu-type", d => ref d._cpuType)
            .UInt32("init-svtor", d => ref d._initSvtor)
            .UInt32("init-nsvtor", d => ref d._initNsvtor)
            .UInt32("num-irq", d => ref d._numIrq, 64)
            .UInt8("num-prio-bits", d => ref d._numPrioBits)
            .Bool("enable-bitband", d => ref d._enableBitband)
            .Bool("start-powered-off", d => ref d._startPoweredOff)
            .Bool("vfp", d => ref d._vfp, true)
            .Bool("dsp", d => ref d._dsp, true)
            .Build();

    private string? _cpuType;
    private uint _numIrq;
    private byte _numPrioBits;
    private bool _enableBitband;
    private uint _initSvtor;
    private uint _initNsvtor;
    private bool _startPoweredOff;
    private bool _vfp = true;
    private bool _dsp = true;
    private MemorySystem? _memorySystem;
    private MemoryRegion? _boardMemory;
    private MachineTime? _time;
    private uint _cpuClockHz;
    private uint _refClockHz;
    private readonly Armv7mState _state = new();

    private Armv7m() => InitState(Armv7mState.Vmsd, _state);

    /// <summary>The migratable state object (its fields hold the last saved or loaded values).</summary>
    public Armv7mState State => _state;

    /// <summary>The CPU (also the ICpuRunner to give the main loop); null before realize.</summary>
    public ArmCpu? Cpu { get; private set; }

    public Nvic? Nvic { get; private set; }

    /// <summary>The SysTick (the Non-secure one on cores with the Security Extension).</summary>
    public SysTick? SysTick { get; private set; }

    /// <summary>The Secure SysTick of a core with the Security Extension; null otherwise.</summary>
    public SysTick? SecureSysTick { get; private set; }

    /// <summary>The "armv7m-container" region (root of cpu-memory-0).</summary>
    public MemoryRegion? Container { get; private set; }

    /// <summary>The CPU's address space "cpu-memory-0".</summary>
    public AddressSpace? CpuAddressSpace { get; private set; }

    /// <summary>The Secure view "cpu-secure-memory-N" (same root; cores with the Security Extension only).</summary>
    public AddressSpace? SecureAddressSpace { get; private set; }

    /// <summary>The CPU index N in the address-space names cpu-memory-N / cpu-secure-memory-N (set before realize).</summary>
    public int CpuIndex { get; set; }

    /// <summary>
    /// The board's implementation-defined attribution unit (QEMU's "idau" link), consulted with the SAU on cores
    /// with the Security Extension; null = none (everything IDAU-Secure). Set before realize.
    /// </summary>
    public IIdau? Idau { get; set; }

    /// <summary>Raised on AIRCR.SYSRESETREQ (also driven on the "SYSRESETREQ" gpio-out).</summary>
    public Action? SystemResetRequested { get; set; }

    /// <summary>
    /// The links and clocks QEMU passes as the "memory" link and the "cpuclk"/"refclk" clocks: board memory to put
    /// in the container, the machine's time, and clock rates in Hz (refclk 0 = none, e.g. SSE boards). Call
    /// before realize.
    /// </summary>
    public void Configure(MemorySystem memorySystem, MemoryRegion boardMemory, MachineTime time, uint cpuClockHz, uint refClockHz)
    {
        _memorySystem = memorySystem;
        _boardMemory = boardMemory;
        _time = time;
        _cpuClockHz = cpuClockHz;
        _refClockHz = refClockHz;
    }

    protected override void OnRealize()
    {
        if (_memorySystem is null || _boardMemory is null || _time is null)
        {
            throw new QdevException("armv7m: memory link not set (call Configure before realize)");
        }

        if (string.IsNullOrEmpty(_cpuType))
        {
            throw new QdevException("armv7m: cpu-type must be set");
        }

        ArmCpuModel model;
        try
        {
            model = ArmCpuModels.Get(_cpuType.EndsWith("-arm-cpu", StringComparison.Ordinal) ? _cpuType[..^8] : _cpuType);
        }
        catch (ArgumentException e)
        {
            throw new QdevException("armv7m: " + e.Message);
        }

        if (!_vfp)
        {
            model = model with { Features = model.Features & ~(ArchFeatures.Fp | ArchFeatures.FpDouble | ArchFeatures.FpV5), MediaFeatures = null };
        }

        if (!_dsp)
        {
            model = model with { Features = model.Features & ~ArchFeatures.Dsp };
        }

        var container = MemoryRegion.CreateContainer("armv7m-container", UInt128.One << 64, this);
        container.AddSubregionOverlap(0, _boardMemory, -1);
        var index = CpuIndex.ToString(global::System.Globalization.CultureInfo.InvariantCulture);
        var space = new AddressSpace(_memorySystem, "cpu-memory-" + index, container);
        if (model.HasSecurityExtension)
        {
            SecureAddressSpace = new AddressSpace(_memorySystem, "cpu-secure-memory-" + index, container);
        }

        var cpu = new ArmCpu(model, space, _time)
        {
            InitSvtor = _initSvtor,
            InitNsvtor = _initNsvtor,
            PoweredOff = _startPoweredOff,
            Idau = Idau,
        };
        var prioBits = _numPrioBits == 0 ? model.DefaultPriorityBits : _numPrioBits;
        var nvic = new Nvic(cpu, (int)_numIrq, prioBits);
        var resetOut = InitGpioOut("SYSRESETREQ", 1)[0];
        nvic.SystemResetRequested = () =>
        {
            resetOut.Pulse();
            SystemResetRequested?.Invoke();
        };

        var scs = new ScsRegisters(nvic);
        container.AddSubregion(0xE000E000, MemoryRegion.CreateIo("nvic_sysregs", 0x1000, scs, this));
        var systick = new SysTick(nvic, _time, _cpuClockHz, _refClockHz);
        IMemoryRegionOps systickOps = systick;
        if (model.HasSecurityExtension)
        {
            SecureSysTick = new SysTick(nvic, _time, _cpuClockHz, _refClockHz, secure: true);
            systickOps = new SysTickRouter(systick, SecureSysTick);
        }

        container.AddSubregionOverlap(0xE000E010, MemoryRegion.CreateIo("v7m_systick", 0xE0, systickOps, this), 1);
        if (model.IsV8)
        {
            container.AddSubregion(0xE002E000, MemoryRegion.CreateIo("nvic_sysregs_ns", 0x1000, new ScsNsAlias(scs), this));
            container.AddSubregionOverlap(0xE002E010, MemoryRegion.CreateIo("v7m_systick_ns", 0xE0, new ScsNsAlias(systickOps), this), 1);
        }

        container.AddSubregionOverlap(0xE0000000, MemoryRegion.CreateIo("nvic-default", 0x100000, new PpbDefaultRegion(), this), -1);
        if (_enableBitband)
        {
            foreach (var (alias, source) in (ReadOnlySpan<(uint, uint)>)[(0x22000000u, 0x20000000u), (0x42000000u, 0x40000000u)])
            {
                var sourceSpace = new AddressSpace(_memorySystem, "bitband-source", _boardMemory);
                container.AddSubregion(alias, MemoryRegion.CreateIo("bitband", 0x2000000, new BitbandRegion(sourceSpace, source), this));
            }
        }

        InitGpioIn(null, (int)_numIrq, (n, level) => nvic.SetIrqLevel(n, level));
        InitGpioIn("NMI", 1, (_, level) =>
        {
            if (level)
            {
                nvic.SetPending(ExceptionNumber.Nmi);
            }
        });
        Container = container;
        CpuAddressSpace = space;
        Cpu = cpu;
        Nvic = nvic;
        SysTick = systick;
        _state.Owner = this;
    }

    /// <summary>System reset: the NVIC, SysTick and the CPU (which re-reads SP and PC from the vector table).</summary>
    protected override void OnReset()
    {
        SysTick?.Reset();
        SecureSysTick?.Reset();
        Cpu?.Mpu.Reset();
        if (Cpu is { } cpu)
        {
            // As QEMU's CPU reset: a core created powered off (an521 CPU1, CPUWAIT) is powered off again by every
            // system reset until the board powers it on.
            cpu.PoweredOff = _startPoweredOff;
            cpu.TakeReset();
        }

        // The CPU's FP reset sets the v7-M FPCCR; the Security Extension's banked reset values follow it.
        Nvic?.ResetFpBanks();
    }

    /// <summary>The external interrupt input <paramref name="n"/> (same as GetGpioIn(null, n)).</summary>
    public IrqLine IrqInput(int n) => GetGpioIn(null, n);
}
