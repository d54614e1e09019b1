// Implements: management.md §1.2, the typed result of the command line for the System layer.
// Options whose meaning depends on other subsystems (chardev specs, -device properties, -drive) are kept as
// parsed text/items; the owning subsystem validates them with QEMU's wording.
using Nemu.Core.Logging;
using Nemu.Options.Syntax;
using Nemu.Options.Values;

namespace Nemu.Options.CommandLine;

/// <summary>The parsed command line (see <see cref="CommandLineParser.Parse"/>).</summary>
public sealed class QemuCommandLine
{
    /// <summary>Every option in argv order (up to a help request).</summary>
    public IReadOnlyList<CommandLineOption> Options { get; internal set; } = [];

    /// <summary>Non-null when the command line asks for help or the version: answer it and exit.</summary>
    public HelpRequest? Help { get; internal set; }

    /// <summary>Warnings to print to stderr before running.</summary>
    public IReadOnlyList<OptionWarning> Warnings { get; internal set; } = [];

    /// <summary>All <c>-machine</c> items merged in order (a later key wins); null when none was given.</summary>
    public ParsedOptions? Machine { get; internal set; }

    /// <summary>The machine type (<c>-M NAME</c>), or null.</summary>
    public string? MachineType => Machine?.Get("type");

    public string? Cpu { get; internal set; }

    public MemoryOptions? Memory { get; internal set; }

    public SmpOptions? Smp { get; internal set; }

    public IReadOnlyList<AccelOptions> Accelerators { get; internal set; } = [];

    public string? Kernel { get; internal set; }

    public string? Initrd { get; internal set; }

    public string? Append { get; internal set; }

    public string? Bios { get; internal set; }

    /// <summary>The <c>-L</c> directories in order.</summary>
    public IReadOnlyList<string> DataDirectories { get; internal set; } = [];

    public ParsedOptions? Name { get; internal set; }

    public IReadOnlyList<ParsedOptions> Devices { get; internal set; } = [];

    public IReadOnlyList<GlobalOption> Globals { get; internal set; } = [];

    public IReadOnlyList<ParsedOptions> Objects { get; internal set; } = [];

    public IReadOnlyList<ParsedOptions> Drives { get; internal set; } = [];

    /// <summary>Images given as plain arguments or <c>-hda</c>.</summary>
    public IReadOnlyList<string> DiskImages { get; internal set; } = [];

    public IReadOnlyList<ParsedOptions> Chardevs { get; internal set; } = [];

    /// <summary><c>-netdev</c>/<c>-nic</c>/<c>-net</c>: accepted for later, with the option that gave each.</summary>
    public IReadOnlyList<(string Option, ParsedOptions Options)> Networks { get; internal set; } = [];

    /// <summary><c>-serial</c> chardev specs in order (serial0, serial1, ...).</summary>
    public IReadOnlyList<string> Serials { get; internal set; } = [];

    /// <summary><c>-monitor</c> chardev specs.</summary>
    public IReadOnlyList<string> Monitors { get; internal set; } = [];

    /// <summary><c>-qmp</c>/<c>-qmp-pretty</c> chardev specs.</summary>
    public IReadOnlyList<(string Device, bool Pretty)> QmpMonitors { get; internal set; } = [];

    /// <summary><c>-mon</c> items (chardev, mode, pretty).</summary>
    public IReadOnlyList<ParsedOptions> Mons { get; internal set; } = [];

    public bool NoGraphic { get; internal set; }

    public ParsedOptions? Display { get; internal set; }

    /// <summary><c>-S</c>: do not start the CPUs.</summary>
    public bool StartStopped { get; internal set; }

    /// <summary><c>-gdb</c> devices; <c>-s</c> adds <c>tcp::1234</c>.</summary>
    public IReadOnlyList<string> GdbDevices { get; internal set; } = [];

    /// <summary>The <c>-d</c> items (the last <c>-d</c> wins, as in QEMU).</summary>
    public LogItem LogMask { get; internal set; }

    /// <summary><c>-d trace:PATTERN</c> patterns.</summary>
    public IReadOnlyList<string> LogTracePatterns { get; internal set; } = [];

    public string? LogFile { get; internal set; }

    /// <summary>The <c>-dfilter</c> range list, unparsed.</summary>
    public string? LogFilter { get; internal set; }

    public IReadOnlyList<ParsedOptions> Traces { get; internal set; } = [];

    public ParsedOptions? Msg { get; internal set; }

    public IcountOptions? Icount { get; internal set; }

    public ParsedOptions? Rtc { get; internal set; }

    /// <summary>Semihosting configuration, or null when neither <c>-semihosting</c> nor <c>-semihosting-config</c> was given.</summary>
    public SemihostingConfig? Semihosting { get; internal set; }

    public bool NoReboot { get; internal set; }

    public bool NoShutdown { get; internal set; }

    public ParsedOptions? Action { get; internal set; }

    public bool Singlestep { get; internal set; }

    public string? Qtest { get; internal set; }

    /// <summary><c>-qtest-log FILE</c>: where the qtest protocol is logged (<c>none</c>: nowhere; absent: stderr).</summary>
    public string? QtestLog { get; internal set; }

    public string? Incoming { get; internal set; }

    public string? LoadVm { get; internal set; }

    public bool Snapshot { get; internal set; }

    public bool NoDefaults { get; internal set; }

    public bool NoUserConfig { get; internal set; }

    public string? PidFile { get; internal set; }

    public bool Daemonize { get; internal set; }
}
