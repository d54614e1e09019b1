namespace Nemu.Monitor.Hmp;

/// <summary>What the human monitor needs of a machine; the System layer adapts its Machine to it.</summary>
public interface IHmpMachine
{
    /// <summary>The text after "VM status: " (<c>running</c>, <c>paused</c>, <c>paused (prelaunch)</c>, ...).</summary>
    string StatusText { get; }

    /// <summary>Bits of a target virtual address (32 on Arm), for <c>x</c> output.</summary>
    int TargetBits { get; }

    /// <summary>False for machines without a CPU: virtual-address commands refuse to run.</summary>
    bool HasCpu { get; }

    /// <summary>Registers for <c>$reg</c> in expressions; null when there is no CPU.</summary>
    IRegisterReader? Registers { get; }

    void Stop();

    void Cont();

    void SystemReset();

    void Quit();

    /// <summary>The text of <c>info mtree</c> with its flags.</summary>
    string MemoryTree(bool flat, bool dispatchTree, bool owner, bool disabled);

    /// <summary>The text of <c>info pci</c> (empty on a machine without PCI).</summary>
    string PciInfo();

    /// <summary>The text of <c>info qtree</c>.</summary>
    string DeviceTree();

    /// <summary>Reads guest physical memory through the system address space (debug access).</summary>
    bool ReadPhysical(ulong address, Span<byte> buffer);

    /// <summary>Reads through the current CPU's view (virtual address); without an MMU it is the CPU's address space.</summary>
    bool ReadVirtual(ulong address, Span<byte> buffer);

    /// <summary>
    /// cpu_memory_rw_debug: reads through CPU <paramref name="cpu"/>'s view of memory (its address space and security
    /// state, as gdb and <c>x</c>/<c>memsave</c> see it); false when any byte cannot be read.
    /// </summary>
    bool ReadCpuMemory(int cpu, ulong address, Span<byte> buffer) => ReadVirtual(address, buffer);

    /// <summary>
    /// cpu_physical_memory_read, as <c>pmemsave</c> uses it: reads guest physical memory ignoring errors, so unassigned
    /// bytes read as zero. Never touches anything outside guest memory.
    /// </summary>
    void ReadPhysicalIgnoringErrors(ulong address, Span<byte> buffer)
    {
        if (!ReadPhysical(address, buffer))
        {
            buffer.Clear();
        }
    }

    /// <summary>
    /// <c>gdbserver DEVICE</c>: starts the gdb stub on the chardev <paramref name="device"/> (or stops it for
    /// <c>none</c>). Null on success; otherwise the error QEMU reports on the monitor before
    /// "Could not open gdbserver on device '…'" (e.g. <c>'nosuchdev' is not a valid char driver</c>).
    /// </summary>
    string? StartGdbServer(string device) => "gdbserver is not available on this machine";

    /// <summary>How many CPUs the machine has (QEMU's cpu_index runs 0..CpuCount-1).</summary>
    int CpuCount { get; }

    /// <summary>CPU <paramref name="index"/>'s register dump with the FP registers (QEMU's cpu_dump_state with CPU_DUMP_FPU).</summary>
    string CpuState(int index);

    /// <summary>The host thread id <c>info cpus</c> prints for CPU <paramref name="index"/>.</summary>
    long CpuThreadId(int index);

    /// <summary>The chardevs as <c>info chardev</c> lists them: label and filename, in QEMU's listing order.</summary>
    IReadOnlyList<(string Label, string Filename)> Chardevs { get; }
}
