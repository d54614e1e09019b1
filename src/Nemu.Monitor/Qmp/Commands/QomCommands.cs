using Nemu.Monitor.Qmp.Schema;

namespace Nemu.Monitor.Qmp.Commands;

/// <summary>The QMP commands: qom-list, qom-get, qom-set (piece C).</summary>
public static class QomCommands
{
    /// <summary>The command records of this group.</summary>
    public static IEnumerable<QmpCommand> All() => [];
}
