// What SYS_HEAPINFO looks at (management.md §7, QEMU's common_semi_find_bases): the RAM of the CPU's flat view
// and the ROM blobs installed at reset.
using Nemu.Loader.Rom;
using Nemu.Memory;
using Nemu.Semihosting;

namespace Nemu.Boards;

/// <summary><see cref="ISemihostingMemoryLayout"/> over an address space's RAM sections and a machine's ROM set.</summary>
public sealed class MachineSemihostingLayout(AddressSpace space, RomSet roms) : ISemihostingMemoryLayout
{
    public IReadOnlyList<GuestRange> GetWritableRamRanges()
    {
        var ranges = new List<GuestRange>();
        foreach (var section in space.GetSections())
        {
            if (section.Region.IsRam && !section.ReadOnly && section.Size <= ulong.MaxValue)
            {
                ranges.Add(new GuestRange(section.OffsetWithinAddressSpace, (ulong)section.Size));
            }
        }

        return ranges;
    }

    public IReadOnlyList<GuestRange> GetRomBlobs() => [.. roms.Blobs.Select(b => new GuestRange(b.Address.Value, b.Size))];
}
