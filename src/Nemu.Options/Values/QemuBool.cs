// Implements: QEMU 7.2 qapi/qapi-util.c qapi_bool_parse as used by QemuOpts (QEMU_OPT_BOOL) and keyval.
namespace Nemu.Options.Values;

/// <summary>Parses QEMU booleans: on/yes/true/y and off/no/false/n.</summary>
public static class QemuBool
{
    /// <summary>True when <paramref name="text"/> is a boolean spelling QEMU accepts.</summary>
    public static bool TryParse(string text, out bool value)
    {
        switch (text)
        {
            case "on" or "yes" or "true" or "y":
                value = true;
                return true;
            case "off" or "no" or "false" or "n":
                value = false;
                return true;
            default:
                value = false;
                return false;
        }
    }

    /// <summary>Parses <paramref name="text"/> for parameter <paramref name="name"/>; throws <see cref="OptionsException"/>.</summary>
    public static bool Parse(string name, string text) =>
        TryParse(text, out var value) ? value : throw new OptionsException($"Parameter '{name}' expects 'on' or 'off'");
}
