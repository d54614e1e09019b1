using Nemu.Core;

namespace Nemu.Monitor.Hmp;

/// <summary>
/// The command table, as data (names, args_type, synopsis and help follow QEMU's hmp-commands.hx and
/// hmp-commands-info.hx so <c>help</c> reads the same; <c>help</c> sorts them by name as QEMU does). Not modelled:
/// every command not listed here (qom-list/qom-get wait for a QOM view).
/// </summary>
public static class HmpCommands
{
    /// <summary>Top-level commands.</summary>
    public static IReadOnlyList<HmpCommand> Top { get; } =
    [
        new("help|?", "name:S?", "[cmd]", "show the help", (s, a) => s.Help(a.String("name"))),
        new("info", "item:S?", "[subcommand]", "show various information about the system state", RunInfo),
        new("stop|s", string.Empty, string.Empty, "stop emulation", (s, _) => s.Machine.Stop()),
        new("cont|c", string.Empty, string.Empty, "resume emulation", (s, _) => s.Machine.Cont()),
        new("quit|q", string.Empty, string.Empty, "quit the emulator", (s, _) =>
        {
            s.Quitting = true;
            s.Machine.Quit();
        }),
        new("system_reset", string.Empty, string.Empty, "reset the system", (s, _) => s.Machine.SystemReset()),
        new("cpu", "index:i", "index", "set the default CPU", HmpDebugCommands.Cpu),
        new(
            "gdbserver",
            "device:s?",
            "[device]",
            $"start gdbserver on given device (default '{HmpDebugCommands.DefaultGdbDevice}'), stop with 'none'",
            HmpDebugCommands.GdbServer),
        new("memsave", "val:l,size:i,filename:s", "addr size file", "save to disk virtual memory dump starting at 'addr' of size 'size'", HmpMemorySave.MemSave),
        new("pmemsave", "val:l,size:i,filename:s", "addr size file", "save to disk physical memory dump starting at 'addr' of size 'size'", HmpMemorySave.PMemSave),
        new("print|p", "fmt:/,val:l", "/fmt expr", "print expression value (use $reg for CPU register access)", HmpDebugCommands.Print),
        new("x", "fmt:/,addr:l", "/fmt addr", "virtual memory dump starting at 'addr'", (s, a) => s.Dump(a, physical: false)),
        new("xp", "fmt:/,addr:L", "/fmt addr", "physical memory dump starting at 'addr'", (s, a) => s.Dump(a, physical: true)),
    ];

    /// <summary>The <c>info</c> subcommands.</summary>
    public static IReadOnlyList<HmpCommand> Info { get; } =
    [
        new("chardev", string.Empty, string.Empty, "show the character devices", HmpCpuInfo.Chardevs),
        new("cpus", string.Empty, string.Empty, "show infos for each CPU", HmpCpuInfo.Cpus),
        new("irq", string.Empty, string.Empty, "show the interrupts statistics (if available)", (_, _) => { }),
        new(
            "mtree",
            "flatview:-f,dispatch_tree:-d,owner:-o,disabled:-D",
            "[-f][-d][-o][-D]",
            "show memory tree (-f: dump flat view for address spaces;-d: dump dispatch tree, valid with -f only);-o: dump region owners/parents;-D: dump disabled regions",
            (s, a) => s.Print(s.Machine.MemoryTree(a.Flag("flatview"), a.Flag("dispatch_tree"), a.Flag("owner"), a.Flag("disabled")))),
        new("pci", string.Empty, string.Empty, "show PCI info", (s, _) => s.Print(s.Machine.PciInfo())),
        new("pic", string.Empty, string.Empty, "show PIC state", (_, _) => { }),
        new("qtree", string.Empty, string.Empty, "show device tree", (s, _) => s.Print(s.Machine.DeviceTree())),
        new(
            "registers",
            "cpustate_all:-a,vcpu:i?",
            "[-a|vcpu]",
            "show the cpu registers (-a: show register info for all cpus; vcpu: specific vCPU to query; show the current CPU's registers if no argument is specified)",
            HmpCpuInfo.Registers),
        new("status", string.Empty, string.Empty, "show the current VM status (running|paused)", (s, _) => s.Print($"VM status: {s.Machine.StatusText}\n")),
        new("version", string.Empty, string.Empty, "show the version of Nemu", (s, _) => s.Print(NemuVersion.Text + "\n")),
    ];

    /// <summary><c>info</c> without a subcommand (hmp_info_help); with one, the session dispatches to <see cref="Info"/>.</summary>
    private static void RunInfo(HmpSession session, HmpArguments args) => session.InfoHelp();
}
