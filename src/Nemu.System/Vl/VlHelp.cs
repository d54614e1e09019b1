using System.Text;
using Nemu.Chardevs;
using Nemu.Options.CommandLine;
using Nemu.Options.Values;

namespace Nemu.System.Vl;

/// <summary>Answers the help forms of the command line (<c>-h</c>, <c>-version</c>, <c>-M help</c>, ...).</summary>
public static class VlHelp
{
    /// <summary>Writes the answer to <paramref name="help"/> and returns the exit status QEMU uses for it.</summary>
    public static int Answer(HelpRequest help, VlContext context, IVlExtensions extensions)
    {
        var output = context.Out;
        switch (help.Topic)
        {
            case HelpTopic.Usage:
                output.Write(HelpText.Usage(context.ProgramName));
                break;
            case HelpTopic.Version:
                output.Write(HelpText.Version());
                break;
            case HelpTopic.Machines:
                output.Write(context.Machines.FormatHelp());
                break;
            case HelpTopic.Cpus:
                output.Write("Available CPUs:\n");
                foreach (var cpu in extensions.CpuTypes.Order(StringComparer.Ordinal))
                {
                    output.Write($"  {cpu}\n");
                }

                break;
            case HelpTopic.Accelerators:
                output.Write("Accelerators supported in Nemu binary:\ntcg\nqtest\n");
                break;
            case HelpTopic.LogItems:
                output.Write(LogItems.Usage());
                break;
            case HelpTopic.Devices:
                output.Write(context.Devices.DeviceListHelp());
                break;
            case HelpTopic.DeviceProperties:
                if (context.Devices.Find(help.Subject ?? string.Empty) is null)
                {
                    // QEMU reports this on stderr and still exits 0.
                    context.Error.WriteLine($"{context.ProgramName}: -device {help.Subject},help: Device '{help.Subject}' not found");
                    break;
                }

                output.Write(context.Devices.DeviceTypeHelp(help.Subject!));
                break;
            case HelpTopic.Chardevs:
                output.Write(ChardevFactory.HelpText);
                break;
            case HelpTopic.Objects:
                output.Write("List of user creatable objects:\n  memory-backend-memfd\n  memory-backend-ram\n");
                break;
            default:
                if (!extensions.TryAnswerHelp(help, output))
                {
                    output.Write($"No help available for {help.Topic}{(help.Subject is null ? string.Empty : " " + help.Subject)}\n");
                }

                break;
        }

        output.Flush();
        return help.ExitCode;
    }

    /// <summary>The list of <c>-M NAME,help</c>.</summary>
    public static string MachineProperties(MachineType type)
    {
        var text = new StringBuilder($"{type.Name}-machine options:\n");
        text.Append("  append=<string>        - Linux kernel command line\n");
        text.Append("  initrd=<string>        - Linux initial ramdisk file\n");
        text.Append("  kernel=<string>        - Linux kernel image file\n");
        text.Append("  memory-backend=<link<memory-backend>> - Set RAM backendValid value is ID of hostmem based backend\n");
        return text.ToString();
    }
}
