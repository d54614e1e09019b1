// Implements: QEMU 7.2's gpex-pcihost (hw/pci-host/gpex.c; pci.md §2.5): sysbus MMIO 0 = the ECAM window
// "pcie-mmcfg-mmio" (256 MiB; the board maps an alias "pcie-ecam" of the part it uses), MMIO 1 =
// "gpex_mmio_window" holding the "gpex_mmio" container and MMIO 2 = "gpex_ioport_window" holding "gpex_ioport"
// (64 KiB). With allow-unmapped-accesses (default) the windows are I/O regions answering like QEMU's
// unassigned_io_ops (reads all-ones, writes ignored) wherever no BAR or bridge window is mapped. Four IRQ
// outputs (INTA-INTD after the root bus's swizzle), the root bus "pcie.0" (qdev type PCIE) and the host bridge
// function gpex-root at 00:00.0. Not modelled: bypass-iommu (no IOMMU), ACPI/DT generation, gpex_route_intx
// notifiers (only the recorded SPI numbers are kept for device assignment).
// Nemu addition: an optional MSI allocator (seed 004) on the root bus whose map is a subsection of the saved state.
using Nemu.Core.Irq;
using Nemu.Core.State;
using Nemu.Memory;
using Nemu.Pci;
using Nemu.Qdev;

namespace Nemu.Hw.Pci;

/// <summary>QEMU's <c>gpex-pcihost</c>: a generic PCI Express host bridge with ECAM.</summary>
public sealed class GpexHost : SysBusDevice
{
    public new const string TypeName = "gpex-pcihost";

    /// <summary>Number of INTx outputs (GPEX_NUM_IRQS).</summary>
    public const int NumIrqs = 4;

    /// <summary>The state without an MSI allocator (QEMU's "PCIBUS" of the root bus).</summary>
    public static readonly StateDescription<GpexHostState> Vmsd = BuildVmsd(null);

    public static readonly DeviceType TypeInfo =
        DeviceType.Define(TypeName, () => new GpexHost())
            .Parent(SysBusDevice.TypeName)
            .Bool("allow-unmapped-accesses", d => ref d._allowUnmappedAccesses, true)
            .Bool("x-config-reg-migration-enabled", d => ref d._configRegMigration, true)
            .Bool("bypass-iommu", d => ref d._bypassIommu, false)
            .Build();

    private readonly IrqLine[] _irqs = new IrqLine[NumIrqs];
    private readonly int[] _irqNum = [-1, -1, -1, -1];
    private readonly GpexHostState _state;
    private bool _allowUnmappedAccesses = true;
    private bool _configRegMigration = true;
    private bool _bypassIommu;

    public GpexHost()
    {
        Ecam = new PciExpressHost(this);
        _state = new GpexHostState(this);
        InitState(Vmsd, _state);
    }

    /// <summary>The ECAM decoder and its 256 MiB region (sysbus MMIO 0).</summary>
    public PciExpressHost Ecam { get; }

    /// <summary>The PCI memory space BARs map into ("gpex_mmio", 2^64).</summary>
    public MemoryRegion? MmioSpace { get; private set; }

    /// <summary>The PCI I/O space I/O BARs map into ("gpex_ioport", 64 KiB).</summary>
    public MemoryRegion? IoSpace { get; private set; }

    /// <summary>The root bus <c>pcie.0</c> (after realize).</summary>
    public PciBus? RootBus { get; private set; }

    /// <summary>The host bridge function (after <see cref="CreateRootFunction"/>).</summary>
    public GpexRoot? Root { get; private set; }

    /// <summary>What bus-master address spaces see; defaults to the root of the machine's "memory" address space.</summary>
    public MemoryRegion? DmaRoot { get; set; }

    /// <summary>The MSI allocator watching the root bus (<see cref="AttachMsiAllocator"/>), or null.</summary>
    public MsiAllocator? MsiAllocator { get; private set; }

    /// <summary>
    /// Makes <paramref name="allocator"/> the root bus's MSI/MSI-X observer (seed 004) and part of this host's saved
    /// state: the subsection "PCIBUS/msi-allocator" carries the allocation map whenever it is not empty, and machine
    /// reset empties it. Call once after <see cref="Device.Realize"/>.
    /// </summary>
    public void AttachMsiAllocator(MsiAllocator allocator)
    {
        ArgumentNullException.ThrowIfNull(allocator);
        if (RootBus is null || MsiAllocator is not null)
        {
            throw new InvalidOperationException($"{TypeName}: attach one MSI allocator after realize");
        }

        allocator.Attach(RootBus);
        MsiAllocator = allocator;
        InitState(BuildVmsd(allocator), _state);
    }

    /// <summary>Records the interrupt number (e.g. GIC SPI) output <paramref name="index"/> is wired to (gpex_set_irq_num).</summary>
    public void SetIrqNum(int index, int gsi) => _irqNum[index] = gsi;

    /// <summary>The interrupt number output <paramref name="index"/> was recorded with, or -1.</summary>
    public int GetIrqNum(int index) => _irqNum[index];

    /// <summary>
    /// Creates and realizes the gpex-root function at 00:00.0 on the root bus (QEMU realizes its child
    /// "gpex_root" inside gpex_host_realize). Call once after <see cref="Device.Realize"/>.
    /// </summary>
    public GpexRoot CreateRootFunction(QdevTree tree)
    {
        ArgumentNullException.ThrowIfNull(tree);
        if (RootBus is null)
        {
            throw new InvalidOperationException($"{TypeName}: realize before creating the root function");
        }

        var name = Path is { } path && path.StartsWith("/machine/", StringComparison.Ordinal)
            ? $"{path["/machine/".Length..]}/gpex_root"
            : null;
        var root = tree.Create<GpexRoot>(GpexRoot.TypeName, name, RootBus.QdevBus);
        root.SetProperty("addr", "00.0");
        root.Realize();
        Root = root;
        return root;
    }

    protected override void OnRealize()
    {
        // Without a machine memory system (state self-checks) functions get no bus-master address space.
        MemorySystem? system = null;
        try
        {
            system = GetService<MemorySystem>();
        }
        catch (QdevException)
        {
        }

        var dmaRoot = DmaRoot ?? (system is null ? null : FindSystemMemory(system));
        MmioSpace = MemoryRegion.CreateContainer("gpex_mmio", ulong.MaxValue, this);
        IoSpace = MemoryRegion.CreateContainer("gpex_ioport", 0x10000, this);
        InitMmio(Ecam.Region);
        if (_allowUnmappedAccesses)
        {
            var mmioWindow = MemoryRegion.CreateIo("gpex_mmio_window", ulong.MaxValue, UnassignedIoOps.Instance, this);
            var ioWindow = MemoryRegion.CreateIo("gpex_ioport_window", 0x10000, UnassignedIoOps.Instance, this);
            mmioWindow.AddSubregion(0, MmioSpace);
            ioWindow.AddSubregion(0, IoSpace);
            InitMmio(mmioWindow);
            InitMmio(ioWindow);
        }
        else
        {
            InitMmio(MmioSpace);
            InitMmio(IoSpace);
        }

        for (var i = 0; i < NumIrqs; i++)
        {
            _irqs[i] = InitIrq();
        }

        var qdevBus = CreateChildBus("pcie.0", PciDevice.ExpressBusTypeName);
        RootBus = new PciBus(qdevBus, MmioSpace, IoSpace, null)
        {
            MemorySystem = system,
            DmaRoot = dmaRoot,
            SetIrqHandler = SetIrq,
            // virt (the only board with this host) sets MachineClass.pci_allow_0_address: QEMU 7.2 maps a BAR
            // programmed to 0 there (`info pci`: "32 bit memory at 0x00000000 [0x000fffff]").
            AllowZeroAddress = true,
        };
        Ecam.RootBus = RootBus;
    }

    // The allocator's map is a subsection, so a stream from a machine without allocations (or without an allocator)
    // loads as before; the nested description is the allocator's own (its array length is the pool size).
    private static StateDescription<GpexHostState> BuildVmsd(MsiAllocator? allocator)
    {
        var builder = StateDescription<GpexHostState>.Builder("PCIBUS", 1, 1)
            .Int32("nirq", s => ref s.Nirq, NumIrqs)
            .UInt32Array("irq_count", s => s.IrqCount, NumIrqs)
            .PreSave(s => s.Host.SaveIrqCounts(s))
            .PreLoad(s => s.Host.MsiAllocator?.Reset())
            .PostLoad((s, _) => s.Host.RootBus?.RestoreIrqCounts(s.IrqCount));
        if (allocator is not null)
        {
            var map = StateDescription<GpexHostState>.Builder("PCIBUS/msi-allocator", 1, 1)
                .Struct("map", s => s.Host.MsiAllocator!.State, allocator.Vmsd)
                .Build();
            builder.Subsection(map, s => s.Host.MsiAllocator is { Allocations.Count: > 0 });
        }

        return builder.Build();
    }

    protected override void OnReset() => MsiAllocator?.Reset();

    private static MemoryRegion? FindSystemMemory(MemorySystem system)
    {
        foreach (var space in system.AddressSpaces)
        {
            if (space.Name == "memory")
            {
                return space.Root;
            }
        }

        return null;
    }

    // gpex_set_irq.
    private void SetIrq(int line, bool level) => _irqs[line].Set(level);

    private void SaveIrqCounts(GpexHostState state)
    {
        for (var i = 0; i < NumIrqs; i++)
        {
            state.IrqCount[i] = (uint)(RootBus?.IrqCount(i) ?? 0);
        }
    }
}
