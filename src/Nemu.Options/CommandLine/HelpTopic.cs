namespace Nemu.Options.CommandLine;

/// <summary>What a help request asks for (management.md §1.1 "Help anywhere").</summary>
public enum HelpTopic
{
    /// <summary><c>-h</c>/<c>-help</c>: the usage text (<see cref="HelpText.Usage"/>).</summary>
    Usage,

    /// <summary><c>-version</c> (<see cref="HelpText.Version"/>).</summary>
    Version,

    /// <summary><c>-M help</c>: "Supported machines are:".</summary>
    Machines,

    /// <summary><c>-M NAME,help</c>: the machine's properties (Subject = NAME).</summary>
    MachineProperties,

    /// <summary><c>-cpu help</c>: "Available CPUs:".</summary>
    Cpus,

    /// <summary><c>-device help</c>: the device list.</summary>
    Devices,

    /// <summary><c>-device DRIVER,help</c>: the driver's properties (Subject = DRIVER).</summary>
    DeviceProperties,

    /// <summary><c>-chardev help</c>: "Available chardev backend types:".</summary>
    Chardevs,

    /// <summary><c>-chardev BACKEND,help</c>: chardev options.</summary>
    ChardevProperties,

    /// <summary><c>-object help</c>: "List of user creatable objects:".</summary>
    Objects,

    /// <summary><c>-object TYPE,help</c> (Subject = TYPE).</summary>
    ObjectProperties,

    /// <summary><c>-accel help</c>: "Accelerators supported in QEMU binary:".</summary>
    Accelerators,

    /// <summary><c>-d help</c>: the log items (QEMU exits 1 after it).</summary>
    LogItems,

    /// <summary><c>-trace help</c> or <c>-d trace:help</c>: the trace events.</summary>
    TraceEvents,

    /// <summary><c>-display help</c>.</summary>
    Displays,

    /// <summary>A <c>help</c> flag in a fixed group (<c>-rtc help</c>, <c>-msg help</c>, <c>-semihosting-config help</c>):
    /// the group's options (<see cref="HelpText.GroupOptions"/>); QEMU exits 1 after it.</summary>
    GroupOptions,
}
