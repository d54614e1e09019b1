// The QOM view of a System Machine for qom-list/qom-get/qom-set: `/machine` is `<board>-machine` (QEMU's
// MACHINE_TYPE_NAME) with the MachineState properties of QEMU 7.2 (hw/core/machine.c machine_class_init, as listed
// by qom-list /machine in issue7-ref/qmp-*.txt) and, on virt, its board properties; then the qdev tree (QomTree)
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
    /// <summary>QEMU's board-specific properties of virt 7.2 with their qom-list types.</summary>
    private static readonly (string Name, string Type)[] VirtProperties =
    [
        ("virtualization", "bool"), ("its", "bool"), ("secure", "bool"), ("default-bus-bypass-iommu", "bool"),
        ("iommu", "string"), ("acpi", "OnOffAuto"), ("mte", "bool"), ("x-oem-table-id", "string"), ("gic-version", "string"),
        ("dtb-randomness", "bool"), ("ras", "bool"), ("highmem", "bool"), ("dtb-kaslr-seed", "bool"), ("x-oem-id", "string"),
        ("pflash0", "str"), ("hmat", "bool"), ("pflash1", "str"), ("nvdimm", "bool"), ("nvdimm-persistence", "string"),
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
        foreach (var name in machine.Type.Properties)
        {
            var type = Array.Find(VirtProperties, p => p.Name == name).Type ?? "string";
            obj.Add(new QomProperty(name, type));
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

    private static QomProperty StoredString(string name, Dictionary<string, string?> values) =>
        QomProperty.String(name, () => values.GetValueOrDefault(name), v => values[name] = v);
}
