// The migratable state of pcie-root-port (QEMU vmstate "rp": the PCI function; QEMU also carries the AER log
// and MSI-X, which piece X's state adds).
using Nemu.Core.State;
using Nemu.Pci;

namespace Nemu.Hw.Pci;

/// <summary>Plain-data state of <see cref="PcieRootPort"/>.</summary>
public sealed class PcieRootPortState
{
    public static readonly StateDescription<PcieRootPortState> Vmsd =
        StateDescription<PcieRootPortState>.Builder("rp", 1, 1)
            .Struct("parent_obj", s => s.Pci, PciDeviceState.Express)
            .Build();

    internal PcieRootPortState(PciDeviceState pci) => Pci = pci;

    public PciDeviceState Pci { get; }
}
