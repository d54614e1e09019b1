// The services ArmSemihosting uses from the machine and the host: the exit request (QEMU calls
// gdb_exit(); exit(code) — Nemu asks the machine to exit instead), clocks for SYS_ELAPSED/SYS_CLOCK/SYS_TIME,
// the memory layout for SYS_HEAPINFO, the console chardev, the host stdio and the directory files resolve in.
using Nemu.Chardevs;
using Nemu.Core.Time;

namespace Nemu.Semihosting;

/// <summary>What the machine supplies to <see cref="ArmSemihosting"/>; only <see cref="RequestExit"/> and <see cref="Clock"/> are required.</summary>
public sealed class SemihostingEnvironment
{
    /// <summary>
    /// Asks the machine to exit the process with this status (SYS_EXIT, SYS_EXIT_EXTENDED, or 1 after an
    /// unsupported call). QEMU exits at once: no QMP SHUTDOWN event, no device teardown (management.md §7.2).
    /// </summary>
    public required Action<int> RequestExit { get; init; }

    /// <summary>The clock SYS_ELAPSED and SYS_CLOCK count (the machine's virtual clock, so -icount runs are deterministic).</summary>
    public required IClock Clock { get; init; }

    /// <summary>Host wall-clock time for SYS_TIME.</summary>
    public IHostTime HostTime { get; init; } = SystemHostTime.Instance;

    /// <summary>RAM and ROM blobs for SYS_HEAPINFO; null reports all zeros (QEMU's answer when it finds no RAM).</summary>
    public ISemihostingMemoryLayout? MemoryLayout { get; init; }

    /// <summary>The chardev named by chardev=ID, or null for host stderr/stdin.</summary>
    public Chardev? ConsoleChardev { get; init; }

    /// <summary>Host stdin/stdout/stderr (the console without a chardev, and ":tt").</summary>
    public SemihostingStdio Stdio { get; init; } = SemihostingStdio.Process();

    /// <summary>Where relative file names resolve (QEMU: the process's current directory).</summary>
    public string WorkingDirectory { get; init; } = Environment.CurrentDirectory;

    /// <summary>The pid SYS_TMPNAM puts in its names.</summary>
    public int ProcessId { get; init; } = Environment.ProcessId;
}
