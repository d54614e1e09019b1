namespace Nemu.Memory;

/// <summary>
/// What accesses an I/O region accepts (<c>valid</c>) and what its callbacks implement (<c>impl</c>),
/// with QEMU's meaning of zero (pci.md §1.4): <see cref="ValidMaxAccessSize"/> 0 accepts every size;
/// <see cref="ImplMinAccessSize"/> 0 means 1 and <see cref="ImplMaxAccessSize"/> 0 means 4.
/// </summary>
public sealed record AccessConstraints
{
    /// <summary>QEMU's defaults: every size valid, callbacks take 1 to 4 bytes, little-endian.</summary>
    public static AccessConstraints Default { get; } = new();

    public uint ValidMinAccessSize { get; init; }

    public uint ValidMaxAccessSize { get; init; }

    public bool ValidUnaligned { get; init; }

    public uint ImplMinAccessSize { get; init; }

    public uint ImplMaxAccessSize { get; init; }

    public bool ImplUnaligned { get; init; }

    public DeviceEndianness Endianness { get; init; } = DeviceEndianness.Little;

    /// <summary>Optional veto (QEMU's <c>valid.accepts</c>): (offset, size, isWrite, attrs) → accepted.</summary>
    public Func<ulong, uint, bool, Core.MemTxAttrs, bool>? Accepts { get; init; }
}
