// Implements: management.md §1.2, the option table of qemu-options.hx (7.2/10.0) for the options Nemu
// accepts. The order is the order of `-h`. Options accepted for later (-netdev, -nic, -net, -drive) are
// parsed but may be rejected by the System layer. Not modelled: options outside management.md §1.2.
using Nemu.Options.Syntax;

namespace Nemu.Options.CommandLine;

/// <summary>The options Nemu understands, looked up by name or alias (<c>-M</c> is <c>-machine</c>).</summary>
public static class OptionTable
{
    private const string Pad = "                ";

    /// <summary>All options in help order.</summary>
    public static readonly IReadOnlyList<OptionSpec> All =
    [
        new("h", false, null, "-h or -help     display this help and exit"),
        new("version", false, null, "-version        display version information and exit"),
        new("machine", true, OptionGroups.Machine, "-machine [type=]name[,prop[=value][,...]]\n" + Pad + "selects emulated machine ('-machine help' for list)"),
        new("cpu", true, null, "-cpu cpu        select CPU ('-cpu help' for list)"),
        new("accel", true, OptionGroups.Accel, "-accel [accel=]accelerator[,prop[=value][,...]]\n" + Pad + "select accelerator (tcg or qtest; use 'help' for a list)"),
        new("smp", true, OptionGroups.Smp, "-smp [[cpus=]n][,maxcpus=maxcpus][,sockets=sockets][,dies=dies][,clusters=clusters][,cores=cores][,threads=threads]\n" + Pad + "set the number of initial CPUs to 'n'"),
        new("m", true, OptionGroups.Memory, "-m [size=]megs[,slots=n,maxmem=size]\n" + Pad + "configure guest RAM (a size without suffix is in MiB)"),
        new("name", true, OptionGroups.Name, "-name string1[,process=string2][,debug-threads=on|off]\n" + Pad + "set the name of the guest"),
        new("global", true, OptionGroups.Global, "-global driver.property=value\n-global driver=driver,property=property,value=value\n" + Pad + "set a global default for a device property"),
        new("device", true, OptionGroups.Device, "-device driver[,prop[=value][,...]]\n" + Pad + "add device (based on driver); prop=value,... sets driver properties\n" + Pad + "use '-device help' to print all possible drivers\n" + Pad + "use '-device driver,help' to print all possible properties"),
        new("object", true, OptionGroups.Object, "-object TYPENAME[,PROP1=VALUE1,...]\n" + Pad + "create a new object of type TYPENAME setting properties"),
        new("L", true, null, "-L path         set the directory for the BIOS and firmware images"),
        new("bios", true, null, "-bios file      set the filename for the BIOS"),
        new("drive", true, OptionGroups.Drive, "-drive [file=file][,if=type][,format=f][,id=name][,...]\n" + Pad + "use 'file' as a drive image"),
        new("hda", true, null, "-hda file       use 'file' as hard disk 0 image"),
        new("snapshot", false, null, "-snapshot       write to temporary files instead of disk image files"),
        new("netdev", true, OptionGroups.Netdev, "-netdev type[,prop=value][,...]\n" + Pad + "configure a network backend (accepted, not yet supported)"),
        new("nic", true, OptionGroups.Netdev, "-nic [type][,prop=value][,...]\n" + Pad + "configure a NIC and its backend (accepted, not yet supported)"),
        new("net", true, OptionGroups.Netdev, "-net type[,prop=value][,...]\n" + Pad + "legacy network option (accepted, not yet supported)"),
        new("display", true, OptionGroups.Display, "-display none   select display backend type (only 'none')"),
        new("nographic", false, null, "-nographic      disable graphical output and redirect serial I/Os to console"),
        new("kernel", true, null, "-kernel bzImage use 'bzImage' as kernel image (ELF or raw)"),
        new("append", true, null, "-append cmdline use 'cmdline' as kernel command line"),
        new("initrd", true, null, "-initrd file    use 'file' as initial ram disk"),
        new("chardev", true, OptionGroups.Chardev, "-chardev backend,id=id[,prop=value][,...]\n" + Pad + "configure a character device backend ('-chardev help' for list)"),
        new("serial", true, null, "-serial dev     redirect the serial port to char device 'dev'"),
        new("monitor", true, null, "-monitor dev    redirect the monitor to char device 'dev'"),
        new("qmp", true, null, "-qmp dev        like -monitor but opens in 'control' mode"),
        new("qmp-pretty", true, null, "-qmp-pretty dev like -qmp but uses pretty JSON formatting"),
        new("mon", true, OptionGroups.Mon, "-mon [chardev=]name[,mode=readline|control][,pretty[=on|off]]"),
        new("S", false, null, "-S              freeze CPU at startup (use 'c' to start execution)"),
        new("s", false, null, "-s              shorthand for -gdb tcp::1234"),
        new("gdb", true, null, "-gdb dev        accept gdb connection on 'dev'"),
        new("d", true, null, "-d item1,...    enable logging of specified items (use '-d help' for a list of log items)"),
        new("D", true, null, "-D logfile      output log to logfile (default stderr)"),
        new("dfilter", true, null, "-dfilter range,..  filter debug output to range of addresses (useful for -d cpu,exec,etc..)"),
        new("trace", true, OptionGroups.Trace, "-trace [[enable=]<pattern>][,events=<file>][,file=<file>]\n" + Pad + "specify tracing options"),
        new("msg", true, OptionGroups.Msg, "-msg [timestamp[=on|off]][,guest-name=[on|off]]\n" + Pad + "control error message format"),
        new("icount", true, OptionGroups.Icount, "-icount [shift=N|auto][,align=on|off][,sleep=on|off][,rr=record|replay,rrfile=<filename>[,rrsnapshot=<snapshot>]]\n" + Pad + "enable virtual instruction counter with 2^N clock ticks per instruction"),
        new("rtc", true, OptionGroups.Rtc, "-rtc [base=utc|localtime|<datetime>][,clock=host|rt|vm][,driftfix=none|slew]\n" + Pad + "set the RTC base and clock"),
        new("semihosting", false, null, "-semihosting    semihosting mode"),
        new("semihosting-config", true, OptionGroups.SemihostingConfig, "-semihosting-config [enable=on|off][,target=native|gdb|auto][,chardev=id][,userspace=on|off][,arg=str[,...]]\n" + Pad + "semihosting configuration"),
        new("no-reboot", false, null, "-no-reboot      exit instead of rebooting"),
        new("no-shutdown", false, null, "-no-shutdown    stop before shutdown"),
        new("action", true, OptionGroups.Action, "-action reboot=reset|shutdown,shutdown=poweroff|pause,panic=pause|shutdown|none,watchdog=...\n" + Pad + "action when guest reboots, shuts down, panics or its watchdog fires"),
        new("singlestep", false, null, "-singlestep     always run in singlestep mode"),
        new("qtest", true, null, "-qtest dev      enable the qtest protocol on char device 'dev'"),
        new("qtest-log", true, null, "-qtest-log file log the qtest protocol to 'file' ('none': no log; default stderr)"),
        new("incoming", true, null, "-incoming uri   wait on uri for incoming migration ('defer' to use migrate-incoming)"),
        new("loadvm", true, null, "-loadvm tag     start right away with a saved state (loadvm in monitor)"),
        new("nodefaults", false, null, "-nodefaults     don't create default devices"),
        new("no-user-config", false, null, "-no-user-config do not load default user-provided config files at startup"),
        new("pidfile", true, null, "-pidfile file   write PID to 'file'"),
        new("daemonize", false, null, "-daemonize      daemonize Nemu after initializing"),
    ];

    private static readonly Dictionary<string, OptionSpec> ByName = BuildIndex();

    /// <summary>The spec for <paramref name="name"/> (without dashes; aliases <c>M</c>, <c>help</c> included), or null.</summary>
    public static OptionSpec? Find(string name) => ByName.GetValueOrDefault(name);

    /// <summary>The spec named <paramref name="name"/>; throws when the table lacks it (a programming error).</summary>
    public static OptionSpec Get(string name) => ByName[name];

    private static Dictionary<string, OptionSpec> BuildIndex()
    {
        var index = new Dictionary<string, OptionSpec>(StringComparer.Ordinal);
        foreach (var spec in All)
        {
            index.Add(spec.Name, spec);
        }

        index.Add("M", index["machine"]);
        index.Add("help", index["h"]);
        return index;
    }
}
