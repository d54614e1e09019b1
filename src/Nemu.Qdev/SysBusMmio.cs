// Implements: one entry of QEMU's SysBusDevice mmio[] (hw/core/sysbus.c): the region and where the board mapped it.
using Nemu.Memory;

namespace Nemu.Qdev;

/// <summary>An MMIO region of a sysbus device and its mapped guest address (null until mapped).</summary>
public sealed class SysBusMmio
{
    internal SysBusMmio(string name, UInt128 size, MemoryRegion? region)
    {
        Name = name;
        Size = size;
        Region = region;
    }

    /// <summary>The region's name (used for the <c>NAME[i]=&lt;child&lt;memory-region&gt;&gt;</c> help line).</summary>
    public string Name { get; }

    public UInt128 Size { get; }

    /// <summary>The region; null only for test slots declared without a memory region.</summary>
    public MemoryRegion? Region { get; }

    /// <summary>The guest address recorded by <see cref="SysBusDevice.MapMmio"/>, null when unmapped.</summary>
    public ulong? Address { get; internal set; }
}
