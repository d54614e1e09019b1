// Implements: string properties (DEFINE_PROP_STRING, and chardev/link ids kept as text): any text is
// accepted; qtree prints "\"text\"" or <null>; QEMU shows no default for strings in help.
namespace Nemu.Qdev.Properties;

/// <summary>Text properties; <see cref="TypeName"/> is "str" or, for links, <c>link&lt;TYPE&gt;</c>.</summary>
public sealed class StringCodec : PropertyCodec<string?>
{
    private readonly bool _printable;
    private readonly string _nullText;

    /// <summary>A text codec; <paramref name="nullText"/> is what qtree prints for an unset value.</summary>
    public StringCodec(string typeName, bool printable, string nullText)
    {
        TypeName = typeName;
        _printable = printable;
        _nullText = nullText;
    }

    /// <summary>Plain strings: unset prints as <c>&lt;null&gt;</c>.</summary>
    public static StringCodec Str { get; } = new("str", printable: true, nullText: "<null>");

    /// <summary>Chardev ids: unset prints as <c>""</c> (qdev_prop_chr's getter returns an empty name).</summary>
    public static StringCodec Chardev { get; } = new("str", printable: true, nullText: "\"\"");

    public override string TypeName { get; }

    public override ParseOutcome Parse(string text, out string? value)
    {
        value = text;
        return ParseOutcome.Ok;
    }

    public override string Expects(ParseOutcome outcome, PropertySource source) => "string";

    public override string? Print(string? value) => !_printable ? null : value is null ? _nullText : $"\"{value}\"";

    public override string? DefaultJson(string? value) => null;
}
