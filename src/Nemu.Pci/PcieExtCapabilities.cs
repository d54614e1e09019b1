// Implements: the extended capabilities of QEMU 7.2's PCIe ports (hw/pci/pcie_aer.c pcie_aer_init +
// pcie_aer_root_init, hw/pci/pcie.c pcie_acs_init; PCIe 4.0 §7.8.4, §7.7.7) with the values and write masks
// recorded from qemu-system-arm 7.2 pcie-root-port: AER v2 (0x48 bytes; severity default 0x00462030, correctable
// mask default 0xe000, ECRC/multiple-header capabilities, root error command) and ACS v1 (capability 0x5f, the
// control register writable in the same bits). Not modelled: error logging and signalling (no errors are injected).
namespace Nemu.Pci;

/// <summary>AER and ACS extended capabilities.</summary>
public static class PcieExtCapabilities
{
    public const int AerSize = 0x48;
    public const int AcsSize = 0x08;

    /// <summary>Adds AER (version 2) at <paramref name="offset"/>, as a root port has it.</summary>
    public static void AddAer(PciDevice device, int offset)
    {
        ArgumentNullException.ThrowIfNull(device);
        device.AddExtendedCapability(PciConfig.ExtCapIdAer, 2, offset, AerSize);
        SetLong(device.W1cmask, offset + 0x04, 0x03fff030);
        device.SetLong(offset + 0x0c, 0x00462030);
        SetLong(device.Wmask, offset + 0x0c, 0x03fff030);
        SetLong(device.W1cmask, offset + 0x10, 0x0000f1c1);
        device.SetLong(offset + 0x14, 0x0000e000);
        SetLong(device.Wmask, offset + 0x14, 0x0000f1c1);
        device.SetLong(offset + 0x18, 0x000002a0);
        SetLong(device.Wmask, offset + 0x18, 0x00000540);
        SetLong(device.Wmask, offset + 0x2c, 0x00000007);
        SetLong(device.W1cmask, offset + 0x30, 0x0000007f);

        // pcie_aer_init for ports: SERR forwarding in Bridge Control, received-system-error status W1C.
        device.Wmask[PciConfig.BridgeControl] |= (byte)PciConfig.BridgeControlSerr;
        device.W1cmask[PciConfig.Status + 1] |= (byte)(PciConfig.SecStatusRcvSystemError >> 8);
    }

    /// <summary>Adds ACS (version 1) at <paramref name="offset"/> with the root port's capability bits.</summary>
    public static void AddAcs(PciDevice device, int offset)
    {
        ArgumentNullException.ThrowIfNull(device);
        device.AddExtendedCapability(PciConfig.ExtCapIdAcs, 1, offset, AcsSize);
        device.SetWord(offset + 4, 0x005f);
        device.Wmask[offset + 6] = 0x5f;
    }

    private static void SetLong(byte[] mask, int offset, uint value)
    {
        for (var i = 0; i < 4; i++)
        {
            mask[offset + i] = (byte)(value >> (8 * i));
        }
    }
}
