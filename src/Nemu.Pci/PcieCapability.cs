// Implements: the PCI Express capability of a root port as QEMU 7.2 builds it (hw/pci/pcie.c pcie_cap_init v2,
// pcie_cap_slot_init, pcie_cap_root_init, pcie_cap_deverr_init, pcie_cap_arifwd_init; PCIe 4.0 §7.5.3), with
// the register values and write masks recorded from qemu-system-arm 7.2 for pcie-root-port (x-speed 16 GT/s,
// x-width 32): Device Control error-reporting enables, Slot Control (indicators, power, interrupt enables),
// Root Control error enables, Device Control 2 ARI forwarding and End-End TLP prefix blocking.
// Not modelled: link training, hot-plug event signalling (only Command Completed is set), power-off unplug.
namespace Nemu.Pci;

/// <summary>Builds and updates a v2 PCI Express capability.</summary>
public static class PcieCapability
{
    /// <summary>Size of a v2 capability (PCI_EXP_VER2_SIZEOF).</summary>
    public const int Ver2Size = 0x3c;

    public const int DevCap = 0x04;
    public const int DevCtl = 0x08;
    public const int DevSta = 0x0a;
    public const int LinkCap = 0x0c;
    public const int LinkCtl = 0x10;
    public const int LinkSta = 0x12;
    public const int SlotCap = 0x14;
    public const int SlotCtl = 0x18;
    public const int SlotSta = 0x1a;
    public const int RootCtl = 0x1c;
    public const int RootSta = 0x20;
    public const int DevCap2 = 0x24;
    public const int DevCtl2 = 0x28;
    public const int LinkCap2 = 0x2c;
    public const int LinkCtl2 = 0x30;

    public const ushort LinkStaDllla = 0x2000;
    public const ushort SlotCtlPicOn = 0x0100;
    public const ushort SlotCtlPicOff = 0x0300;
    public const ushort SlotCtlAicOff = 0x00c0;
    public const ushort SlotCtlPcc = 0x0400;
    public const ushort SlotCtlEic = 0x0800;
    public const ushort SlotStaCc = 0x0010;
    public const ushort SlotStaEis = 0x0080;
    public const ushort SlotStaPds = 0x0040;

    /// <summary>Adds the capability of a root port (type 4) with a slot at <paramref name="offset"/>; returns the offset or -1.</summary>
    public static int InitRootPort(PciDevice device, int offset, byte port, ushort slot, out string? error)
    {
        ArgumentNullException.ThrowIfNull(device);
        offset = device.AddCapability(PciConfig.CapIdExpress, offset, Ver2Size, out error);
        if (offset < 0)
        {
            return -1;
        }

        // Flags: version 2, device/port type 4 (root port), slot implemented.
        device.SetWord(offset + 2, 0x0142);
        device.SetLong(offset + DevCap, 0x00008000);
        device.SetLong(offset + LinkCap, 0x00300604u | ((uint)port << 24));
        device.SetWord(offset + LinkSta, 0x0204);
        device.SetLong(offset + SlotCap, 0x0002007bu | ((uint)slot << 19));
        device.SetWord(offset + SlotCtl, SlotCtlPicOff | SlotCtlAicOff | SlotCtlPcc);
        device.SetLong(offset + DevCap2, 0x00300020);
        device.SetLong(offset + LinkCap2, 0x0000001e);
        device.SetWord(offset + LinkCtl2, 0x0004);

        SetMask(device.Wmask, offset + DevCtl, 0x000f);
        SetMask(device.W1cmask, offset + DevSta, 0x000f);
        SetMask(device.Wmask, offset + SlotCtl, 0x07f9);
        SetMask(device.W1cmask, offset + SlotSta, 0x011f);
        SetMask(device.Wmask, offset + RootCtl, 0x0007);
        SetMask(device.W1cmask, offset + RootSta + 2, 0x0001);
        SetMask(device.Wmask, offset + DevCtl2, 0x8020);
        return offset;
    }

    /// <summary>pcie_cap_slot_reset: indicators and power follow whether a function is present.</summary>
    public static void ResetSlot(PciDevice device, int offset, bool populated)
    {
        ArgumentNullException.ThrowIfNull(device);
        var control = (ushort)(device.GetWord(offset + SlotCtl) & ~(SlotCtlPicOff | SlotCtlAicOff | SlotCtlPcc));
        control |= populated ? (ushort)(SlotCtlPicOn | SlotCtlAicOff) : (ushort)(SlotCtlPicOff | SlotCtlAicOff | SlotCtlPcc);
        device.SetWord(offset + SlotCtl, control);
    }

    /// <summary>A function was cold-plugged below the port: Presence Detect State, and Data Link Layer Link Active.</summary>
    public static void SlotPlugged(PciDevice device, int offset, bool linkActive)
    {
        ArgumentNullException.ThrowIfNull(device);
        device.SetWord(offset + SlotSta, (ushort)(device.GetWord(offset + SlotSta) | SlotStaPds));
        if (linkActive)
        {
            device.SetWord(offset + LinkSta, (ushort)(device.GetWord(offset + LinkSta) | LinkStaDllla));
        }
    }

    /// <summary>pcie_cap_slot_write_config: Electromechanical Interlock Control toggles its status; Command Completed is set.</summary>
    public static void SlotControlWritten(PciDevice device, int offset, ushort written)
    {
        ArgumentNullException.ThrowIfNull(device);
        var status = device.GetWord(offset + SlotSta);
        if ((written & SlotCtlEic) != 0)
        {
            status ^= SlotStaEis;
        }

        device.SetWord(offset + SlotSta, (ushort)(status | SlotStaCc));
    }

    private static void SetMask(byte[] mask, int offset, ushort value)
    {
        mask[offset] = (byte)value;
        mask[offset + 1] = (byte)(value >> 8);
    }
}
