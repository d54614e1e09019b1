// The System Machine as the human monitor sees it (management.md §3). CPUs are found through the main loop's
// ICpuRunner (one CPU, or a RoundRobinCpuRunner's list in cpu_index order) and printed through ICpuStateDumper.
// info cpus: QEMU prints each vCPU thread's host TID; Nemu runs every CPU on the main-loop thread, so every CPU
// prints that thread's Linux TID (from /proc/thread-self when the monitor runs on the loop thread, else the
// process id).
using System.Globalization;
using Nemu.Core;
using Nemu.Core.Debug;
using Nemu.Core.Threading;
using Nemu.Monitor.Hmp;
using Nemu.Pci.Info;
using Nemu.System;

namespace Nemu.Monitor;

/// <summary>Presents a System <see cref="Machine"/> to the human monitor.</summary>
public sealed class MachineHmpAdapter(Machine machine) : IHmpMachine
{
    private long _loopThreadId;

    public string StatusText => RunStateNames.StatusText(machine.State);

    public int TargetBits => 32;

    public bool HasCpu => CpuCount > 0;

    public int CpuCount => CpuList().Count;

    public IReadOnlyList<(string Label, string Filename)> Chardevs =>
        [.. machine.Chardevs.ListingOrder.Select(c => (c.Id, c.Filename))];

    public IRegisterReader? Registers => null;

    public void Stop() => machine.Stop();

    public void Cont() => machine.Start();

    /// <summary>
    /// Starts the gdb stub for <c>gdbserver</c>: (machine, device) → null on success or QEMU's error text. The gdb stub
    /// lives in a project that references this one, so the command line sets this at start-up; unset, gdbserver
    /// reports that no stub is available.
    /// </summary>
    public static Func<Machine, string, string?>? GdbServerStarter { get; set; }

    /// <summary>HMP system_reset is qmp_system_reset: a host-requested reset (RESET event; paused → prelaunch).</summary>
    public void SystemReset() => machine.SystemReset(ShutdownCause.HostQmpSystemReset);

    /// <summary>HMP quit is qmp_quit: the SHUTDOWN event (host-qmp-quit), then exit 0.</summary>
    public void Quit() => machine.Shutdown(ShutdownCause.HostQmpQuit);

    public string? StartGdbServer(string device) => GdbServerStarter switch
    {
        { } start => start(machine, device),
        null when device == "none" => null,
        null => "gdbserver is not available in this build",
    };

    public void ReadPhysicalIgnoringErrors(ulong address, Span<byte> buffer) =>
        MemorySave.ReadPhysicalIgnoringErrors(machine.AddressSpaceMemory, address, buffer);

    public string MemoryTree(bool flat, bool dispatchTree, bool owner, bool disabled) =>
        machine.Memory.FormatMtree(flat, owner, disabled);

    public string PciInfo() => PciInfoPrinter.Print(machine.Qdev);

    public string DeviceTree() => machine.Qdev.PrintQtree();

    public bool ReadPhysical(ulong address, Span<byte> buffer) =>
        machine.AddressSpaceMemory.ReadBuffer(new GuestAddress(address), buffer, MemTxAttrs.UnspecifiedAttrs) == MemTxResult.Ok;

    public string CpuState(int index) =>
        CpuList() is var cpus && index >= 0 && index < cpus.Count && cpus[index] is ICpuStateDumper dumper ? dumper.DumpState(fpu: true) : string.Empty;

    public long CpuThreadId(int index)
    {
        if (_loopThreadId == 0 && machine.Loop.IsLoopThread)
        {
            _loopThreadId = CurrentThreadId();
        }

        return _loopThreadId != 0 ? _loopThreadId : Environment.ProcessId;
    }

    private static long CurrentThreadId()
    {
        // "/proc/thread-self" links to "<pid>/task/<tid>" for the thread that reads it.
        var target = new FileInfo("/proc/thread-self").LinkTarget;
        var slash = target?.LastIndexOf('/') ?? -1;
        return slash >= 0 && long.TryParse(target![(slash + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var tid) ? tid : 0;
    }

    private IReadOnlyList<ICpuRunner> CpuList() => machine.Cpus;

    public bool ReadVirtual(ulong address, Span<byte> buffer) =>
        address <= uint.MaxValue && ReadPhysical(address, buffer);

    public bool ReadCpuMemory(int cpu, ulong address, Span<byte> buffer) =>
        CpuList() is var cpus && cpu >= 0 && cpu < cpus.Count && cpus[cpu] is IDebugTarget target
            ? address <= uint.MaxValue && target.ReadMemory(address, buffer)
            : ReadVirtual(address, buffer);
}
