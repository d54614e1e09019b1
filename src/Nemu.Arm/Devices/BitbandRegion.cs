// Bit-band alias region (Armv7-M ARM B3.5.4 "bit-banding"; QEMU hw/arm/armv7m.c bitband_read/bitband_write): each
// word of the 32 MiB alias maps to one bit of the 1 MiB source region, accessed through the "bitband-source"
// address space. A read returns the bit; a write read-modify-writes the containing byte/halfword/word with the
// access size of the alias access, as QEMU does.
using Nemu.Core;
using Nemu.Memory;

namespace Nemu.Arm.Devices;

/// <summary>MMIO callbacks of one <c>bitband</c> region.</summary>
public sealed class BitbandRegion : IMemoryRegionOps
{
    private readonly AddressSpace _source;
    private readonly uint _base;

    public BitbandRegion(AddressSpace source, uint sourceBase)
    {
        _source = source;
        _base = sourceBase;
    }

    public AccessConstraints Constraints { get; } = new()
    {
        ValidMinAccessSize = 1,
        ValidMaxAccessSize = 4,
        ImplMinAccessSize = 1,
        ImplMaxAccessSize = 4,
    };

    public MemTxResult Read(ulong offset, uint size, MemTxAttrs attrs, out ulong value)
    {
        var address = SourceAddress(offset, size);
        var r = _source.Read(new GuestAddress(address), size, attrs, out var word);
        value = (word >> BitIndex(offset, size)) & 1;
        return r;
    }

    public MemTxResult Write(ulong offset, ulong value, uint size, MemTxAttrs attrs)
    {
        var address = SourceAddress(offset, size);
        var r = _source.Read(new GuestAddress(address), size, attrs, out var word);
        if (r != MemTxResult.Ok)
        {
            return r;
        }

        var mask = 1UL << BitIndex(offset, size);
        word = (value & 1) != 0 ? word | mask : word & ~mask;
        return _source.Write(new GuestAddress(address), word, size, attrs);
    }

    private uint SourceAddress(ulong offset, uint size) => (uint)((_base | ((offset & 0x1FFFFFF) >> 5)) & ~(ulong)(size - 1));

    private static int BitIndex(ulong offset, uint size) => (int)((offset >> 2) & ((size * 8) - 1));
}
