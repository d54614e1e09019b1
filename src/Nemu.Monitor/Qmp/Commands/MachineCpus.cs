// The CPUs of a machine as QMP sees them: cpu_index order (the main loop's runner, or a round-robin runner's list),
// QOM path (an armv7m container's `cpu` child, as QEMU's /machine/armv7m/cpu) and the host thread id.
using Nemu.Core.Debug;
using Nemu.Core.Threading;
using Nemu.System;

namespace Nemu.Monitor.Qmp.Commands;

/// <summary>CPU lookup shared by query-cpus-fast, memsave and human-monitor-command.</summary>
internal static class MachineCpus
{
    public static IReadOnlyList<ICpuRunner> All(Machine machine) => machine.Cpus;

    /// <summary>The QOM path of CPU <paramref name="index"/>: the index-th armv7m's <c>cpu</c> child.</summary>
    public static string QomPath(Machine machine, int index)
    {
        var containers = machine.Qdev.Devices.Where(d => d.Type.IsA("armv7m") && d.Path is not null).ToList();
        return index < containers.Count ? containers[index].Path + "/cpu" : $"/machine/unattached/device[{index}]";
    }

    /// <summary>CPU <paramref name="index"/> as a debug target, or the error QEMU gives for a bad cpu-index.</summary>
    public static IDebugTarget DebugTarget(Machine machine, long index)
    {
        var cpus = All(machine);
        return index >= 0 && index < cpus.Count && cpus[(int)index] is IDebugTarget target
            ? target
            : throw new Schema.QmpException("Parameter 'cpu-index' expects a CPU number");
    }

    /// <summary>Checks an optional cpu-index argument as QEMU's qemu_get_cpu does.</summary>
    public static int CheckIndex(Machine machine, long index) =>
        index >= 0 && index < All(machine).Count ? (int)index : throw new Schema.QmpException("Parameter 'cpu-index' expects a CPU number");
}
