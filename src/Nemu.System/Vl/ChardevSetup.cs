using Nemu.Chardevs;
using Nemu.Options.CommandLine;

namespace Nemu.System.Vl;

/// <summary>
/// Creates the character backends of the command line in QEMU's order and with its defaults
/// (vl.c: qemu_create_early_backends, serial_parse, monitor_parse): <c>-chardev</c>, then <c>-serial</c>
/// (serial0, serial1, ...), then <c>-monitor</c> (compat_monitor0) and <c>-mon</c>. With <c>-nographic</c>, default
/// serial0 and monitor share stdio through a mux (<c>mon:stdio</c>); if only one of them is a default (or the board
/// has no serial port) that one gets stdio alone. Without it
/// QEMU's defaults are graphical consoles, which Nemu has not: nothing is connected.
/// </summary>
public static class ChardevSetup
{
    public static void Create(Machine machine, QemuCommandLine commandLine, VlContext context, IVlExtensions extensions)
    {
        var factory = new ChardevFactory(machine.Loop, machine.Chardevs, context.Error)
        {
            Terminate = () => machine.RequestQuit(0),
        };

        var chardevLocations = Vl.LocationsOf(commandLine, "chardev");
        for (var i = 0; i < commandLine.Chardevs.Count; i++)
        {
            var options = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var entry in commandLine.Chardevs[i].Entries)
            {
                options[entry.Key] = entry.Value;
            }

            Guard(chardevLocations[i], () => factory.Create(options));
        }

        var serials = commandLine.Serials.ToList();
        var monitors = commandLine.Monitors.ToList();
        var defaultSerial = serials.Count == 0 && !machine.Type.NoSerial;
        var defaultMonitor = monitors.Count == 0 && commandLine.Mons.Count == 0 && commandLine.QmpMonitors.Count == 0;
        if (commandLine.NoGraphic)
        {
            // vl.c: serial and monitor share stdio through a mux only when both are defaults.
            if (defaultSerial && defaultMonitor)
            {
                serials.Add("mon:stdio");
            }
            else
            {
                if (defaultSerial)
                {
                    serials.Add("stdio");
                }

                if (defaultMonitor)
                {
                    monitors.Add("stdio");
                }
            }
        }

        var serialLocations = Vl.LocationsOf(commandLine, "serial");
        for (var i = 0; i < serials.Count; i++)
        {
            var location = i < serialLocations.Count ? serialLocations[i] : null;
            var chardev = Guard(location, () => factory.CreateFromLegacy($"serial{i}", serials[i]));
            machine.SerialPorts.Add(chardev);
            if (chardev is not null && serials[i].StartsWith("mon:", StringComparison.Ordinal))
            {
                extensions.AttachMonitor(machine, chardev);
            }
        }

        // vl.c monitor_parse: -monitor and -qmp/-qmp-pretty share one label counter in command-line order
        // (compat_monitor0, compat_monitor1, ...); "-monitor none..." takes no number, "chardev:ID" takes one but
        // uses the chardev ID; the default monitor comes after the explicit ones.
        var monitorIndex = 0;
        foreach (var option in commandLine.Options)
        {
            var name = option.Spec.Name;
            if (name is not ("monitor" or "qmp" or "qmp-pretty") || option.Argument is not { } spec)
            {
                continue;
            }

            if (name == "monitor" && spec.StartsWith("none", StringComparison.Ordinal))
            {
                continue;
            }

            var label = $"compat_monitor{monitorIndex++}";
            var chardev = Guard(option.Location, () => factory.CreateFromLegacy(label, spec));
            if (chardev is null)
            {
                continue;
            }

            if (name == "monitor")
            {
                extensions.AttachMonitor(machine, chardev);
            }
            else
            {
                extensions.AttachQmp(machine, chardev, name == "qmp-pretty");
            }
        }

        for (var i = commandLine.Monitors.Count; i < monitors.Count; i++)
        {
            var label = $"compat_monitor{monitorIndex++}";
            var chardev = Guard(null, () => factory.CreateFromLegacy(label, monitors[i]));
            if (chardev is not null)
            {
                extensions.AttachMonitor(machine, chardev);
            }
        }

        var monLocations = Vl.LocationsOf(commandLine, "mon");
        for (var i = 0; i < commandLine.Mons.Count; i++)
        {
            var mon = commandLine.Mons[i];
            var id = mon.Get("chardev") ?? throw new VlException("Parameter 'chardev' is missing", monLocations[i]);
            var chardev = machine.Chardevs.Find(id) ?? throw new VlException($"chardev \"{id}\" not found", monLocations[i]);
            if (mon.Get("mode") is "control")
            {
                extensions.AttachQmp(machine, chardev, mon.Get("pretty") is "on");
                continue;
            }

            extensions.AttachMonitor(machine, chardev);
        }
    }

    private static T Guard<T>(string? location, Func<T> create)
    {
        try
        {
            return create();
        }
        catch (ChardevException e)
        {
            throw new VlException(e.Message, location);
        }
    }
}
