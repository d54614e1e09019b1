using Nemu.Core;
using Nemu.Loader.Rom;

namespace Nemu.Hw.Core;

/// <summary>What the generic loader needs of its machine (QEMU reaches these through globals).</summary>
public interface ILoaderHost
{
    /// <summary>The ROM blobs installed at every reset.</summary>
    RomSet Roms { get; }

    /// <summary>How many CPUs the machine has (cpu-num must name one of them).</summary>
    int CpuCount { get; }

    /// <summary>The machine's RAM size, the limit of a raw image.</summary>
    ulong RamSize { get; }

    /// <summary>Writes data bytes as a CPU would (address_space_write on the CPU's address space).</summary>
    MemTxResult WriteMemory(int cpuIndex, GuestAddress address, ReadOnlySpan<byte> data);

    /// <summary>Sets CPU <paramref name="cpuIndex"/>'s PC after reset.</summary>
    void SetProgramCounter(int cpuIndex, ulong pc);
}
