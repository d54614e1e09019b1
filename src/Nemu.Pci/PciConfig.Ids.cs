// Implements: the vendor/device/class ids QEMU's PCI models use (include/hw/pci/pci_ids.h).
namespace Nemu.Pci;

/// <summary>Vendor, device and class ids (pci_ids.h).</summary>
public static class PciIds
{
    public const ushort VendorRedHat = 0x1b36;
    public const ushort DeviceRedHatBridge = 0x0001;
    public const ushort DeviceRedHatPcieHost = 0x0008;
    public const ushort DeviceRedHatPcieRootPort = 0x000c;

    public const ushort ClassBridgeHost = 0x0600;
    public const ushort ClassBridgePci = 0x0604;
}
