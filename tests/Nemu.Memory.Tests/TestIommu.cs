// A TZ-MPC-like IOMMU for the tests: fixed translation blocks, each index routed by a settable function, and
// counters of what was asked (tz_mpc_translate's shape: index 0 Secure, 1 Non-secure, 2 unspecified).
using Nemu.Core;

namespace Nemu.Memory.Tests;

/// <summary>An IOMMU whose translation of each block is <see cref="Route"/>(block start, index).</summary>
internal sealed class TestIommu(ulong blockMask) : IIommuOps
{
    public const int SecureIndex = 0;
    public const int NonSecureIndex = 1;
    public const int UnspecifiedIndex = 2;

    /// <summary>(block start, iommu index) → (target, translated block start, permission).</summary>
    public Func<ulong, int, (AddressSpace? Target, ulong To, IommuAccess Perm)> Route { get; set; } = static (_, _) => (null, 0, IommuAccess.None);

    public int Translations { get; private set; }

    public IommuAccess LastAccess { get; private set; }

    public int NumIndexes => 3;

    public int AttrsToIndex(MemTxAttrs attrs) => attrs.Unspecified ? UnspecifiedIndex : attrs.Secure ? SecureIndex : NonSecureIndex;

    public IommuTlbEntry Translate(ulong offset, IommuAccess access, int iommuIndex)
    {
        Translations++;
        LastAccess = access;
        var block = offset & ~blockMask;
        var (target, to, perm) = Route(block, iommuIndex);
        return new IommuTlbEntry(target, block, to, blockMask, perm);
    }
}
