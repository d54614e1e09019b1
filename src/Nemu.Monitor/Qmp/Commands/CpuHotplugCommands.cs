// Implements QMP query-hotpluggable-cpus of QEMU 7.2 (hw/core/machine-qmp-cmds.c, qapi/machine.json): on a
// machine class without has_hotpluggable_cpus (every board Nemu provides: mps2-*, lm3s*, microbit, virt) it
// answers GenericError "The feature 'query-hotpluggable-cpus' is not enabled". The schema types are QEMU's:
// [HotpluggableCPU] {type, vcpus-count, props: CpuInstanceProperties, qom-path?}.
// Not modelled: boards with hot-pluggable CPUs (none are provided), so no list is ever returned.
using Nemu.Monitor.Qmp.Json;
using Nemu.Monitor.Qmp.Schema;

namespace Nemu.Monitor.Qmp.Commands;

/// <summary>The QMP command query-hotpluggable-cpus.</summary>
public static class CpuHotplugCommands
{
    /// <summary>QAPI CpuInstanceProperties (qapi/machine.json), members in schema order.</summary>
    public static QmpObjectType CpuInstanceProperties { get; } = new("CpuInstanceProperties",
    [
        new("node-id", QmpTypes.Int, true), new("socket-id", QmpTypes.Int, true), new("die-id", QmpTypes.Int, true),
        new("cluster-id", QmpTypes.Int, true), new("core-id", QmpTypes.Int, true), new("thread-id", QmpTypes.Int, true),
    ]);

    /// <summary>QAPI HotpluggableCPU.</summary>
    public static QmpObjectType HotpluggableCpu { get; } = new("HotpluggableCPU",
    [
        new("type", QmpTypes.Str), new("vcpus-count", QmpTypes.Int), new("props", CpuInstanceProperties), new("qom-path", QmpTypes.Str, true),
    ]);

    /// <summary>The command records of this group.</summary>
    public static IEnumerable<QmpCommand> All() =>
    [
        new("query-hotpluggable-cpus", null, new QmpArrayType(HotpluggableCpu), Query),
    ];

    private static JsonValue Query(QmpContext context, JsonObject args) =>
        throw new QmpException("The feature 'query-hotpluggable-cpus' is not enabled");
}
