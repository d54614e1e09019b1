// The migratable state of pci-bridge (QEMU vmstate "pci_bridge": the PCI function, then the SHPC block;
// QEMU's SHPC section also carries the capability window, which the stub does not model).
using Nemu.Core.State;
using Nemu.Pci;

namespace Nemu.Hw.Pci;

/// <summary>Plain-data state of <see cref="PciBridgeDevice"/>.</summary>
public sealed class PciBridgeDeviceState
{
    public static readonly StateDescription<PciBridgeDeviceState> Vmsd =
        StateDescription<PciBridgeDeviceState>.Builder("pci_bridge", 1, 1)
            .Struct("parent_obj", s => s.Pci, PciDeviceState.Conventional)
            .Buffer("shpc", s => s.Shpc, ShpcRegisters.Size)
            .Build();

    internal PciBridgeDeviceState(PciDeviceState pci, byte[] shpc)
    {
        Pci = pci;
        Shpc = shpc;
    }

    public PciDeviceState Pci { get; }

    public byte[] Shpc { get; }
}
