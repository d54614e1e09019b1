// Implements: int32/int64 properties: qemu_strtoi64 base 0 then the int32_t range check; -global syntax
// errors say "int64". Prints as "-1 (0xffffffffffffffff)" (the value widened to 64 bits, as QEMU does).
using Nemu.Core.Text;

namespace Nemu.Qdev.Properties;

/// <summary>Signed integer properties of 32 or 64 bits, carried as <see cref="long"/>.</summary>
public sealed class SignedCodec : PropertyCodec<long>
{
    private readonly long _min;
    private readonly long _max;

    private SignedCodec(int bits)
    {
        Bits = bits;
        _min = bits == 64 ? long.MinValue : -(1L << (bits - 1));
        _max = bits == 64 ? long.MaxValue : (1L << (bits - 1)) - 1;
        TypeName = $"int{bits}";
    }

    public static SignedCodec Int32 { get; } = new(32);

    public static SignedCodec Int64 { get; } = new(64);

    public int Bits { get; }

    public override string TypeName { get; }

    public override ParseOutcome Parse(string text, out long value)
    {
        if (QemuStrtol.Strtoi64(text, 0, out value) != QemuParseStatus.Ok)
        {
            return ParseOutcome.Syntax;
        }

        return value >= _min && value <= _max ? ParseOutcome.Ok : ParseOutcome.Range;
    }

    public override string Expects(ParseOutcome outcome, PropertySource source) =>
        outcome == ParseOutcome.Range ? $"int{Bits}_t" : source == PropertySource.Device ? "integer" : "int64";

    public override string Print(long value) => $"{value} (0x{(ulong)value:x})";

    public override string DefaultJson(long value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
