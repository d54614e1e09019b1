// Implements: BAR type bits of PCI 3.0 §6.2.5.1 (pci.md §2.3): bit 0 I/O space, bits 2:1 memory type
// (00 32-bit, 10 64-bit), bit 3 prefetchable.
namespace Nemu.Pci;

/// <summary>The low bits a BAR reports: its space, width and prefetchability.</summary>
[Flags]
public enum PciBarType : byte
{
    Memory32 = 0x00,
    Io = 0x01,
    Memory64 = 0x04,
    Prefetch = 0x08,
}
