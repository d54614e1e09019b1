// Implements: the saved form of the MSI allocation map (seed 004: the map is migrated as an array; pre-save builds
// it, post-load rebuilds the map): "msi-allocator" = nr (uint32) + entries[pool size] of {bdf u16, kind u8,
// first u32, count u32}. Every allocation holds at least one number, so the pool size bounds the array; entries
// past nr are zero.
namespace Nemu.Pci;

/// <summary>The migratable state of an <see cref="MsiAllocator"/>.</summary>
public sealed class MsiAllocatorState
{
    public MsiAllocatorState(int capacity)
    {
        Entries = new MsiAllocatorEntry[capacity];
        for (var i = 0; i < capacity; i++)
        {
            Entries[i] = new MsiAllocatorEntry();
        }
    }

    /// <summary>How many entries are in use.</summary>
    public uint Nr;

    public MsiAllocatorEntry[] Entries { get; }
}
