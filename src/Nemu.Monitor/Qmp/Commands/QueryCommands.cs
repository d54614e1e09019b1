// Implements the QMP queries of QEMU 7.2 (qapi/misc.json query-name, qapi/machine-target.json query-target,
// qapi/misc.json query-kvm, qapi/machine.json query-cpus-fast, qapi/char.json query-chardev; query-pci is in
// PciQuery.cs) with the shapes recorded in /work/notes/issue7-ref/qmp-*.txt. query-cpus-fast gives `props`
// (CpuInstanceProperties) on machines with possible-CPU ids (virt), not on the M-profile boards. Nemu runs every
// CPU on the main-loop thread, so thread-id is that thread's id for each CPU (docs/deviations.md, info cpus).
// query-chardev lists chardevs in QEMU's order (ChardevRegistry.ListingOrder: its /chardevs hash table's, reversed);
// frontend-open is true when a frontend is attached (for a mux: when one has the focus).
using Nemu.Monitor.Qmp.Json;
using Nemu.Monitor.Qmp.Schema;

namespace Nemu.Monitor.Qmp.Commands;

/// <summary>The QMP commands: query-name, query-target, query-kvm, query-cpus-fast, query-chardev, query-pci (piece C).</summary>
public static class QueryCommands
{
    public static QmpObjectType NameInfo { get; } = new("NameInfo", [new("name", QmpTypes.Str, Optional: true)]);

    public static QmpObjectType TargetInfo { get; } = new("TargetInfo", [new("arch", QmpTypes.SysEmuTarget)]);

    public static QmpObjectType KvmInfo { get; } = new("KvmInfo", [new("enabled", QmpTypes.Bool), new("present", QmpTypes.Bool)]);

    public static QmpObjectType CpuInstanceProperties { get; } = new("CpuInstanceProperties",
    [
        new("node-id", QmpTypes.Int, true), new("socket-id", QmpTypes.Int, true), new("die-id", QmpTypes.Int, true),
        new("cluster-id", QmpTypes.Int, true), new("core-id", QmpTypes.Int, true), new("thread-id", QmpTypes.Int, true),
    ]);

    public static QmpEnumType CpuS390State { get; } = new("CpuS390State", ["uninitialized", "stopped", "check-stop", "operating", "load"]);

    public static QmpObjectType CpuInfoS390 { get; } = new("CpuInfoS390", [new("cpu-state", CpuS390State)]);

    /// <summary>CpuInfoFast: a union on <c>target</c>; s390x (listed first, as QEMU's schema) has the only variant with members.</summary>
    public static QmpObjectType CpuInfoFast { get; } = new("CpuInfoFast",
        [
            new("cpu-index", QmpTypes.Int), new("qom-path", QmpTypes.Str), new("thread-id", QmpTypes.Int),
            new("props", CpuInstanceProperties, true), new("target", QmpTypes.SysEmuTarget),
        ],
        "target",
        [("s390x", CpuInfoS390), .. QmpTypes.SysEmuTarget.Values.Where(v => v != "s390x").Select(v => (v, QmpTypes.Empty))]);

    public static QmpObjectType ChardevInfo { get; } = new("ChardevInfo",
        [new("label", QmpTypes.Str), new("filename", QmpTypes.Str), new("frontend-open", QmpTypes.Bool)]);

    /// <summary>The command records of this group.</summary>
    public static IEnumerable<QmpCommand> All() =>
    [
        new("query-name", null, NameInfo, (_, _) => new JsonObject()),
        new("query-target", null, TargetInfo, (_, _) => new JsonObject(("arch", new JsonString("arm")))),
        new("query-kvm", null, KvmInfo, (_, _) => new JsonObject(("enabled", JsonBool.False), ("present", JsonBool.False))),
        new("query-cpus-fast", null, new QmpArrayType(CpuInfoFast), QueryCpusFast),
        new("query-chardev", null, new QmpArrayType(ChardevInfo), QueryChardev),
        new("query-pci", null, new QmpArrayType(PciQuery.PciInfo), (context, _) => PciQuery.Query(context.Machine.Qdev)),
    ];

    private static JsonValue QueryCpusFast(QmpContext context, JsonObject args)
    {
        var machine = context.Machine;
        var hmp = new MachineHmpAdapter(machine);
        var cpus = MachineCpus.All(machine);
        var withProps = machine.Type.Name.StartsWith("virt", StringComparison.Ordinal);
        var list = new List<JsonValue>();
        for (var i = 0; i < cpus.Count; i++)
        {
            var members = new List<(string, JsonValue)>
            {
                ("cpu-index", JsonNumber.FromInt64(i)),
                ("qom-path", new JsonString(MachineCpus.QomPath(machine, i))),
                ("thread-id", JsonNumber.FromInt64(hmp.CpuThreadId(i))),
            };
            if (withProps)
            {
                // virt's possible_cpu_arch_ids: one socket, one cluster, core i, thread 0.
                members.Add(("props", new JsonObject(
                    ("socket-id", JsonNumber.FromInt64(0)), ("cluster-id", JsonNumber.FromInt64(0)),
                    ("core-id", JsonNumber.FromInt64(i)), ("thread-id", JsonNumber.FromInt64(0)))));
            }

            members.Add(("target", new JsonString("arm")));
            list.Add(new JsonObject([.. members]));
        }

        return new JsonArray(list);
    }

    private static JsonValue QueryChardev(QmpContext context, JsonObject args) =>
        new JsonArray(context.Machine.Chardevs.ListingOrder.Select(c => (JsonValue)new JsonObject(
            ("label", new JsonString(c.Id)),
            ("filename", new JsonString(c.Filename)),
            ("frontend-open", JsonBool.From(c.FrontendOpen)))));
}
