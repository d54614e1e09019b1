// Implements: QEMU's SysBusDevice (hw/core/sysbus.c): MMIO regions (sysbus_init_mmio, sysbus_mmio_map),
// IRQ outputs as the "sysbus-irq" GPIO list (sysbus_init_irq, sysbus_connect_irq), and sysbus_dev_print's
// "mmio %016x/%016x" qtree lines (address ffffffffffffffff while unmapped).
// Not modelled: PIO ranges, dynamic sysbus devices on platform buses.
using System.Text;
using Nemu.Core;
using Nemu.Core.Irq;
using Nemu.Memory;

namespace Nemu.Qdev;

/// <summary>Base of memory-mapped devices on the <c>main-system-bus</c>.</summary>
public abstract class SysBusDevice : Device
{
    /// <summary>QEMU's TYPE_SYS_BUS_DEVICE.</summary>
    public new const string TypeName = "sys-bus-device";

    /// <summary>The GPIO list name sysbus IRQs live under (SYSBUS_DEVICE_GPIO_IRQ).</summary>
    public const string IrqGpioName = "sysbus-irq";

    private readonly List<SysBusMmio> _mmio = [];
    private readonly List<IrqLine> _irqs = [];

    public IReadOnlyList<SysBusMmio> Mmio => _mmio;

    public int IrqCount => _irqs.Count;

    /// <summary>The IRQ output <paramref name="n"/>.</summary>
    public IrqLine GetIrq(int n) => _irqs[n];

    /// <summary>Wires IRQ output <paramref name="n"/> to <paramref name="sink"/> (sysbus_connect_irq).</summary>
    public void ConnectIrq(int n, IrqLine? sink) => _irqs[n].Connect(sink is null ? null : sink.Set);

    /// <summary>Maps MMIO region <paramref name="index"/> at <paramref name="address"/> in <paramref name="systemMemory"/> (sysbus_mmio_map).</summary>
    public void MapMmio(int index, GuestAddress address, MemoryRegion systemMemory)
    {
        var mmio = _mmio[index];
        if (mmio.Region is null)
        {
            throw new InvalidOperationException($"{Type.Name}: mmio {index} has no memory region");
        }

        if (mmio.Address is not null)
        {
            systemMemory.RemoveSubregion(mmio.Region);
        }

        mmio.Address = address.Value;
        systemMemory.AddSubregion(address.Value, mmio.Region);
    }

    /// <summary>The address MMIO region <paramref name="index"/> is mapped at, or null.</summary>
    public GuestAddress? MmioAddress(int index) => _mmio[index].Address is { } a ? new GuestAddress(a) : null;

    /// <summary>Declares an MMIO region (sysbus_init_mmio); returns its index.</summary>
    protected int InitMmio(MemoryRegion region)
    {
        _mmio.Add(new SysBusMmio(region.Name, region.Size, region));
        return _mmio.Count - 1;
    }

    /// <summary>Declares the next IRQ output (sysbus_init_irq).</summary>
    protected IrqLine InitIrq()
    {
        var line = InitGpioOut(IrqGpioName, 1)[0];
        _irqs.Add(line);
        return line;
    }

    protected internal override void PrintBusInfo(StringBuilder output, int indent)
    {
        foreach (var mmio in _mmio)
        {
            output.Append(' ', indent).Append("mmio ")
                .Append((mmio.Address ?? ulong.MaxValue).ToString("x16"))
                .Append('/')
                .Append((mmio.Size > ulong.MaxValue ? ulong.MaxValue : (ulong)mmio.Size).ToString("x16"))
                .Append('\n');
        }
    }

    /// <summary>The regions given to <c>InitMmio</c>.</summary>
    public override IEnumerable<MemoryRegion> OwnedMemoryRegionRoots => _mmio.Where(m => m.Region is not null).Select(m => m.Region!);

    protected internal override IEnumerable<string> ExtraHelpLines()
    {
        for (var i = 0; i < _irqs.Count; i++)
        {
            yield return $"  {IrqGpioName}[{i}]=<link<irq>>";
        }

        var seen = new Dictionary<string, int>();
        foreach (var mmio in _mmio)
        {
            seen.TryGetValue(mmio.Name, out var n);
            seen[mmio.Name] = n + 1;
            yield return $"  {mmio.Name}[{n}]=<child<memory-region>>";
        }
    }
}
