using Nemu.Chardevs;
using Nemu.Core.Threading;
using Nemu.Core.Time;
using Nemu.Loader.Rom;
using Nemu.Memory;
using Nemu.Qdev;

namespace Nemu.System;

/// <summary>
/// A running machine: the memory tree and its address spaces, time and the main loop, the run state and
/// reset. Boards (a <see cref="MachineType"/>) add RAM, devices and CPUs to it. QEMU equivalents:
/// MachineState, get_system_memory()/get_system_io(), address_space_memory/_io, runstate, qemu_system_reset.
/// Everything here is touched on the main-loop thread only.
/// </summary>
public sealed class Machine : IDisposable
{
    private readonly List<Action> _resetHandlers = [];

    public Machine(MachineType type, MachineTime time, DeviceTypeRegistry devices)
    {
        Type = type;
        Time = time;
        Loop = new MainLoop(time);
        Memory = new MemorySystem();

        // QEMU's memory_map_init: "system" spans all 2^64 bytes, "io" is the 64 KiB port space.
        SystemMemory = MemoryRegion.CreateContainer("system", (UInt128)ulong.MaxValue + 1);
        SystemIo = MemoryRegion.CreateIo("io", 0x10000, UnassignedIoOps.Instance);
        AddressSpaceMemory = new AddressSpace(Memory, "memory", SystemMemory);
        AddressSpaceIo = new AddressSpace(Memory, "I/O", SystemIo);
        Qdev = new QdevTree(devices, new ChardevResolver(Chardevs));
        RomWriter = new AddressSpaceRomWriter(AddressSpaceMemory);
    }

    public MachineType Type { get; }

    public MachineTime Time { get; }

    public MainLoop Loop { get; }

    public MemorySystem Memory { get; }

    /// <summary>The root of the system address space (QEMU's <c>system</c> container).</summary>
    public MemoryRegion SystemMemory { get; }

    /// <summary>The port I/O space (<c>io</c>); nothing is mapped there on Arm boards.</summary>
    public MemoryRegion SystemIo { get; }

    /// <summary>The system address space (<c>memory</c>), what DMA, loaders and <c>xp</c> use.</summary>
    public AddressSpace AddressSpaceMemory { get; }

    public AddressSpace AddressSpaceIo { get; }

    /// <summary>The device tree (<c>info qtree</c>), its types and <c>-global</c> defaults.</summary>
    public QdevTree Qdev { get; }

    /// <summary>Images to install at every reset (<c>-kernel</c>, <c>-device loader,file=</c>); <c>info roms</c>.</summary>
    public RomSet Roms { get; } = new("memory");

    /// <summary>How ROM blobs reach memory: through the system address space, writing even into ROM.</summary>
    public IRomWriter RomWriter { get; set; }

    /// <summary>Every chardev by id (<c>-chardev</c>, <c>-serial</c>, <c>-monitor</c>).</summary>
    public ChardevRegistry Chardevs { get; } = new();

    /// <summary>The backends of <c>-serial</c> in order (serial_hd(i)); an entry is null for <c>-serial none</c>.</summary>
    public List<Chardev?> SerialPorts { get; } = [];

    /// <summary>Main RAM (QEMU's machine->ram), created from <c>-m</c> or <c>-machine memory-backend=</c>; the board maps it.</summary>
    public MemoryRegion? Ram { get; set; }

    /// <summary><c>-kernel</c> (or <c>-machine kernel=</c>); the board decides how to boot it.</summary>
    public string? KernelFilename { get; set; }

    /// <summary><c>-initrd</c>.</summary>
    public string? InitrdFilename { get; set; }

    /// <summary><c>-append</c>.</summary>
    public string? KernelCommandLine { get; set; }

    /// <summary>
    /// The CPUs in cpu_index order: the main loop's runner, or a round-robin runner's list (what monitors and the
    /// gdbstub enumerate); empty on a machine without CPUs.
    /// </summary>
    public IReadOnlyList<ICpuRunner> Cpus => Loop.CpuRunner switch
    {
        null => [],
        RoundRobinCpuRunner roundRobin => roundRobin.Cpus,
        var one => [one],
    };

    /// <summary>The current run state.</summary>
    public RunState State { get; private set; } = RunState.Prelaunch;

    /// <summary>Raised after every change of <see cref="State"/>.</summary>
    public event Action<RunState>? StateChanged;

    /// <summary>Raised when the machine asks to end the process (quit, Ctrl-A x, a guest shutdown with -no-shutdown unset).</summary>
    public event Action<int>? QuitRequested;

    /// <summary>
    /// Raised for every QMP-visible event (<see cref="MachineEvent"/>) on the main-loop thread, synchronously, before
    /// the operation that caused it returns.
    /// </summary>
    public event Action<MachineEvent>? EventRaised;

    /// <summary>Reports <paramref name="machineEvent"/> to every listener (monitors).</summary>
    public void RaiseEvent(MachineEvent machineEvent) => EventRaised?.Invoke(machineEvent);

    /// <summary>Things that must happen on every system reset, in registration order (qemu_register_reset).</summary>
    public void RegisterReset(Action handler) => _resetHandlers.Add(handler);

    /// <summary>
    /// A full system reset (qemu_system_reset): the ROM blobs are written again, then every device is reset,
    /// then the registered handlers run in order.
    /// </summary>
    public void Reset()
    {
        Roms.WriteAll(RomWriter);
        Qdev.ResetAll();
        foreach (var handler in _resetHandlers)
        {
            handler();
        }
    }

    /// <summary>
    /// A requested system reset (qemu_system_reset_request as the main loop handles it): the reset, the RESET event,
    /// then QEMU's rule that a machine not running afterwards is in <see cref="RunState.Prelaunch"/>.
    /// </summary>
    public void SystemReset(ShutdownCause cause)
    {
        Reset();
        RaiseEvent(new ResetEvent(cause));
        if (State is not (RunState.Running or RunState.InMigrate or RunState.FinishMigrate))
        {
            SetState(RunState.Prelaunch);
        }
    }

    /// <summary>system_powerdown: the POWERDOWN event; a board with a power button reacts to it (the M-profile boards have none).</summary>
    public void SystemPowerdown() => RaiseEvent(new PowerdownEvent());

    /// <summary>A shutdown (quit, guest power-off): the SHUTDOWN event, then the process exits with <paramref name="exitCode"/>.</summary>
    public void Shutdown(ShutdownCause cause, int exitCode = 0)
    {
        RaiseEvent(new ShutdownEvent(cause));
        RequestQuit(exitCode);
    }

    /// <summary>vm_start: virtual time runs and CPUs execute.</summary>
    public void Start()
    {
        if (State == RunState.Running)
        {
            return;
        }

        Time.Start();
        SetState(RunState.Running);
        RaiseEvent(new ResumeEvent());
    }

    /// <summary>vm_stop: time freezes and CPUs stop at an instruction boundary.</summary>
    public void Stop(RunState reason = RunState.Paused)
    {
        if (State != RunState.Running)
        {
            if (State != reason && reason != RunState.Paused)
            {
                SetState(reason);
            }

            return;
        }

        Time.Stop();
        SetState(reason);
        RaiseEvent(new StopEvent());
    }

    /// <summary>Asks the process to exit with <paramref name="exitCode"/> once the loop unwinds.</summary>
    public void RequestQuit(int exitCode = 0)
    {
        QuitRequested?.Invoke(exitCode);
        Loop.RequestQuit();
    }

    private void SetState(RunState state)
    {
        State = state;
        StateChanged?.Invoke(state);
    }

    public void Dispose()
    {
        Chardevs.Dispose();
        AddressSpaceIo.Dispose();
        AddressSpaceMemory.Dispose();
        Loop.Dispose();
    }
}
