// The QOM properties of a qdev device (hw/core/qdev.c device_initfn / device_class_init and
// qdev-properties.c): `type`, `parent_bus` (link<bus>), `realized`, `hotplugged`, `hotpluggable`, then the
// device's qdev properties with their QAPI type names (`str`, `bool`, `uint32`, `int32`, `link<T>`...).
// Values are read through the property's `info qtree` text (the typed fields are private to each property):
// integers are its first number, strings are unquoted, a PCI address `SS.F` becomes the devfn. Writes after
// realize fail as in QEMU (qdev_prop_set_after_realize).
// Properties whose QEMU PropertyInfo prints (the PCI `addr`) also get `legacy-NAME` (str, the printed text;
// qdev_class_add_legacy_property). The regions the device owns are its `child<memory-region>` children
// (MemoryRegionQom).
// Not modelled: the IRQ and clock properties of devices (`sysbus-irq[0]`, `pclk`...).
using System.Globalization;

namespace Nemu.Qdev.Qom;

/// <summary>Builds the QOM object of a device.</summary>
public static class DeviceQom
{
    /// <summary>A QOM object for <paramref name="device"/>; <paramref name="busObject"/> resolves its parent bus link.</summary>
    /// <paramref name="regions"/> collects the QOM objects of the device's memory regions (null: none are listed).
    public static QomObject Create(Device device, Func<Bus, QomObject?> busObject, Dictionary<Memory.MemoryRegion, QomObject>? regions = null)
    {
        var obj = new QomObject(device.Type.Name);
        if (device.ParentBus is not null)
        {
            obj.AddLink("parent_bus", "bus", () => device.ParentBus is { } bus ? busObject(bus) : null);
        }

        obj.Add(QomProperty.Bool("realized", () => device.IsRealized, realize =>
        {
            // device_set_realized: true realizes (a no-op when realized), false unrealizes.
            try
            {
                if (realize)
                {
                    device.Realize();
                }
                else
                {
                    device.Unrealize();
                }
            }
            catch (QdevException e)
            {
                throw new QomException(e.Message, e);
            }
        }));
        obj.Add(QomProperty.Bool("hotplugged", () => false));
        // dc->hotpluggable: true for devices, false for sysbus devices (sysbus_device_class_init).
        obj.Add(QomProperty.Bool("hotpluggable", () => device.ParentBus is { } bus && bus.TypeName != Bus.SystemBusType));
        foreach (var property in device.Type.AllProperties)
        {
            var name = property.Name;
            var type = property.IsChardev ? "str" : property.TypeName;
            obj.Add(new QomProperty(name, type, () => Value(device, name, type), value => Store(device, name, type, value)));
            if (property.HasLegacyPrint)
            {
                obj.Add(new QomProperty("legacy-" + name, "str", () => device.PrintProperty(name) is { } text ? Unquote(text) : string.Empty));
            }
        }

        if (regions is not null)
        {
            MemoryRegionQom.AddChildren(device, obj, regions);
        }

        return obj;
    }

    /// <summary>The typed value of qdev property <paramref name="name"/> from its printed form.</summary>
    public static object? Value(Device device, string name, string type)
    {
        var text = device.PrintProperty(name);
        if (text is null)
        {
            return null;
        }

        if (type == "bool")
        {
            return text == "true";
        }

        if (type.StartsWith("uint", StringComparison.Ordinal) || type == "size")
        {
            return ulong.TryParse(FirstWord(text), NumberStyles.None, CultureInfo.InvariantCulture, out var u) ? u : text;
        }

        if (type.StartsWith("int", StringComparison.Ordinal))
        {
            // A PCI address prints as "SS.F" (qdev's pci-devfn); its QOM value is the devfn.
            var word = FirstWord(text);
            var dot = word.IndexOf('.', StringComparison.Ordinal);
            if (dot > 0 && int.TryParse(word[..dot], NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var slot)
                && int.TryParse(word[(dot + 1)..], NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var function))
            {
                return (long)((slot << 3) | function);
            }

            return long.TryParse(word, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var l) ? l : -1L;
        }

        return Unquote(text);
    }

    private static string Unquote(string text) => text.Length >= 2 && text[0] == '"' && text[^1] == '"' ? text[1..^1] : text;

    private static void Store(Device device, string name, string type, object? value)
    {
        string text;
        if (type == "bool")
        {
            text = value is bool b ? (b ? "on" : "off") : throw QomProperty.Expected(name, "boolean");
        }
        else if (type.StartsWith("uint", StringComparison.Ordinal) || type.StartsWith("int", StringComparison.Ordinal) || type == "size")
        {
            text = value switch
            {
                long l => l.ToString(CultureInfo.InvariantCulture),
                ulong u => u.ToString(CultureInfo.InvariantCulture),
                _ => throw QomProperty.Expected(name, "integer"),
            };
        }
        else
        {
            text = value as string ?? throw QomProperty.Expected(name, "string");
        }

        try
        {
            device.SetProperty(name, text);
        }
        catch (QdevException e)
        {
            throw new QomException(e.Message, e);
        }
    }

    private static string FirstWord(string text)
    {
        var space = text.IndexOf(' ', StringComparison.Ordinal);
        return space < 0 ? text : text[..space];
    }
}
