using Nemu.Monitor.Qmp.Schema;

namespace Nemu.Monitor.Qmp.Commands;

/// <summary>The QMP commands: memsave, pmemsave (piece C).</summary>
public static class MemoryCommands
{
    /// <summary>The command records of this group.</summary>
    public static IEnumerable<QmpCommand> All() => [];
}
