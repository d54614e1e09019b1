// Implements: qapi_bool_parse (qapi/qapi-util.c, 7.2): on/yes/true/y and off/no/false/n; prints true/false.
namespace Nemu.Qdev.Properties;

/// <summary>bool properties.</summary>
public sealed class BoolCodec : PropertyCodec<bool>
{
    public static BoolCodec Instance { get; } = new();

    public override string TypeName => "bool";

    public override ParseOutcome Parse(string text, out bool value)
    {
        switch (text)
        {
            case "on" or "yes" or "true" or "y":
                value = true;
                return ParseOutcome.Ok;
            case "off" or "no" or "false" or "n":
                value = false;
                return ParseOutcome.Ok;
            default:
                value = false;
                return ParseOutcome.Syntax;
        }
    }

    public override string Expects(ParseOutcome outcome, PropertySource source) => "'on' or 'off'";

    public override string Print(bool value) => value ? "true" : "false";

    public override string DefaultJson(bool value) => value ? "true" : "false";
}
