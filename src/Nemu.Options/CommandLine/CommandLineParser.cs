// Implements: management.md §1.2; the option loop of QEMU 7.2 system/vl.c qemu_init. Each option is checked
// when it is met, in argv order, so the first bad option is the one reported; -h, -version and help requests
// stop the loop like QEMU's exit() there. Deviation: semantic checks QEMU defers until after the loop
// (icount, accel, -d, semihosting target) are made at the option too; the texts are the same.
using Nemu.Core.Logging;
using Nemu.Options.Syntax;
using Nemu.Options.Values;

namespace Nemu.Options.CommandLine;

/// <summary>Builds a <see cref="QemuCommandLine"/> from argv.</summary>
public static class CommandLineParser
{
    /// <summary>
    /// Parses <paramref name="args"/> (without the program name). Throws <see cref="OptionsException"/> whose
    /// <see cref="OptionsException.Format"/> is the exact stderr text; exit with <see cref="OptionsException.ExitCode"/>.
    /// </summary>
    public static QemuCommandLine Parse(IReadOnlyList<string> args)
    {
        var split = CommandLineSplitter.Split(args);
        var b = new Builder();
        foreach (var option in split)
        {
            b.Options.Add(option);
            var help = HelpDetector.Detect(option);
            if (help is not null)
            {
                return b.Build(help);
            }

            try
            {
                Apply(b, option);
            }
            catch (OptionsException ex)
            {
                // -smp errors come from the QAPI visitor later in QEMU and carry no location.
                throw option.Spec.Name == "smp" ? ex : ex.WithLocation(option.Location);
            }
        }

        return b.Build(null);
    }

    private static ParsedOptions Opts(Builder b, CommandLineOption option)
    {
        var parsed = OptsParser.Parse(option.Argument!, option.Spec.Group!);
        foreach (var w in parsed.Warnings)
        {
            b.Warnings.Add(new OptionWarning(option.Location, w));
        }

        return parsed;
    }

    private static void Apply(Builder b, CommandLineOption o)
    {
        var arg = o.Argument;
        switch (o.Spec.Name)
        {
            case "machine": b.Machine.AddRange(Opts(b, o).Entries); break;
            case "cpu": b.Cpu = arg; break;
            case "m": b.Memory.AddRange(Opts(b, o).Entries); MemoryOptions.FromEntries(b.Memory); break;
            case "smp": b.Smp = SmpOptions.Parse(arg!); break;
            case "accel": b.Accels.Add(AccelOptions.Parse(arg!)); break;
            case "kernel": b.Kernel = arg; break;
            case "initrd": b.Initrd = arg; break;
            case "append": b.Append = arg; break;
            case "bios": b.Bios = arg; break;
            case "L": b.DataDirs.Add(arg!); break;
            case "name": b.Name = Opts(b, o); break;
            case "device": b.Devices.Add(Opts(b, o)); break;
            case "object": b.Objects.Add(Opts(b, o)); break;
            case "drive": b.Drives.Add(Opts(b, o)); break;
            case "hda": b.Images.Add(arg!); break;
            case "chardev": b.Chardevs.Add(Opts(b, o)); break;
            case "netdev" or "nic" or "net": b.Networks.Add((o.Spec.Name, Opts(b, o))); break;
            case "global":
                b.Globals.Add(GlobalOption.Parse(arg!, out var warnings));
                foreach (var w in warnings)
                {
                    b.Warnings.Add(new OptionWarning(o.Location, w));
                }

                break;
            case "serial": b.Serials.Add(arg!); break;
            case "monitor": b.Monitors.Add(arg!); break;
            case "qmp": b.Qmp.Add((arg!, false)); break;
            case "qmp-pretty": b.Qmp.Add((arg!, true)); break;
            case "mon": b.Mons.Add(Opts(b, o)); break;
            case "nographic": b.NoGraphic = true; break;
            case "display": b.Display = Opts(b, o); break;
            case "S": b.StartStopped = true; break;
            case "s": b.Gdb.Add("tcp::1234"); break;
            case "gdb": b.Gdb.Add(arg!); break;
            case "d": b.LogMask = LogItems.Parse(arg!, out var patterns); b.LogPatterns = patterns; break;
            case "D": b.LogFile = arg; break;
            case "dfilter": b.LogFilter = arg; break;
            case "trace": b.Traces.Add(Opts(b, o)); break;
            case "msg": b.Msg = Opts(b, o); break;
            case "icount": b.Icount = IcountOptions.FromOptions(Opts(b, o)); break;
            case "rtc": b.Rtc = Opts(b, o); break;
            case "semihosting": b.Semihosting = SemihostingConfig.EnabledDefault; break;
            case "semihosting-config": b.Semihosting = SemihostingConfig.Parse(arg!); break;
            case "no-reboot": b.NoReboot = true; break;
            case "no-shutdown": b.NoShutdown = true; break;
            case "action": b.Action = Opts(b, o); break;
            case "singlestep": b.Singlestep = true; break;
            case "qtest": b.Qtest = arg; break;
            case "qtest-log": b.QtestLog = arg; break;
            case "incoming": b.Incoming = arg; break;
            case "loadvm": b.LoadVm = arg; break;
            case "snapshot": b.Snapshot = true; break;
            case "nodefaults": b.NoDefaults = true; break;
            case "no-user-config": b.NoUserConfig = true; break;
            case "pidfile": b.PidFile = arg; break;
            case "daemonize": b.Daemonize = true; break;
            default: throw new InvalidOperationException($"option table entry '{o.Spec.Name}' has no handler");
        }
    }

    private sealed class Builder
    {
        public readonly List<CommandLineOption> Options = [];
        public readonly List<OptionWarning> Warnings = [];
        public readonly List<OptionEntry> Machine = [];
        public readonly List<OptionEntry> Memory = [];
        public readonly List<AccelOptions> Accels = [];
        public readonly List<string> DataDirs = [];
        public readonly List<ParsedOptions> Devices = [];
        public readonly List<ParsedOptions> Objects = [];
        public readonly List<ParsedOptions> Drives = [];
        public readonly List<string> Images = [];
        public readonly List<ParsedOptions> Chardevs = [];
        public readonly List<(string, ParsedOptions)> Networks = [];
        public readonly List<GlobalOption> Globals = [];
        public readonly List<string> Serials = [];
        public readonly List<string> Monitors = [];
        public readonly List<(string, bool)> Qmp = [];
        public readonly List<ParsedOptions> Mons = [];
        public readonly List<string> Gdb = [];
        public readonly List<ParsedOptions> Traces = [];
        public string? Cpu, Kernel, Initrd, Append, Bios, LogFile, LogFilter, Qtest, QtestLog, Incoming, LoadVm, PidFile;
        public SmpOptions? Smp;
        public ParsedOptions? Name, Display, Msg, Rtc, Action;
        public IcountOptions? Icount;
        public SemihostingConfig? Semihosting;
        public LogItem LogMask;
        public IReadOnlyList<string> LogPatterns = [];
        public bool NoGraphic, StartStopped, NoReboot, NoShutdown, Singlestep, Snapshot, NoDefaults, NoUserConfig, Daemonize;

        public QemuCommandLine Build(HelpRequest? help) => new()
        {
            Options = Options,
            Help = help,
            Warnings = Warnings,
            Machine = Machine.Count == 0 ? null : new ParsedOptions(OptionGroups.Machine, Machine, [], false),
            Cpu = Cpu,
            Memory = Memory.Count == 0 ? null : MemoryOptions.FromEntries(Memory),
            Smp = Smp,
            Accelerators = Accels,
            Kernel = Kernel,
            Initrd = Initrd,
            Append = Append,
            Bios = Bios,
            DataDirectories = DataDirs,
            Name = Name,
            Devices = Devices,
            Globals = Globals,
            Objects = Objects,
            Drives = Drives,
            DiskImages = Images,
            Chardevs = Chardevs,
            Networks = Networks,
            Serials = Serials,
            Monitors = Monitors,
            QmpMonitors = Qmp,
            Mons = Mons,
            NoGraphic = NoGraphic,
            Display = Display,
            StartStopped = StartStopped,
            GdbDevices = Gdb,
            LogMask = LogMask,
            LogTracePatterns = LogPatterns,
            LogFile = LogFile,
            LogFilter = LogFilter,
            Traces = Traces,
            Msg = Msg,
            Icount = Icount,
            Rtc = Rtc,
            Semihosting = Semihosting,
            NoReboot = NoReboot,
            NoShutdown = NoShutdown,
            Action = Action,
            Singlestep = Singlestep,
            Qtest = Qtest,
            QtestLog = QtestLog,
            Incoming = Incoming,
            LoadVm = LoadVm,
            Snapshot = Snapshot,
            NoDefaults = NoDefaults,
            NoUserConfig = NoUserConfig,
            PidFile = PidFile,
            Daemonize = Daemonize,
        };
    }
}
