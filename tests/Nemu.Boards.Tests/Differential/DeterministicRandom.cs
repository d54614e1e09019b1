// SplitMix64 (Steele, Lea, Flood 2014): our own seeded generator, so a seed means the same cases on every
// .NET version (System.Random's algorithm is not a compatibility promise).
namespace Nemu.Boards.Tests.Differential;

/// <summary>A small seeded pseudo-random source whose sequence is fixed forever for a given seed.</summary>
public sealed class DeterministicRandom(ulong seed)
{
    private ulong _state = seed;

    public ulong Next64()
    {
        var z = _state += 0x9E37_79B9_7F4A_7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58_476D_1CE4_E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D0_49BB_1331_11EBUL;
        return z ^ (z >> 31);
    }

    public uint Next32() => (uint)(Next64() >> 32);

    /// <summary>A value in [0, bound).</summary>
    public int Below(int bound) => (int)((Next64() >> 33) % (ulong)bound);

    /// <summary>A value in [low, high].</summary>
    public int Between(int low, int high) => low + Below(high - low + 1);

    public bool Chance(int percent) => Below(100) < percent;

    public T Pick<T>(IReadOnlyList<T> items) => items[Below(items.Count)];
}
