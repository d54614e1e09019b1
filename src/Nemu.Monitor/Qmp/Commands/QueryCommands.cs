using Nemu.Monitor.Qmp.Schema;

namespace Nemu.Monitor.Qmp.Commands;

/// <summary>The QMP commands: query-name, query-target, query-kvm, query-cpus-fast, query-chardev, query-pci (piece C).</summary>
public static class QueryCommands
{
    /// <summary>The command records of this group.</summary>
    public static IEnumerable<QmpCommand> All() => [];
}
