// One PPC's control lines in QEMU 7.2 hw/misc/iotkit-secctl.c (IoTKitSecCtlPPC): the cfg_nonsec and cfg_ap
// outputs per port, irq_enable/irq_clear from SECPPCINTEN/SECPPCINTSTAT at the PPC's bit, and the irq_status
// input that sets that bit. cfg_ap[port] = NS[port] ? NSP[port] : SP[port].
using Nemu.Core.Irq;

namespace Nemu.Hw.ArmSse;

/// <summary>The security controller's view of one TZ PPC (its named GPIO group <c>&lt;name&gt;_*</c>).</summary>
public sealed class IotkitSecctlPpc
{
    internal IotkitSecctlPpc(string name, int numPorts, int irqBit, IotkitSecctlPpcState state, IrqLine[] nonsec, IrqLine[] ap, IrqLine irqEnable, IrqLine irqClear)
    {
        Name = name;
        NumPorts = numPorts;
        IrqBit = irqBit;
        State = state;
        Nonsec = nonsec;
        Ap = ap;
        IrqEnable = irqEnable;
        IrqClear = irqClear;
    }

    /// <summary>The GPIO group prefix, e.g. "apb_ppcexp1".</summary>
    public string Name { get; }

    public int NumPorts { get; }

    /// <summary>This PPC's bit in SECPPCINTSTAT/CLR/EN.</summary>
    public int IrqBit { get; }

    public IotkitSecctlPpcState State { get; }

    /// <summary>The <c>&lt;name&gt;_nonsec</c> outputs, one per port (to the PPC's cfg_nonsec).</summary>
    public IrqLine[] Nonsec { get; }

    /// <summary>The <c>&lt;name&gt;_ap</c> outputs, one per port (to the PPC's cfg_ap).</summary>
    public IrqLine[] Ap { get; }

    /// <summary>The <c>&lt;name&gt;_irq_enable</c> output.</summary>
    public IrqLine IrqEnable { get; }

    /// <summary>The <c>&lt;name&gt;_irq_clear</c> output.</summary>
    public IrqLine IrqClear { get; }

    internal uint PortMask => (uint)((1ul << NumPorts) - 1);

    internal void WriteNs(uint value)
    {
        State.Ns = value & PortMask;
        for (var i = 0; i < NumPorts; i++)
        {
            Nonsec[i].Set(((State.Ns >> i) & 1) != 0);
        }

        UpdateAp();
    }

    internal void WriteSp(uint value)
    {
        State.Sp = value & PortMask;
        UpdateAp();
    }

    internal void WriteNsp(uint value)
    {
        State.Nsp = value & PortMask;
        UpdateAp();
    }

    internal void UpdateAp()
    {
        for (var i = 0; i < NumPorts; i++)
        {
            var ap = ((State.Ns >> i) & 1) != 0 ? State.Nsp : State.Sp;
            Ap[i].Set(((ap >> i) & 1) != 0);
        }
    }
}
