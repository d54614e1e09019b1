namespace Nemu.Core;

/// <summary>A guest physical address (an offset in an address space), never a region offset.</summary>
public readonly record struct GuestAddress(ulong Value)
{
    public static GuestAddress operator +(GuestAddress a, ulong offset) => new(a.Value + offset);

    public override string ToString() => $"0x{Value:x}";
}
