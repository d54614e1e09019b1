using Nemu.Chardevs;
using Nemu.Options.CommandLine;

namespace Nemu.System.Vl;

/// <summary>
/// Creates the character backends of the command line in QEMU 7.2's order and with its defaults (vl.c).
/// <list type="bullet">
/// <item>Defaults: option parsing clears default_serial for <c>-serial</c>, default_monitor for <c>-monitor</c>
/// (even <c>none</c>), <c>-qmp</c>, <c>-qmp-pretty</c>, <c>-mon</c> and <c>-serial mon:...</c>;
/// qemu_disable_default_devices clears all of them with <c>-nodefaults</c>, and the serial (parallel) one on boards
/// with no_serial (no_parallel). qemu_create_default_devices then adds, with <c>-nographic</c>, parallel
/// <c>null</c> and serial + monitor on stdio (one <c>mon:stdio</c> mux when both are defaults), and otherwise
/// <c>vc:80Cx24C</c> for each (<c>-display none</c> changes nothing).</item>
/// <item>Order (qemu_create_early_backends, then qemu_create_late_backends): the <c>-chardev</c> options and the
/// chardevs of <c>-monitor</c>/<c>-qmp</c>/<c>-qmp-pretty</c> (compat_monitorN) in command-line order, then the
/// default monitor's; then the monitors attach (<c>-monitor</c>/<c>-qmp</c>/<c>-mon</c> in command-line order, then
/// the default); then serial0, serial1, ... and parallel0.</item>
/// </list>
/// Nemu has no <c>-parallel</c> option (QEMU's would clear default_parallel) and no parallel port device, so
/// parallel0 never has a frontend.
/// </summary>
public static class ChardevSetup
{
    /// <summary>QEMU's default backend for serial, parallel and monitor without <c>-nographic</c>.</summary>
    public const string DefaultConsole = "vc:80Cx24C";

    public static void Create(Machine machine, QemuCommandLine commandLine, VlContext context, IVlExtensions extensions)
    {
        var factory = new ChardevFactory(machine.Loop, machine.Chardevs, context.Error)
        {
            Terminate = () => machine.RequestQuit(0),
        };

        var hasDefaults = !commandLine.NoDefaults;
        var defaultSerial = hasDefaults && !machine.Type.NoSerial && commandLine.Serials.Count == 0;
        var defaultParallel = hasDefaults && !machine.Type.NoParallel;
        var defaultMonitor = hasDefaults && commandLine.Monitors.Count == 0 && commandLine.Mons.Count == 0
            && commandLine.QmpMonitors.Count == 0 && !commandLine.Serials.Any(s => s.StartsWith("mon:", StringComparison.Ordinal));

        var serials = commandLine.Serials.ToList();
        var parallels = new List<string>();
        string? defaultMonitorSpec = null;
        if (commandLine.NoGraphic)
        {
            if (defaultParallel)
            {
                parallels.Add("null");
            }

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
                    defaultMonitorSpec = "stdio";
                }
            }
        }
        else
        {
            if (defaultSerial)
            {
                serials.Add(DefaultConsole);
            }

            if (defaultParallel)
            {
                parallels.Add(DefaultConsole);
            }

            if (defaultMonitor)
            {
                defaultMonitorSpec = DefaultConsole;
            }
        }

        var monitors = CreateEarlyBackends(commandLine, factory, defaultMonitorSpec);
        foreach (var monitor in monitors)
        {
            var chardev = monitor.Chardev ?? machine.Chardevs.Find(monitor.ChardevId!)
                ?? throw new VlException($"chardev \"{monitor.ChardevId}\" not found", monitor.Location);
            if (monitor.Control)
            {
                extensions.AttachQmp(machine, chardev, monitor.Pretty);
            }
            else
            {
                extensions.AttachMonitor(machine, chardev);
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

        for (var i = 0; i < parallels.Count; i++)
        {
            Guard(null, () => factory.CreateFromLegacy($"parallel{i}", parallels[i]));
        }
    }

    /// <summary>
    /// Creates the <c>-chardev</c> and monitor chardevs in command-line order (QEMU's "chardev" option list, to which
    /// monitor_parse appends compat_monitorN), and returns the monitors to attach in QEMU's "mon" list order.
    /// </summary>
    private static List<PendingMonitor> CreateEarlyBackends(QemuCommandLine commandLine, ChardevFactory factory, string? defaultMonitorSpec)
    {
        var monitors = new List<PendingMonitor>();

        // vl.c monitor_parse: -monitor and -qmp/-qmp-pretty share one label counter in command-line order
        // (compat_monitor0, compat_monitor1, ...); "-monitor none..." takes no number, "chardev:ID" takes one but
        // uses the chardev ID (looked up when the monitors attach, after every chardev exists).
        var monitorIndex = 0;
        var chardevIndex = 0;
        var monIndex = 0;
        foreach (var option in commandLine.Options)
        {
            var name = option.Spec.Name;
            if (name == "chardev")
            {
                var options = new Dictionary<string, string>(StringComparer.Ordinal);
                foreach (var entry in commandLine.Chardevs[chardevIndex++].Entries)
                {
                    options[entry.Key] = entry.Value;
                }

                Guard(option.Location, () => factory.Create(options));
                continue;
            }

            if (name == "mon")
            {
                var mon = commandLine.Mons[monIndex++];
                var id = mon.Get("chardev") ?? throw new VlException("Parameter 'chardev' is missing", option.Location);
                var control = mon.Get("mode") is "control";
                monitors.Add(new(null, id, control, control && mon.Get("pretty") is "on", option.Location));
                continue;
            }

            if (name is not ("monitor" or "qmp" or "qmp-pretty") || option.Argument is not { } spec)
            {
                continue;
            }

            if (name == "monitor" && spec.StartsWith("none", StringComparison.Ordinal))
            {
                continue;
            }

            var label = $"compat_monitor{monitorIndex++}";
            var isQmp = name != "monitor";
            if (spec.StartsWith("chardev:", StringComparison.Ordinal))
            {
                monitors.Add(new(null, spec[8..], isQmp, name == "qmp-pretty", option.Location));
                continue;
            }

            var chardev = Guard(option.Location, () => factory.CreateFromLegacy(label, spec));
            if (chardev is not null)
            {
                monitors.Add(new(chardev, null, isQmp, name == "qmp-pretty", option.Location));
            }
        }

        if (defaultMonitorSpec is not null)
        {
            var label = $"compat_monitor{monitorIndex}";
            var chardev = Guard(null, () => factory.CreateFromLegacy(label, defaultMonitorSpec));
            monitors.Add(new(chardev, null, false, false, null));
        }

        return monitors;
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

    /// <summary>A monitor to attach: to <paramref name="Chardev"/>, or to the chardev named <paramref name="ChardevId"/>.</summary>
    private sealed record PendingMonitor(Chardev? Chardev, string? ChardevId, bool Control, bool Pretty, string? Location);
}
