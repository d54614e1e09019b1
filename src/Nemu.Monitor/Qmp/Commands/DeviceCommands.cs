using Nemu.Monitor.Qmp.Schema;

namespace Nemu.Monitor.Qmp.Commands;

/// <summary>The QMP commands: device_add, device_del (piece C).</summary>
public static class DeviceCommands
{
    /// <summary>The command records of this group.</summary>
    public static IEnumerable<QmpCommand> All() => [];
}
