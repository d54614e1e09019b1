// The QOM view of a System Machine for qom-list/qom-get/qom-set: `/machine` is `<board>-machine` (QEMU's
// MACHINE_TYPE_NAME) with the MachineState properties of QEMU 7.2 (hw/core/machine.c machine_class_init, as listed
// by qom-list /machine in issue7-ref/qmp-*.txt) and, on virt, its board properties with QEMU's values for the
// configuration Nemu provides (GICv2, no ITS in use, highmem from -machine); then the qdev tree (QomTree)
// with each armv7m's CPU as its `cpu` child (type from the `cpu-type` property, e.g. cortex-m3-arm-cpu), and every
// chardev under /chardevs as `chardev-<backend>`. Each vc chardev also has its text console, as in QEMU
// (ui/console.c new_console): /backend/console[N] (`qemu-console`, properties device and head), numbered in creation
// order; /backend exists only once there is a console.
// kernel/initrd/append read and write the Machine's boot settings (as QEMU, a change only matters at the next
// boot); the other string properties hold what was set; `memory` is {"size": RAM bytes}.
// Not modelled: the values of boot/smp/memory-backend/confidential-guest-support beyond their listing.
using Nemu.Qdev.Qom;
using Nemu.System;

namespace Nemu.Monitor.Qmp.Commands;

/// <summary>Builds the QOM view of a machine.</summary>
public static class MachineQom
{
    /// <summary>QEMU's board-specific properties of virt 7.2 with their qom-list types and values (virt_machine_class_init, virt_instance_init).</summary>
    private static readonly (string Name, string Type, object? Value)[] VirtProperties =
    [
        ("virtualization", "bool", false), ("its", "bool", true), ("secure", "bool", false), ("default-bus-bypass-iommu", "bool", false),
        ("iommu", "string", "none"), ("acpi", "OnOffAuto", "auto"), ("mte", "bool", false), ("x-oem-table-id", "string", "BXPC    "),
        ("gic-version", "string", "2"), ("dtb-randomness", "bool", true), ("ras", "bool", false), ("highmem", "bool", true),
        ("dtb-kaslr-seed", "bool", true), ("x-oem-id", "string", "BOCHS "), ("pflash0", "str", ""), ("hmat", "bool", false),
        ("pflash1", "str", ""), ("nvdimm", "bool", false), ("nvdimm-persistence", "string", ""),
    ];

    /// <summary>The QOM type name of <paramref name="machine"/>'s board, e.g. <c>mps2-an385-machine</c>, <c>virt-7.2-machine</c>.</summary>
    public static string TypeName(Machine machine) => machine.Type.Name + "-machine";

    /// <summary>A fresh view of <paramref name="machine"/> (devices as they are now).</summary>
    public static QomTree Build(Machine machine)
    {
        var obj = new QomObject(TypeName(machine));
        var strings = new Dictionary<string, string?>();
        obj.Add(QomProperty.String("kernel", () => machine.KernelFilename, v => machine.KernelFilename = v));
        obj.Add(StoredString("dt-compatible", strings));
        obj.Add(new QomProperty("boot", "BootConfiguration", () => new List<KeyValuePair<string, object?>> { new("order", "cad"), new("strict", false) }));
        obj.Add(new QomProperty("memory", "MemorySizeConfiguration", () => new List<KeyValuePair<string, object?>> { new("size", (ulong)(machine.Ram?.Size ?? 0)) }));
        obj.Add(QomProperty.String("initrd", () => machine.InitrdFilename, v => machine.InitrdFilename = v));
        obj.AddLink("confidential-guest-support", "confidential-guest-support", () => null);
        obj.Add(QomProperty.Bool("graphics", () => false));
        obj.Add(QomProperty.Bool("usb", () => false));
        obj.Add(StoredString("firmware", strings));
        obj.Add(StoredString("memory-encryption", strings));
        obj.Add(new QomProperty("smp", "SMPConfiguration", () => new List<KeyValuePair<string, object?>>
        {
            new("cpus", (long)Math.Max(1, MachineCpus.All(machine).Count)), new("sockets", 1L), new("cores", 1L), new("threads", 1L), new("maxcpus", (long)Math.Max(1, MachineCpus.All(machine).Count)),
        }));
        obj.Add(QomProperty.Bool("dump-guest-core", () => true));
        obj.Add(new QomProperty("phandle-start", "int", () => 0x8000L));
        obj.Add(StoredString("dumpdtb", strings));
        obj.AddLink("memory-backend", "memory-backend", () => null);
        obj.Add(StoredString("dtb", strings));
        obj.Add(QomProperty.Bool("mem-merge", () => true));
        obj.Add(QomProperty.String("append", () => machine.KernelCommandLine, v => machine.KernelCommandLine = v));
        obj.Add(QomProperty.Bool("suppress-vmdesc", () => false));
        if (IsVirt(machine))
        {
            foreach (var (name, type, value) in VirtProperties)
            {
                obj.Add(name == "highmem" ? QomProperty.Bool(name, () => OnOff(machine, name, true)) : new QomProperty(name, type, () => value));
            }
        }
        else
        {
            foreach (var name in machine.Type.Properties)
            {
                obj.Add(new QomProperty(name, "string"));
            }
        }

        var view = QomTree.Build(machine.Qdev, obj);
        AddCpus(machine, view);
        foreach (var device in machine.Qdev.Devices)
        {
            if (DeviceCommands.IsHotplugged(device) && device.Path is not null && view.Resolve(device.Path) is { } hotplugged)
            {
                hotplugged.Add(QomProperty.Bool("hotplugged", () => true));
            }
        }

        var chardevs = view.Root.Follow("chardevs")!;
        foreach (var chardev in machine.Chardevs.All)
        {
            chardevs.AddChild(chardev.Id, new QomObject("chardev-" + chardev.BackendName));
        }

        AddConsoles(machine, view);

        return view;
    }

    private static void AddConsoles(Machine machine, QomTree view)
    {
        QomObject? backend = null;
        var index = 0;
        foreach (var chardev in machine.Chardevs.All)
        {
            if (chardev.BackendName != "vc")
            {
                continue;
            }

            backend ??= view.Root.AddChild("backend", new QomObject("container"));
            var console = backend.AddChild($"console[{index++}]", new QomObject("qemu-console"));
            console.AddLink("device", "device", () => null);
            console.Add(new QomProperty("head", "uint32", () => 0L));
        }
    }

    private static void AddCpus(Machine machine, QomTree view)
    {
        foreach (var device in machine.Qdev.Devices)
        {
            if (!device.Type.IsA("armv7m") || device.Path is null || view.Resolve(device.Path) is not { } container)
            {
                continue;
            }

            var cpuType = device.PrintProperty("cpu-type") is { Length: >= 2 } text && text[0] == '"' ? text[1..^1] : "arm-cpu";
            var cpu = container.AddChild("cpu", new QomObject(cpuType));
            cpu.Add(QomProperty.Bool("realized", () => device.IsRealized));
        }
    }

    private static bool IsVirt(Machine machine) => machine.Type.Name.StartsWith("virt", StringComparison.Ordinal);

    /// <summary>A boolean -machine property as given on the command line (QEMU's on/off/yes/no/true/false), else <paramref name="fallback"/>.</summary>
    private static bool OnOff(Machine machine, string name, bool fallback) =>
        machine.Qdev.GetService<Nemu.Options.CommandLine.QemuCommandLine>()?.Machine?.Get(name) switch
        {
            "on" or "yes" or "true" or "y" => true,
            "off" or "no" or "false" or "n" => false,
            _ => fallback,
        };

    private static QomProperty StoredString(string name, Dictionary<string, string?> values) =>
        QomProperty.String(name, () => values.GetValueOrDefault(name), v => values[name] = v);
}
