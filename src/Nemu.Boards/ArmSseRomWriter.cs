// Implements: QEMU's rom_reset / address_space_write_rom for the SSE boards, where every SSRAM/SRAM byte sits
// behind a TZ MPC (an IOMMU region): the write follows the IOMMU translation with unspecified attributes (which
// the MPC passes, mprofile.md §6.1) into the downstream RAM. Blobs of -kernel go through CPU0's secure address
// space (armv7m_load_kernel uses the CPU's address space), every other blob (-device loader) through the
// system memory (address_space_memory), as in QEMU.
using Nemu.Core;
using Nemu.Loader.Rom;
using Nemu.Memory;

namespace Nemu.Boards;

/// <summary>An <see cref="IRomWriter"/> that writes through IOMMU regions and routes kernel blobs to the CPU's view.</summary>
internal sealed class ArmSseRomWriter(AddressSpace system, AddressSpace cpuSecure) : IRomWriter, IRomMemoryKind
{
    private readonly HashSet<(ulong Address, int Length)> _kernelBlobs = [];

    /// <summary>Marks <paramref name="blob"/> as a -kernel blob (written through CPU0's secure address space).</summary>
    public void AddKernelBlob(RomBlob blob) => _kernelBlobs.Add((blob.Address.Value, blob.Data.Length));

    public MemTxResult WriteRom(GuestAddress address, ReadOnlySpan<byte> data)
    {
        var space = _kernelBlobs.Contains((address.Value, data.Length)) ? cpuSecure : system;
        Write(space, address.Value, data, depth: 0);
        return MemTxResult.Ok;
    }

    public bool IsRom(GuestAddress address) => false;

    private static void Write(AddressSpace space, ulong address, ReadOnlySpan<byte> data, int depth)
    {
        var sections = space.GetSections();
        while (!data.IsEmpty)
        {
            var section = Find(sections, address);
            if (section is null)
            {
                return;
            }

            var s = section.Value;
            var offsetInSection = address - s.OffsetWithinAddressSpace;
            var inSection = (ulong)UInt128.Min((UInt128)data.Length, s.Size - offsetInSection);
            if (s.Region.IommuOps is { } iommu && depth < 4)
            {
                var offsetInRegion = s.OffsetWithinRegion + offsetInSection;
                var entry = iommu.Translate(offsetInRegion, IommuAccess.Write, iommu.AttrsToIndex(MemTxAttrs.UnspecifiedAttrs));
                var inBlock = Math.Min(inSection, entry.AddressMask + 1 - (offsetInRegion & entry.AddressMask));
                if (entry.Target is { } target && (entry.Perm & IommuAccess.Write) != 0)
                {
                    Write(target, entry.TranslatedAddress | (offsetInRegion & entry.AddressMask), data[..(int)inBlock], depth + 1);
                }

                inSection = inBlock;
            }
            else
            {
                space.WriteRomBlob(new GuestAddress(address), data[..(int)inSection]);
            }

            address += inSection;
            data = data[(int)inSection..];
        }
    }

    private static MemoryRegionSection? Find(IReadOnlyList<MemoryRegionSection> sections, ulong address)
    {
        foreach (var s in sections)
        {
            if (address >= s.OffsetWithinAddressSpace && (UInt128)(address - s.OffsetWithinAddressSpace) < s.Size)
            {
                return s;
            }
        }

        return null;
    }
}
