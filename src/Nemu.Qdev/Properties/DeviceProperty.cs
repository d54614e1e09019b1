// Implements: a qdev Property (hw/core/qdev-properties.c): name, type, description, default, and the
// help line of qdev_device_help / object_property_help ("  name=<type>" padded to 24, " - desc (default: json)").
using System.Text;

namespace Nemu.Qdev.Properties;

/// <summary>
/// One configurable property of a device type (<c>-device TYPE,name=value</c>, <c>-global TYPE.name=value</c>).
/// Values live in typed fields of the device; this object knows how to parse, print and default them.
/// </summary>
public abstract class DeviceProperty
{
    protected DeviceProperty(string name, string? description)
    {
        Name = name;
        Description = description;
    }

    public string Name { get; }

    public string? Description { get; }

    /// <summary>The type shown by help: <c>uint32</c>, <c>bool</c>, <c>str</c>, <c>size</c>, <c>link&lt;T&gt;</c>…</summary>
    public abstract string TypeName { get; }

    /// <summary>The default as JSON, or null when help shows none.</summary>
    public abstract string? DefaultJson { get; }

    /// <summary>True for chardev-id properties, whose value must name an existing chardev.</summary>
    public virtual bool IsChardev => false;

    /// <summary>
    /// True when QEMU's PropertyInfo has a print function, so the device also gets a read-only QOM property
    /// <c>legacy-NAME</c> (<c>str</c>) holding the printed text (qdev_class_add_legacy_property).
    /// </summary>
    public virtual bool HasLegacyPrint => false;

    /// <summary>The help line, e.g. <c>  pclk-frq=&lt;uint32&gt;      -  (default: 0)</c>.</summary>
    public string HelpLine() => FormatHelpLine(Name, TypeName, Description, DefaultJson);

    /// <summary>object_property_help's layout, shared with the extra object properties of sysbus devices.</summary>
    public static string FormatHelpLine(string name, string type, string? description, string? defaultJson)
    {
        var line = new StringBuilder();
        line.Append("  ").Append(name).Append("=<").Append(type).Append('>');
        if (description is not null || defaultJson is not null)
        {
            if (line.Length < 24)
            {
                line.Append(' ', 24 - line.Length);
            }

            line.Append(" - ");
        }

        line.Append(description);
        if (defaultJson is not null)
        {
            line.Append(" (default: ").Append(defaultJson).Append(')');
        }

        return line.ToString();
    }

    /// <summary>The current value as <c>info qtree</c> prints it, or null when not printed.</summary>
    public abstract string? Print(Device device);

    /// <summary>Parses <paramref name="text"/> and stores it; on failure returns what "expects …" should say.</summary>
    internal abstract ParseOutcome TrySet(Device device, string text, IChardevResolver? chardevs, PropertySource source, out string expects);

    internal abstract void ApplyDefault(Device device);
}
