using Nemu.Monitor.Qmp.Schema;

namespace Nemu.Monitor.Qmp.Commands;

/// <summary>Every QMP command Nemu implements, in the order the groups list them.</summary>
public static class QmpCommandTable
{
    public static IReadOnlyList<QmpCommand> All { get; } =
    [
        .. SchemaCommands.All(),
        .. RunControlCommands.All(),
        .. QueryCommands.All(),
        .. CpuHotplugCommands.All(),
        .. QomCommands.All(),
        .. MemoryCommands.All(),
        .. DeviceCommands.All(),
        .. HumanMonitorCommands.All(),
    ];
}
