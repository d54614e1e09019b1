// Implements: the consumer side of QEMU's address_space_write_rom (system/physmem.c): the memory system
// writes the bytes even where the guest sees ROM.
using Nemu.Core;

namespace Nemu.Loader.Rom;

/// <summary>What <see cref="RomSet"/> needs from the memory system to install blobs at reset.</summary>
public interface IRomWriter
{
    /// <summary>Writes <paramref name="data"/> at <paramref name="address"/>, including into ROM regions.</summary>
    MemTxResult WriteRom(GuestAddress address, ReadOnlySpan<byte> data);
}
