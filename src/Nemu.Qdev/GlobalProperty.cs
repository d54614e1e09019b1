// Implements: `-global DRIVER.PROP=VALUE` (management.md §1.2; softmmu/qdev-monitor.c qemu_global_option):
// a default applied to every new device of DRIVER or a subtype, before its -device properties.
// Not modelled: the `-global driver=D,property=P,value=V` long form (the option layer may build one of these).
namespace Nemu.Qdev;

/// <summary>A <c>-global</c> default: property <see cref="Property"/> of type <see cref="Driver"/> set to <see cref="Value"/>.</summary>
public sealed record GlobalProperty(string Driver, string Property, string Value)
{
    /// <summary>Parses <c>driver.prop=value</c> as QEMU's sscanf("%63[^.=].%63[^=]") does; null when the text is not of that form.</summary>
    public static GlobalProperty? TryParse(string text)
    {
        var dot = text.IndexOfAny(['.', '=']);
        if (dot <= 0 || text[dot] != '.')
        {
            return null;
        }

        var equals = text.IndexOf('=', dot + 1);
        if (equals <= dot + 1)
        {
            return null;
        }

        return new GlobalProperty(text[..dot], text[(dot + 1)..equals], text[(equals + 1)..]);
    }

    public override string ToString() => $"{Driver}.{Property}={Value}";
}
