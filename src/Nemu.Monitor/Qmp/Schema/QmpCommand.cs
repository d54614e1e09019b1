// A QMP command as data (QEMU's QAPI 'command' definitions, qapi/*.json; management.md §2.5). The dispatcher
// (QmpDispatcher) validates the arguments against Arguments before it calls Handler, and query-qmp-schema
// (QmpSchemaIntrospection) is generated from these records.
using Nemu.Monitor.Qmp.Json;

namespace Nemu.Monitor.Qmp.Schema;

/// <summary>
/// Runs a command with validated arguments (an empty object when it has none) and returns its <c>return</c>
/// value (<c>{}</c> for commands without one). Errors are thrown as <see cref="QmpException"/>. Objects in the
/// returned value hold their members in QEMU's insertion order (the schema's member order); the monitor prints
/// them in QDict order (<see cref="QDictOrder"/>), so handlers must not reorder them themselves.
/// </summary>
public delegate JsonValue QmpHandler(QmpContext context, JsonObject arguments);

/// <summary>A QMP command as declared in the schema (QAPI <c>{ 'command': ... }</c>).</summary>
public sealed record QmpCommand(string Name, QmpObjectType? Arguments, QmpType? Returns, QmpHandler Handler,
    bool AllowOob = false, bool AllowPreconfig = false)
{
    /// <summary>
    /// False for QAPI's <c>'gen': false</c> commands (device_add): the arguments are not checked against
    /// <see cref="Arguments"/> (which only documents them), the handler validates them itself.
    /// </summary>
    public bool ValidateArguments { get; init; } = true;

    /// <summary>The QAPI features (<c>"features"</c> in query-qmp-schema), e.g. <c>savevm-monitor-nodes</c>.</summary>
    public IReadOnlyList<string> Features { get; init; } = [];
}
