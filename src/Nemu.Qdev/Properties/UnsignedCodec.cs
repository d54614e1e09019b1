// Implements: uint8/16/32/64 properties: qemu_strtou64 base 0, then visit_type_uintN's range check
// ("expects uint32_t"); syntax errors say "integer" from -device (keyval) and "uint64" from -global.
// Prints as "25000000 (0x17d7840)".
using Nemu.Core.Text;

namespace Nemu.Qdev.Properties;

/// <summary>Unsigned integer properties of 8 to 64 bits, carried as <see cref="ulong"/>.</summary>
public sealed class UnsignedCodec : PropertyCodec<ulong>
{
    private readonly ulong _max;

    private UnsignedCodec(int bits)
    {
        Bits = bits;
        _max = bits == 64 ? ulong.MaxValue : (1UL << bits) - 1;
        TypeName = $"uint{bits}";
    }

    public static UnsignedCodec UInt8 { get; } = new(8);

    public static UnsignedCodec UInt16 { get; } = new(16);

    public static UnsignedCodec UInt32 { get; } = new(32);

    public static UnsignedCodec UInt64 { get; } = new(64);

    public int Bits { get; }

    public override string TypeName { get; }

    public override ParseOutcome Parse(string text, out ulong value)
    {
        if (QemuStrtol.Strtou64(text, 0, out value) != QemuParseStatus.Ok)
        {
            return ParseOutcome.Syntax;
        }

        return value <= _max ? ParseOutcome.Ok : ParseOutcome.Range;
    }

    public override string Expects(ParseOutcome outcome, PropertySource source) =>
        outcome == ParseOutcome.Range ? $"uint{Bits}_t" : source == PropertySource.Device ? "integer" : "uint64";

    public override string Print(ulong value) => $"{value} (0x{value:x})";

    public override string DefaultJson(ulong value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
