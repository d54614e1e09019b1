using Nemu.Monitor.Qmp.Schema;

namespace Nemu.Monitor.Qmp.Commands;

/// <summary>The QMP commands: query-commands, query-qmp-schema, query-version, qmp_capabilities as a schema entry (piece Q).</summary>
public static class SchemaCommands
{
    /// <summary>The command records of this group.</summary>
    public static IEnumerable<QmpCommand> All() => [];
}
