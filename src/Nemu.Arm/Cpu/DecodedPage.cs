// One guest page (1 KiB, QEMU's M-profile TARGET_PAGE_SIZE) of lazily decoded instructions.
using Nemu.Arm.Decoding;
using Nemu.Memory.Backends;

namespace Nemu.Arm.Cpu;

/// <summary>Decoded instructions of one page, one slot per halfword; a slot with Length 0 is not decoded yet.</summary>
internal sealed class DecodedPage
{
    public const int Shift = 10;
    public const uint Size = 1u << Shift;

    public DecodedPage(uint address, RamBlock? block, ulong blockOffset)
    {
        Address = address;
        Block = block;
        BlockOffset = blockOffset;
    }

    public uint Address { get; }

    /// <summary>The RAM block the code was read from (null: not cacheable, e.g. I/O).</summary>
    public RamBlock? Block { get; }

    /// <summary>Page-aligned offset of this page in <see cref="Block"/>.</summary>
    public ulong BlockOffset { get; }

    /// <summary>False once guest code was overwritten; the cache drops the page.</summary>
    public bool Valid { get; set; } = true;

    public DecodedInsn[] Slots { get; } = new DecodedInsn[Size / 2];
}
