namespace Nemu.Core;

/// <summary>
/// Attributes that travel with a bus transaction (QEMU's MemTxAttrs): the security state,
/// privilege and requester of the access.
/// </summary>
public readonly record struct MemTxAttrs(bool Secure = false, bool User = false, bool Unspecified = false, ushort RequesterId = 0)
{
    /// <summary>Attributes for an access whose origin has no attributes (loaders, monitors, qtest).</summary>
    public static MemTxAttrs UnspecifiedAttrs => new(Unspecified: true);
}
