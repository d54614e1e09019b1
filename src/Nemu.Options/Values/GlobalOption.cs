// Implements: management.md §1.2 (-global); QEMU 7.2 qdev-monitor.c qemu_global_option: the short form
// DRIVER.PROPERTY=VALUE (driver without '.' or '='), else QemuOpts driver=,property=,value= all required.
using Nemu.Options.Syntax;

namespace Nemu.Options.Values;

/// <summary>A <c>-global</c> default for a device property.</summary>
public sealed record GlobalOption(string Driver, string Property, string Value)
{
    /// <summary>Parses an argument; throws <see cref="OptionsException"/> with QEMU's wording.</summary>
    public static GlobalOption Parse(string text, out IReadOnlyList<string> warnings)
    {
        warnings = [];
        var eq = text.IndexOf('=');
        var dot = text.IndexOf('.');
        if (dot > 0 && eq > dot + 1)
        {
            return new GlobalOption(text[..dot], text[(dot + 1)..eq], text[(eq + 1)..]);
        }

        var opts = OptsParser.Parse(text, OptionGroups.Global);
        warnings = opts.Warnings;
        var driver = opts.Get("driver");
        var property = opts.Get("property");
        var value = opts.Get("value");
        if (driver is null || property is null || value is null)
        {
            throw new OptionsException("options 'driver', 'property', and 'value' are required");
        }

        return new GlobalOption(driver, property, value);
    }
}
