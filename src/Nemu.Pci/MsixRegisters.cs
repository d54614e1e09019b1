// Implements: the MSI-X capability and table layout of PCI Local Bus 3.0 §6.8.2 (pci.md §4.1) as named offsets
// and bits, with QEMU's names (PCI_MSIX_*); capability offsets are relative to the capability start.
namespace Nemu.Pci;

/// <summary>MSI-X capability registers, Message Control bits and table entry layout.</summary>
public static class MsixRegisters
{
    /// <summary>Message Control (16 bits).</summary>
    public const int Flags = 0x02;

    /// <summary>Table Offset / Table BIR.</summary>
    public const int Table = 0x04;

    /// <summary>PBA Offset / PBA BIR.</summary>
    public const int Pba = 0x08;

    /// <summary>Capability length (QEMU MSIX_CAP_LENGTH).</summary>
    public const int CapLength = 12;

    /// <summary>The Message Control byte that holds Enable and Function Mask (QEMU MSIX_CONTROL_OFFSET).</summary>
    public const int ControlByte = Flags + 1;

    /// <summary>Table Size (N-1), read-only.</summary>
    public const ushort FlagsQsize = 0x07ff;
    public const ushort FlagsMaskAll = 0x4000;
    public const ushort FlagsEnable = 0x8000;

    /// <summary>Enable and Function Mask as bits of <see cref="ControlByte"/>.</summary>
    public const byte ControlEnable = 0x80;
    public const byte ControlMaskAll = 0x40;

    /// <summary>Low bits of the table/PBA offset registers hold the BIR.</summary>
    public const uint BirMask = 0x7;

    public const int MaxVectors = FlagsQsize + 1;

    /// <summary>Table entry size and field offsets.</summary>
    public const int EntrySize = 16;
    public const int EntryLowerAddress = 0;
    public const int EntryUpperAddress = 4;
    public const int EntryData = 8;
    public const int EntryVectorControl = 12;

    /// <summary>Vector Control bit 0: the vector is masked.</summary>
    public const byte EntryCtrlMaskBit = 0x01;

    /// <summary>Bytes QEMU allocates for the PBA of <paramref name="vectors"/> entries: QEMU_ALIGN_UP(N, 64) / 8.</summary>
    public static int PbaSize(int vectors) => (vectors + 63) / 64 * 8;
}
