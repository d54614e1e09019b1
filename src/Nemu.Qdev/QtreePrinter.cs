// Implements: `info qtree` (qdev-monitor.c qbus_print / qdev_print / qdev_print_props, sysbus_dev_print):
// "bus: NAME", "  type TYPE", then per child (newest first) "dev: TYPE, id \"ID\"", gpio-in/gpio-out lines
// per named list, properties (own type first, then ancestors; "name = value", empty text as <null>),
// the bus-specific lines (sysbus mmio), then child buses, each level indented by two spaces.
// Not modelled: clock-in/clock-out lines (clocks are not modelled yet), legacy-* property printers.
using System.Text;

namespace Nemu.Qdev;

/// <summary>Renders a bus tree the way QEMU's <c>info qtree</c> does.</summary>
public static class QtreePrinter
{
    /// <summary>The qtree of <paramref name="root"/> and everything below it, lines ending in '\n'.</summary>
    public static string Print(Bus root)
    {
        var output = new StringBuilder();
        PrintBus(output, root, 0);
        return output.ToString();
    }

    /// <summary>The qtree block of one device (its "dev:" line and everything under it).</summary>
    public static string Print(Device device, int indent = 0)
    {
        var output = new StringBuilder();
        PrintDevice(output, device, indent);
        return output.ToString();
    }

    private static void PrintBus(StringBuilder output, Bus bus, int indent)
    {
        Line(output, indent, $"bus: {bus.Name}");
        indent += 2;
        Line(output, indent, $"type {bus.TypeName}");
        foreach (var child in bus.Children)
        {
            PrintDevice(output, child, indent);
        }
    }

    private static void PrintDevice(StringBuilder output, Device device, int indent)
    {
        Line(output, indent, $"dev: {device.Type.Name}, id \"{device.Id}\"");
        indent += 2;
        foreach (var gpio in device.Gpios)
        {
            if (gpio.Inputs.Count != 0)
            {
                Line(output, indent, $"gpio-in \"{gpio.Name}\" {gpio.Inputs.Count}");
            }

            if (gpio.Outputs.Count != 0)
            {
                Line(output, indent, $"gpio-out \"{gpio.Name}\" {gpio.Outputs.Count}");
            }
        }

        foreach (var property in device.Type.AllProperties)
        {
            var value = property.Print(device);
            if (value is not null)
            {
                Line(output, indent, $"{property.Name} = {(value.Length != 0 ? value : "<null>")}");
            }
        }

        device.PrintBusInfo(output, indent);
        foreach (var bus in device.ChildBuses)
        {
            PrintBus(output, bus, indent);
        }
    }

    private static void Line(StringBuilder output, int indent, string text) => output.Append(' ', indent).Append(text).Append('\n');
}
