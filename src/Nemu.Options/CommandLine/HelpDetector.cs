// Implements: management.md §1.1 "Help anywhere": which spellings of which options ask for help in
// QEMU 7.2 (observed): -M help|?, -M NAME,help; -cpu help|?; -device help|?, -device DRV,help|?;
// -chardev help, -chardev B,help; -object help, -object T,help; -accel help or no name; -d help;
// -trace help; -display help; a help flag in a fixed QemuOpts group without implied key (-rtc help).
// "-M type=help" and "-icount help" are not help requests (the value is taken literally).
using Nemu.Options.Syntax;

namespace Nemu.Options.CommandLine;

/// <summary>Detects help requests in option arguments.</summary>
public static class HelpDetector
{
    /// <summary>The help request <paramref name="option"/> makes, or null.</summary>
    public static HelpRequest? Detect(CommandLineOption option)
    {
        ArgumentNullException.ThrowIfNull(option);
        var arg = option.Argument;
        switch (option.Spec.Name)
        {
            case "h":
                return new HelpRequest(HelpTopic.Usage, null, 0);
            case "version":
                return new HelpRequest(HelpTopic.Version, null, 0);
            case "cpu":
                return OptsParser.IsHelpValue(arg) ? new HelpRequest(HelpTopic.Cpus, null, 0) : null;
            case "d":
                return arg == "help" ? new HelpRequest(HelpTopic.LogItems, null, 1)
                    : arg == "trace:help" ? new HelpRequest(HelpTopic.TraceEvents, null, 0) : null;
            case "trace":
                return OptsParser.IsHelpValue(arg) ? new HelpRequest(HelpTopic.TraceEvents, null, 0) : null;
            case "display":
                return OptsParser.IsHelpValue(arg) ? new HelpRequest(HelpTopic.Displays, null, 0) : null;
            case "machine":
                return TypedHelp(arg!, OptionGroups.Machine, HelpTopic.Machines, HelpTopic.MachineProperties);
            case "device":
                return arg!.StartsWith('{') ? null : TypedHelp(arg, OptionGroups.Device, HelpTopic.Devices, HelpTopic.DeviceProperties);
            case "chardev":
                return TypedHelp(arg!, OptionGroups.Chardev, HelpTopic.Chardevs, HelpTopic.ChardevProperties);
            case "object":
                return arg!.StartsWith('{') ? null : TypedHelp(arg, OptionGroups.Object, HelpTopic.Objects, HelpTopic.ObjectProperties);
            case "accel":
                var first = FirstItem(arg!);
                return OptsParser.IsHelpValue(first) || first.Contains('=') && !first.StartsWith("accel=", StringComparison.Ordinal)
                    ? new HelpRequest(HelpTopic.Accelerators, null, 0) : null;
        }

        var group = option.Spec.Group;
        if (arg is not null && group is { AcceptsAnyKey: false, ImpliedKey: null, Syntax: OptionSyntax.QemuOpts } && HasHelpFlag(arg))
        {
            return new HelpRequest(HelpTopic.GroupOptions, group.Name, 1);
        }

        return null;
    }

    private static HelpRequest? TypedHelp(string arg, OptionGroup group, HelpTopic list, HelpTopic properties)
    {
        var first = FirstItem(arg);
        if (OptsParser.IsHelpValue(first))
        {
            return new HelpRequest(list, null, 0);
        }

        if (!HasHelpFlag(arg))
        {
            return null;
        }

        var typed = first.StartsWith(group.ImpliedKey + "=", StringComparison.Ordinal) ? first[(group.ImpliedKey!.Length + 1)..] : first;
        return new HelpRequest(properties, typed, 0);
    }

    private static string FirstItem(string arg)
    {
        var comma = arg.IndexOf(',');
        return comma < 0 ? arg : arg[..comma];
    }

    private static bool HasHelpFlag(string arg)
    {
        var items = arg.Replace(",,", "\0\0", StringComparison.Ordinal).Split(',');
        for (var i = 1; i < items.Length; i++)
        {
            if (OptsParser.IsHelpValue(items[i]))
            {
                return true;
            }
        }

        return items.Length > 0 && OptsParser.IsHelpValue(items[0]);
    }
}
