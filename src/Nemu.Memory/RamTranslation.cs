// The result of following an address through IOMMU translations to directly accessible RAM (what QEMU's
// address_space_translate_for_iotlb hands tlb_set_page_with_attrs: the terminal section, the offset in it, the
// length that holds, and the protection left after every IOMMU on the way).
using Nemu.Memory.Backends;

namespace Nemu.Memory;

/// <summary>
/// Where an address lands in host memory: <see cref="Block"/> at <see cref="Offset"/>, valid for
/// <see cref="LastOffset"/> + 1 contiguous bytes (the smallest of the final section and every translation block).
/// </summary>
internal readonly record struct RamTranslation(RamBlock Block, ulong Offset, ulong LastOffset, bool Readable, bool Writable);
