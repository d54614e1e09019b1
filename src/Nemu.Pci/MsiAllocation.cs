// Implements: one entry of seed 004's allocation map (pci.md §8 (d)): config address (bus:dev.fn) → the kind of
// message interrupt bound to the function and its block of interrupt numbers.
namespace Nemu.Pci;

/// <summary>
/// A function's block of interrupt numbers: <see cref="Count"/> numbers from <see cref="First"/>, bound to
/// <see cref="Kind"/>; <see cref="Bdf"/> is bus &lt;&lt; 8 | devfn.
/// </summary>
public readonly record struct MsiAllocation(ushort Bdf, MsiKind Kind, uint First, uint Count)
{
    public int Bus => Bdf >> 8;

    public int Devfn => Bdf & 0xff;

    /// <summary>One past the last number of the block.</summary>
    public uint End => First + Count;
}
