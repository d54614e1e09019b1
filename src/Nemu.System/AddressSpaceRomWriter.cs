using Nemu.Core;
using Nemu.Loader.Rom;
using Nemu.Memory;

namespace Nemu.System;

/// <summary>Installs ROM blobs the way QEMU's rom_reset does: address_space_write_rom (RAM, ROM and ROM devices).</summary>
internal sealed class AddressSpaceRomWriter(AddressSpace addressSpace) : IRomWriter, IRomMemoryKind
{
    public MemTxResult WriteRom(GuestAddress address, ReadOnlySpan<byte> data) => addressSpace.WriteRomBlob(address, data);

    public bool IsRom(GuestAddress address)
    {
        foreach (var section in addressSpace.GetSections())
        {
            if (address.Value >= section.OffsetWithinAddressSpace && (UInt128)(address.Value - section.OffsetWithinAddressSpace) < section.Size)
            {
                return section.ReadOnly || !section.Region.IsRam;
            }
        }

        return false;
    }
}
