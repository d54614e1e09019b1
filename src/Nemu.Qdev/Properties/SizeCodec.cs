// Implements: size properties (DEFINE_PROP_SIZE): qemu_strtosz parsing ("expects size"); printing as the
// string output visitor's human form "16777216 (16 MiB)" (value, then 3 significant digits and a unit).
using System.Globalization;
using Nemu.Core.Text;

namespace Nemu.Qdev.Properties;

/// <summary>Byte-size properties.</summary>
public sealed class SizeCodec : PropertyCodec<ulong>
{
    private static readonly char[] Suffixes = ['B', 'K', 'M', 'G', 'T', 'P', 'E'];

    public static SizeCodec Instance { get; } = new();

    public override string TypeName => "size";

    public override ParseOutcome Parse(string text, out ulong value) =>
        QemuStrtosz.Strtosz(text, out value) == QemuParseStatus.Ok ? ParseOutcome.Ok : ParseOutcome.Syntax;

    public override string Expects(ParseOutcome outcome, PropertySource source) => "size";

    public override string Print(ulong value)
    {
        // Switch to the larger unit once the scaled value would print as >= 1000 (QEMU's frexp trick).
        var scaled = value / (1000.0 / 1024.0);
        var exponent = scaled == 0 ? 0 : (int)Math.Floor(Math.Log2(scaled)) + 1;
        var unit = Math.Max(0, (exponent - 1) / 10);
        var divisor = (double)(1UL << (unit * 10));
        var number = (value / divisor).ToString("G3", CultureInfo.InvariantCulture);
        return $"{value} ({number} {Suffixes[unit]}{(unit != 0 ? "iB" : string.Empty)})";
    }

    public override string DefaultJson(ulong value) => value.ToString(CultureInfo.InvariantCulture);
}
