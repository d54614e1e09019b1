using Nemu.Core;
using Nemu.Hw.Core;
using Nemu.Loader.Rom;
using Nemu.System;

namespace Nemu.Cli;

/// <summary>The generic loader's view of a machine. Machines without CPUs write through the system address space.</summary>
internal sealed class MachineLoaderHost(Machine machine) : ILoaderHost
{
    public RomSet Roms => machine.Roms;

    public int CpuCount => 0;

    public ulong RamSize => machine.Ram is { } ram ? (ulong)UInt128.Min(ram.Size, ulong.MaxValue) : 0;

    public MemTxResult WriteMemory(int cpuIndex, GuestAddress address, ReadOnlySpan<byte> data) =>
        machine.AddressSpaceMemory.WriteBuffer(address, data, MemTxAttrs.UnspecifiedAttrs);

    public void SetProgramCounter(int cpuIndex, ulong pc)
    {
        // No CPU models yet: GenericLoader refuses a cpu-num that names no CPU, so this is never reached.
    }
}
