// Implements: an MSI/MSI-X message (QEMU MSIMessage, pci.md §3.2/§4.3): a 32-bit write of Data to Address.
namespace Nemu.Pci;

/// <summary>A message-signalled interrupt: the device writes <see cref="Data"/> (4 bytes, little-endian) to <see cref="Address"/>.</summary>
public readonly record struct MsiMessage(ulong Address, uint Data);
