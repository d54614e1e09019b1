// A range of guest physical addresses, used for the RAM and ROM-blob layout SYS_HEAPINFO looks at.
namespace Nemu.Semihosting;

/// <summary>A guest address range [<see cref="Start"/>, <see cref="Start"/> + <see cref="Size"/>).</summary>
public readonly record struct GuestRange(ulong Start, ulong Size)
{
    public ulong End => Start + Size;

    public override string ToString() => $"[0x{Start:x}, +0x{Size:x})";
}
