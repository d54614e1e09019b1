// Implements: management.md §4.4 vmdesc field entries ({"name","type","size"[,"array_len"][,"struct"]}).
namespace Nemu.Core.State;

/// <summary>
/// What a field of a state description is, for <c>vmdesc</c> dumps and the monitor: its name, its QEMU
/// type name (<c>uint32</c>, <c>buffer</c>, <c>struct</c>, <c>timer</c>…), the encoded size of one element,
/// the element count for arrays, the version that introduced it and, for structs, the nested description.
/// </summary>
public sealed record StateFieldInfo(
    string Name,
    StateFieldKind Kind,
    string TypeName,
    int Size,
    int? ArrayLength,
    int SinceVersion,
    IStateDescription? Struct);
