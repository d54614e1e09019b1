using Nemu.Core;

namespace Nemu.Memory;

/// <summary>
/// The callbacks of an I/O (MMIO) region or of a ROM device's write side (QEMU's MemoryRegionOps).
/// The memory core has already checked <see cref="Constraints"/> and split or widened the access to
/// the implemented sizes, so the size passed is always within [ImplMin, ImplMax].
/// Offsets are relative to the start of the region.
/// </summary>
public interface IMemoryRegionOps
{
    /// <summary>The valid and implemented access sizes and the device's byte order.</summary>
    AccessConstraints Constraints { get; }

    /// <summary>Reads <paramref name="size"/> bytes at <paramref name="offset"/>.</summary>
    MemTxResult Read(ulong offset, uint size, MemTxAttrs attrs, out ulong value);

    /// <summary>Writes the low <paramref name="size"/> bytes of <paramref name="value"/> at <paramref name="offset"/>.</summary>
    MemTxResult Write(ulong offset, ulong value, uint size, MemTxAttrs attrs);
}
