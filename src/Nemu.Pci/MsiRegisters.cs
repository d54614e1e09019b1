// Implements: the MSI capability layout of PCI Local Bus 3.0 §6.8.1 (pci.md §3) as named offsets and bits,
// with QEMU's names (PCI_MSI_*) so msi.c reads across; offsets are relative to the capability start.
namespace Nemu.Pci;

/// <summary>MSI capability register offsets, Message Control bits and capability sizes.</summary>
public static class MsiRegisters
{
    /// <summary>Message Control (16 bits).</summary>
    public const int Flags = 0x02;
    public const int AddressLo = 0x04;

    /// <summary>Upper address (64-bit capable functions only).</summary>
    public const int AddressHi = 0x08;
    public const int Data32 = 0x08;
    public const int Data64 = 0x0c;
    public const int Mask32 = 0x0c;
    public const int Mask64 = 0x10;
    public const int Pending32 = 0x10;
    public const int Pending64 = 0x14;

    /// <summary>MSI Enable.</summary>
    public const ushort FlagsEnable = 0x0001;

    /// <summary>Multiple Message Capable (log2 of the vectors the function supports, read-only).</summary>
    public const ushort FlagsQmask = 0x000e;

    /// <summary>Multiple Message Enable (log2 of the vectors software allocated).</summary>
    public const ushort FlagsQsize = 0x0070;
    public const ushort Flags64Bit = 0x0080;

    /// <summary>Per-vector masking capable.</summary>
    public const ushort FlagsMaskBit = 0x0100;

    /// <summary>Address bits 1:0 are reserved (read-only zero).</summary>
    public const uint AddressLoMask = 0xffff_fffc;

    public const int VectorsMax = 32;

    /// <summary>Capability sizes: 32-bit, 64-bit, 32-bit with masking, 64-bit with masking (QEMU msi_cap_sizeof).</summary>
    public const int Size32 = 0x0a;
    public const int Size64 = 0x0e;
    public const int Size32Masked = 0x14;
    public const int Size64Masked = 0x18;

    /// <summary>The capability size for a Message Control value.</summary>
    public static int CapabilitySize(ushort flags) => (flags & (FlagsMaskBit | Flags64Bit)) switch
    {
        FlagsMaskBit | Flags64Bit => Size64Masked,
        Flags64Bit => Size64,
        FlagsMaskBit => Size32Masked,
        _ => Size32,
    };
}
