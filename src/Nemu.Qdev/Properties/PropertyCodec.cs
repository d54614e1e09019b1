// Implements: the per-type parse/print rules of hw/core/qdev-properties.c as seen through QEMU's visitors:
// parse errors "Parameter 'x' expects <what>", qtree printing (string output visitor, human mode),
// and the "(default: <json>)" shown by `-device TYPE,help`.
namespace Nemu.Qdev.Properties;

/// <summary>How property text of one value type is parsed and printed.</summary>
public abstract class PropertyCodec<T>
{
    /// <summary>The type as <c>-device TYPE,help</c> shows it: <c>uint32</c>, <c>bool</c>, <c>str</c>, <c>size</c>…</summary>
    public abstract string TypeName { get; }

    /// <summary>True when QEMU's PropertyInfo of this kind has a print function (see <see cref="DeviceProperty.HasLegacyPrint"/>).</summary>
    public virtual bool HasLegacyPrint => false;

    public abstract ParseOutcome Parse(string text, out T value);

    /// <summary>What "Parameter 'x' expects …" names for a failure of <paramref name="outcome"/>.</summary>
    public abstract string Expects(ParseOutcome outcome, PropertySource source);

    /// <summary>The value as <c>info qtree</c> prints it, or null when QEMU does not print this kind.</summary>
    public abstract string? Print(T value);

    /// <summary>The default as JSON for help text, or null when QEMU shows no default for this kind.</summary>
    public abstract string? DefaultJson(T value);
}
