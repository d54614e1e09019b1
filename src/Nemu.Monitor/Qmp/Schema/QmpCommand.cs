using Nemu.Monitor.Qmp.Json;

namespace Nemu.Monitor.Qmp.Schema;

/// <summary>
/// Runs a command with validated arguments (an empty object when it has none) and returns its <c>return</c>
/// value (<c>{}</c> for commands without one). Errors are thrown as <see cref="QmpException"/>.
/// </summary>
public delegate JsonValue QmpHandler(QmpContext context, JsonObject arguments);

/// <summary>A QMP command as declared in the schema (QAPI <c>{ 'command': ... }</c>).</summary>
public sealed record QmpCommand(string Name, QmpObjectType? Arguments, QmpType? Returns, QmpHandler Handler,
    bool AllowOob = false, bool AllowPreconfig = false);
