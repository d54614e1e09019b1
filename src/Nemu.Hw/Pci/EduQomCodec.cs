// Implements: the look of a QOM object property on a qdev device (object_property_add_uint64_ptr in QEMU 7.2
// hw/misc/edu.c for dma_mask): `-device edu,help` lists it as `name=<uint64>` without a default, and
// `info qtree` does not print it (qtree prints only qdev properties). Nemu's edu extensions use the same look
// so the qtree of a default edu stays QEMU's byte for byte.
using Nemu.Qdev.Properties;

namespace Nemu.Hw.Pci;

/// <summary>An unsigned codec whose values <c>info qtree</c> does not print.</summary>
public sealed class EduQomCodec : PropertyCodec<ulong>
{
    private readonly UnsignedCodec _inner;

    public EduQomCodec(UnsignedCodec inner) => _inner = inner;

    public static EduQomCodec UInt32 { get; } = new(UnsignedCodec.UInt32);

    public static EduQomCodec UInt64 { get; } = new(UnsignedCodec.UInt64);

    public override string TypeName => _inner.TypeName;

    public override ParseOutcome Parse(string text, out ulong value) => _inner.Parse(text, out value);

    public override string Expects(ParseOutcome outcome, PropertySource source) => _inner.Expects(outcome, source);

    public override string? Print(ulong value) => null;

    public override string? DefaultJson(ulong value) => _inner.DefaultJson(value);
}
