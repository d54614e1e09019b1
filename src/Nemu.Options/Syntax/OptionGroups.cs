// Implements: the QemuOptsList/keyval descriptions of QEMU 7.2 for the options of management.md §1.2
// (system/vl.c, qemu-options.hx). Groups whose keys depend on the selected type (machine, device,
// object, chardev, accel, drive, netdev, smp) accept any key here; their owners validate later.
namespace Nemu.Options.Syntax;

/// <summary>The option groups of the QEMU command line.</summary>
public static class OptionGroups
{
    public static readonly OptionGroup Machine = new("machine", "type", OptionSyntax.Keyval, null);
    public static readonly OptionGroup Device = new("device", "driver", OptionSyntax.QemuOpts, null, acceptsJson: true);
    public static readonly OptionGroup Object = new("object", "qom-type", OptionSyntax.Keyval, null, acceptsJson: true);
    public static readonly OptionGroup Chardev = new("chardev", "backend", OptionSyntax.QemuOpts, null);
    public static readonly OptionGroup Drive = new("drive", null, OptionSyntax.QemuOpts, null);
    public static readonly OptionGroup Netdev = new("netdev", "type", OptionSyntax.QemuOpts, null);
    public static readonly OptionGroup Accel = new("accel", "accel", OptionSyntax.QemuOpts, null);
    public static readonly OptionGroup Smp = new("smp-opts", "cpus", OptionSyntax.QemuOpts, null);
    public static readonly OptionGroup Display = new("display", "type", OptionSyntax.Keyval, null);

    public static readonly OptionGroup Memory = new("memory", "size", OptionSyntax.QemuOpts, new Dictionary<string, OptionType>
    {
        ["size"] = OptionType.Size,
        ["slots"] = OptionType.Number,
        ["maxmem"] = OptionType.Size,
    });

    public static readonly OptionGroup Icount = new("icount", "shift", OptionSyntax.QemuOpts, new Dictionary<string, OptionType>
    {
        ["shift"] = OptionType.String,
        ["align"] = OptionType.Bool,
        ["sleep"] = OptionType.Bool,
        ["rr"] = OptionType.String,
        ["rrfile"] = OptionType.String,
        ["rrsnapshot"] = OptionType.String,
    });

    public static readonly OptionGroup SemihostingConfig = new("semihosting-config", null, OptionSyntax.QemuOpts, new Dictionary<string, OptionType>
    {
        ["enable"] = OptionType.Bool,
        ["userspace"] = OptionType.Bool,
        ["target"] = OptionType.String,
        ["chardev"] = OptionType.String,
        ["arg"] = OptionType.String,
    });

    public static readonly OptionGroup Rtc = new("rtc", null, OptionSyntax.QemuOpts, new Dictionary<string, OptionType>
    {
        ["base"] = OptionType.String,
        ["clock"] = OptionType.String,
        ["driftfix"] = OptionType.String,
    });

    public static readonly OptionGroup Msg = new("msg", null, OptionSyntax.QemuOpts, new Dictionary<string, OptionType>
    {
        ["timestamp"] = OptionType.Bool,
        ["guest-name"] = OptionType.Bool,
    });

    public static readonly OptionGroup Name = new("name", "guest", OptionSyntax.QemuOpts, new Dictionary<string, OptionType>
    {
        ["guest"] = OptionType.String,
        ["process"] = OptionType.String,
        ["debug-threads"] = OptionType.Bool,
    });

    public static readonly OptionGroup Trace = new("trace", "enable", OptionSyntax.QemuOpts, new Dictionary<string, OptionType>
    {
        ["enable"] = OptionType.String,
        ["events"] = OptionType.String,
        ["file"] = OptionType.String,
    });

    public static readonly OptionGroup Mon = new("mon", "chardev", OptionSyntax.QemuOpts, new Dictionary<string, OptionType>
    {
        ["mode"] = OptionType.String,
        ["chardev"] = OptionType.String,
        ["pretty"] = OptionType.Bool,
    });

    public static readonly OptionGroup Global = new("global", null, OptionSyntax.QemuOpts, new Dictionary<string, OptionType>
    {
        ["driver"] = OptionType.String,
        ["property"] = OptionType.String,
        ["value"] = OptionType.String,
    });

    public static readonly OptionGroup Action = new("action", null, OptionSyntax.QemuOpts, new Dictionary<string, OptionType>
    {
        ["reboot"] = OptionType.String,
        ["shutdown"] = OptionType.String,
        ["panic"] = OptionType.String,
        ["watchdog"] = OptionType.String,
    });
}
