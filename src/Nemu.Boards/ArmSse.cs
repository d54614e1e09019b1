// Implements: QEMU 7.2 hw/arm/armsse.c, the Arm IoTKit / SSE-200 subsystem as the mps2-tz boards instantiate it
// (mprofile.md §6.4; plan §4): the "armsse-container" holding the board's "system" at priority -2 and the
// Secure aliases "alias 1" (0x1xxxxxxx → 0x0xxxxxxx) and "alias 2" (0x3xxxxxxx → 0x2xxxxxxx) at -1500; per
// CPU an "arm-sse-cpu-container<n>" (holding armsse-container, or on CPU 1 the alias "arm-sse-container-alias1",
// and "alias 3" 0x5xxxxxxx → 0x4xxxxxxx of itself at -1500) that is the armv7m's board memory; the NVIC IRQ
// fan-out to every CPU (QEMU's cpu-irq-splitter) except the per-CPU MHU lines; the PPC/MPC interrupt ORs
// (PPC combined IRQ 10, MPC combined IRQ 9) and the sec_resp_cfg fan-out to every PPC. The SSE devices are
// in ArmSseDevices.cs, the CPUs in ArmSseCpus.cs.
// Not modelled: the MSC (tz-msc) in front of the PL081 DMA masters (the DMA controllers are not modelled);
// its address spaces are created under QEMU's names so info mtree lists them.
using Nemu.Arm.Devices;
using Nemu.Core.Irq;
using Nemu.Hw.ArmSse;
using Nemu.Hw.Tz;
using Nemu.Memory;
using Nemu.System;

namespace Nemu.Boards;

/// <summary>The SSE of one mps2-tz board: containers, CPUs, SSE devices and interrupt plumbing.</summary>
internal sealed partial class ArmSse
{
    /// <summary>MAINCLK / SYSCLK of the mps2-tz boards (20 MHz).</summary>
    public const uint MainClockHz = 20_000_000;

    /// <summary>S32KCLK.</summary>
    public const uint S32kClockHz = 32_768;

    /// <summary>SSE interrupts + EXP_NUMIRQ (92) = the NVIC's num-irq.</summary>
    public const int NumIrq = 32 + 92;

    private readonly Machine _machine;
    private readonly Mps2TzFpga _fpga;
    private readonly SplitIrq?[] _irqSplit = new SplitIrq?[NumIrq];
    private readonly List<Action<bool>> _secRespSinks = [];
    private readonly List<IrqLine> _ppcIrqs = [];
    private readonly List<IrqLine> _mpcIrqs = [];

    private ArmSse(Machine machine, Mps2TzFpga fpga)
    {
        _machine = machine;
        _fpga = fpga;
        Container = MemoryRegion.CreateContainer("armsse-container", UInt128.One << 64);
        Container.AddSubregionOverlap(0, machine.SystemMemory, -2);
        Container.AddSubregionOverlap(0x10000000, MemoryRegion.CreateAlias("alias 1", Container, 0, 0x10000000), -1500);
        Container.AddSubregionOverlap(0x30000000, MemoryRegion.CreateAlias("alias 2", Container, 0x20000000, 0x10000000), -1500);
        CpuContainers = new MemoryRegion[fpga.NumCpus];
        for (var i = 0; i < fpga.NumCpus; i++)
        {
            var cpuContainer = MemoryRegion.CreateContainer($"arm-sse-cpu-container{i}", UInt128.One << 64);
            cpuContainer.AddSubregionOverlap(0, i == 0 ? Container : MemoryRegion.CreateAlias($"arm-sse-container-alias{i}", Container, 0, UInt128.One << 64), -1);
            cpuContainer.AddSubregionOverlap(0x50000000, MemoryRegion.CreateAlias("alias 3", cpuContainer, 0x40000000, 0x10000000), -1500);
            CpuContainers[i] = cpuContainer;
        }
    }

    /// <summary>"armsse-container": what every CPU sees below its private devices.</summary>
    public MemoryRegion Container { get; }

    /// <summary>"arm-sse-cpu-container&lt;n&gt;", the armv7m board memory of CPU n.</summary>
    public MemoryRegion[] CpuContainers { get; }

    /// <summary>The CPUs (armv7m containers), CPU 0 first.</summary>
    public Armv7m[] Cpus { get; private set; } = [];

    public IotkitSecctl Secctl { get; private set; } = null!;

    public IotkitSysctl Sysctl { get; private set; } = null!;

    /// <summary>Builds the SSE of <paramref name="fpga"/> over the machine's system memory.</summary>
    public static ArmSse Build(Machine machine, Mps2TzFpga fpga)
    {
        var sse = new ArmSse(machine, fpga);
        sse.CreateCpus();
        for (var n = 0; n < NumIrq; n++)
        {
            if (fpga.NumCpus > 1 && n is not (6 or 7))
            {
                var split = new SplitIrq($"cpu-irq-splitter[{n}]", fpga.NumCpus);
                for (var c = 0; c < fpga.NumCpus; c++)
                {
                    split.Outputs[c].Connect(sse.Cpus[c].IrqInput(n).Set);
                }

                sse._irqSplit[n] = split;
            }
        }

        sse.CreateDevices();
        return sse;
    }

    /// <summary>The line that drives NVIC IRQ <paramref name="n"/> of every CPU (expansion IRQs are 32 and up).</summary>
    public IrqLine Irq(int n) => _irqSplit[n]?.Input ?? Cpus[0].IrqInput(n);

    /// <summary>
    /// Wires a board PPC to the SSE's expansion PPC controls <paramref name="name"/> (e.g. "apb_ppcexp1"):
    /// cfg_nonsec/cfg_ap per port, irq_enable, irq_clear, the sec_resp_cfg fan-out, and its irq into the
    /// security controller and the PPC combined interrupt.
    /// </summary>
    public void ConnectPpc(string name, TzPpc ppc)
    {
        var controls = Secctl.ApbPpc.Concat(Secctl.ApbExpPpc).Concat(Secctl.AhbExpPpc).Single(p => p.Name == name);
        for (var port = 0; port < controls.NumPorts; port++)
        {
            controls.Nonsec[port].Connect(ppc.GetGpioIn("cfg_nonsec", port).Set);
            controls.Ap[port].Connect(ppc.GetGpioIn("cfg_ap", port).Set);
        }

        controls.IrqEnable.Connect(ppc.GetGpioIn("irq_enable", 0).Set);
        controls.IrqClear.Connect(ppc.GetGpioIn("irq_clear", 0).Set);
        _secRespSinks.Add(ppc.GetGpioIn("cfg_sec_resp", 0).Set);
        var status = Secctl.GetGpioIn($"{name}_irq_status", 0);
        var split = new SplitIrq($"{name}-irq-splitter", 2);
        split.Outputs[0].Connect(status.Set);
        var orInput = new IrqLine($"{name}-ppc-irq");
        _ppcIrqs.Add(orInput);
        split.Outputs[1].Connect(orInput.Set);
        ppc.ConnectGpioOut("irq", 0, split.Input);
    }

    /// <summary>Wires a board MPC's interrupt into SECMPCINTSTATUS bit 16+<paramref name="index"/> and the MPC combined IRQ.</summary>
    public void ConnectExpansionMpc(int index, TzMpc mpc) => ConnectMpc(mpc, Secctl.GetGpioIn("mpcexp_status", index));

    /// <summary>Finishes the wiring once every PPC and MPC is connected: the OR gates and the sec_resp fan-out.</summary>
    public void Complete()
    {
        var ppcOr = new OrIrq("ppc-irq-orgate", _ppcIrqs.Count);
        for (var i = 0; i < _ppcIrqs.Count; i++)
        {
            _ppcIrqs[i].Connect(ppcOr.Inputs[i].Set);
        }

        ppcOr.Output.Connect(Irq(10).Set);
        var mpcOr = new OrIrq("mpc-irq-orgate", _mpcIrqs.Count);
        for (var i = 0; i < _mpcIrqs.Count; i++)
        {
            _mpcIrqs[i].Connect(mpcOr.Inputs[i].Set);
        }

        mpcOr.Output.Connect(Irq(9).Set);
        var sinks = _secRespSinks.ToArray();
        Secctl.ConnectGpioOut("sec_resp_cfg", 0, new Nemu.Core.Irq.IrqLine("sec-resp-splitter", level =>
        {
            foreach (var sink in sinks)
            {
                sink(level);
            }
        }));
    }

    private void ConnectMpc(TzMpc mpc, IrqLine status)
    {
        var split = new SplitIrq("mpc-irq-splitter", 2);
        split.Outputs[0].Connect(status.Set);
        var orInput = new IrqLine("mpc-irq");
        _mpcIrqs.Add(orInput);
        split.Outputs[1].Connect(orInput.Set);
        mpc.ConnectGpioOut("irq", 0, split.Input);
    }
}
