// QEMU's IOMMUTLBEntry (include/exec/memory.h): the result of one IOMMU translation. The access continues in
// Target at TranslatedAddress | (addr & AddressMask); the translation holds for the whole naturally aligned
// block of AddressMask + 1 bytes that contains the input address.
namespace Nemu.Memory;

/// <summary>One IOMMU translation result (target address space, output address, block mask, permission).</summary>
public readonly record struct IommuTlbEntry(AddressSpace? Target, ulong Iova, ulong TranslatedAddress, ulong AddressMask, IommuAccess Perm);
