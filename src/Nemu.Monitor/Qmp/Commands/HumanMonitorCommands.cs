using Nemu.Monitor.Qmp.Schema;

namespace Nemu.Monitor.Qmp.Commands;

/// <summary>The QMP commands: human-monitor-command (piece C).</summary>
public static class HumanMonitorCommands
{
    /// <summary>The command records of this group.</summary>
    public static IEnumerable<QmpCommand> All() => [];
}
