// Implements: QEMU's vmstate_pci_device "PCIDevice" v2 (hw/pci/pci.c; management.md §4): version_id, the config
// bytes (256 or 4096) and irq_state (one int32 per INTx pin). Loading checks QEMU's rule (get_pci_config_device):
// a byte differing where cmask & ~wmask & ~w1cmask is set fails with "Bad config data"; then BARs, bridge
// windows and bus mastering are re-derived from the loaded bytes.
using Nemu.Core.State;

namespace Nemu.Pci;

/// <summary>Migratable PCI function state; embed it in a device's state description with <see cref="For"/>.</summary>
public sealed class PciDeviceState
{
    /// <summary>The description of a conventional function (256 config bytes).</summary>
    public static readonly StateDescription<PciDeviceState> Conventional = Build(PciConfig.ConfigSpaceSize);

    /// <summary>The description of a PCI Express function (4096 config bytes).</summary>
    public static readonly StateDescription<PciDeviceState> Express = Build(PciConfig.ExpressConfigSpaceSize);

    internal PciDeviceState(PciDevice device)
    {
        Device = device;
        Config = new byte[device.Config.Length];
    }

    public int VersionId = 2;

    public byte[] Config;

    public readonly uint[] IrqState = new uint[PciDevice.PinCount];

    internal PciDevice Device { get; }

    /// <summary>The description matching a function's config size (VMSTATE_PCI_DEVICE / VMSTATE_PCI_DEVICE for PCIe).</summary>
    public static StateDescription<PciDeviceState> For(PciDevice device)
    {
        ArgumentNullException.ThrowIfNull(device);
        return device.IsExpress ? Express : Conventional;
    }

    private static StateDescription<PciDeviceState> Build(int size) =>
        StateDescription<PciDeviceState>.Builder("PCIDevice", 2, 1)
            .Int32("version_id", s => ref s.VersionId, 2)
            .Buffer("config", s => s.Config, size)
            .UInt32Array("irq_state", s => s.IrqState, PciDevice.PinCount, sinceVersion: 2)
            .PreSave(s => s.Device.SaveState(s))
            .PostLoad((s, _) => s.Device.LoadState(s))
            .Build();
}
