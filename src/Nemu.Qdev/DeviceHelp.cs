// Implements: qdev-monitor.c qdev_print_devinfos / qdev_print_devinfo (`-device help`: category headers
// "Misc devices:" separated by blank lines, then `name "x", bus B, alias "a", desc "d"` per type, sorted
// case-insensitively; a type in several categories is listed under each) and qdev_device_help
// (`-device TYPE,help`: "TYPE options:" then sorted object_property_help lines, or
// "There are no options for TYPE.").
using System.Text;

namespace Nemu.Qdev;

/// <summary>Formats QEMU's device help texts from a registry.</summary>
public static class DeviceHelp
{
    private static readonly (DeviceCategories Category, string Title)[] CategoryTitles =
    [
        (DeviceCategories.Bridge, "Controller/Bridge/Hub"),
        (DeviceCategories.Usb, "USB"),
        (DeviceCategories.Storage, "Storage"),
        (DeviceCategories.Network, "Network"),
        (DeviceCategories.Input, "Input"),
        (DeviceCategories.Display, "Display"),
        (DeviceCategories.Sound, "Sound"),
        (DeviceCategories.Misc, "Misc"),
        (DeviceCategories.Cpu, "CPU"),
        (DeviceCategories.Watchdog, "Watchdog"),
        (DeviceCategories.None, "Uncategorized"),
    ];

    /// <summary>The <c>-device help</c> text; abstract types are never listed, non-user ones only with <paramref name="showNoUser"/>.</summary>
    public static string ListTypes(DeviceTypeRegistry registry, bool showNoUser = false)
    {
        var output = new StringBuilder();
        var types = registry.Types;
        for (var i = 0; i < CategoryTitles.Length; i++)
        {
            var (category, title) = CategoryTitles[i];
            var printed = false;
            foreach (var type in types)
            {
                var inCategory = category == DeviceCategories.None ? type.Categories == DeviceCategories.None : (type.Categories & category) != 0;
                if (!inCategory || type.IsAbstract || (!showNoUser && !type.UserCreatable))
                {
                    continue;
                }

                if (!printed)
                {
                    output.Append(i != 0 ? "\n" : string.Empty).Append(title).Append(" devices:\n");
                    printed = true;
                }

                AppendDevInfo(output, type);
            }
        }

        return output.ToString();
    }

    /// <summary>The <c>-device TYPE,help</c> text, e.g. <c>cmsdk-apb-uart options:</c> and its sorted property lines.</summary>
    public static string DescribeType(DeviceTypeRegistry registry, string name)
    {
        var type = registry.Find(name) ?? throw new QdevException($"'{name}' is not a valid device model name");
        if (type.IsAbstract)
        {
            throw new QdevException("Parameter 'driver' expects a non-abstract device type");
        }

        var lines = new List<string>();
        foreach (var property in type.AllProperties)
        {
            lines.Add(property.HelpLine());
        }

        lines.AddRange(type.Instantiate().ExtraHelpLines());
        lines.Sort(StringComparer.Ordinal);
        var output = new StringBuilder();
        output.Append(lines.Count != 0 ? $"{type.Name} options:\n" : $"There are no options for {type.Name}.\n");
        foreach (var line in lines)
        {
            output.Append(line).Append('\n');
        }

        return output.ToString();
    }

    private static void AppendDevInfo(StringBuilder output, DeviceType type)
    {
        output.Append("name \"").Append(type.Name).Append('"');
        if (type.BusType is not null)
        {
            output.Append(", bus ").Append(type.BusType);
        }

        if (type.Alias is not null)
        {
            output.Append(", alias \"").Append(type.Alias).Append('"');
        }

        if (type.Description is not null)
        {
            output.Append(", desc \"").Append(type.Description).Append('"');
        }

        if (!type.UserCreatable)
        {
            output.Append(", no-user");
        }

        output.Append('\n');
    }
}
