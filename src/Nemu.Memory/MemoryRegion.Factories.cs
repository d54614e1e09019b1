// QEMU's memory_region_init_* constructors (pci.md §1.1 table).
using Nemu.Memory.Backends;

namespace Nemu.Memory;

/// <summary>The constructors of each region kind.</summary>
public sealed partial class MemoryRegion
{
    /// <summary>A container only routes to its subregions.</summary>
    public static MemoryRegion CreateContainer(string name, UInt128 size, object? owner = null) => new(name, size, owner);

    /// <summary>An I/O region: every access calls <paramref name="ops"/>; null ops make a reservation.</summary>
    public static MemoryRegion CreateIo(string name, UInt128 size, IMemoryRegionOps? ops, object? owner = null)
    {
        var constraints = ops?.Constraints ?? AccessConstraints.Default;
        if (constraints.ImplUnaligned && !constraints.ValidUnaligned)
        {
            throw new ArgumentException($"region '{name}': impl.unaligned requires valid.unaligned", nameof(ops));
        }

        return new(name, size, owner) { Ops = ops, Constraints = constraints, Terminates = true };
    }

    /// <summary>A reservation: claims the range, rejects every access (QEMU's init_io with NULL ops).</summary>
    public static MemoryRegion CreateReservation(string name, UInt128 size, object? owner = null) => CreateIo(name, size, null, owner);

    /// <summary>Guest RAM backed by anonymous host memory.</summary>
    public static MemoryRegion CreateRam(string name, ulong size, object? owner = null) =>
        CreateRam(name, RamBlock.AllocateAnonymous(name, size, share: false), owner);

    /// <summary>Guest RAM backed by a host memory backend (QEMU's memory-backend-ram / memory-backend-memfd).</summary>
    public static MemoryRegion CreateRam(string name, HostMemoryBackend backend, object? owner = null)
    {
        ArgumentNullException.ThrowIfNull(backend);
        return CreateRam(name, backend.Block, owner);
    }

    /// <summary>Read-only memory: reads direct, writes dropped.</summary>
    public static MemoryRegion CreateRom(string name, ulong size, object? owner = null)
    {
        var mr = CreateRam(name, size, owner);
        mr._readOnly = true;
        return mr;
    }

    /// <summary>A ROM device: RAM for reads in romd mode, <paramref name="ops"/> for writes (and for reads otherwise).</summary>
    public static MemoryRegion CreateRomDevice(string name, ulong size, IMemoryRegionOps ops, object? owner = null)
    {
        ArgumentNullException.ThrowIfNull(ops);
        return new(name, size, owner)
        {
            Ops = ops,
            Constraints = ops.Constraints,
            RamBlock = RamBlock.AllocateAnonymous(name, size, share: false),
            IsRomDevice = true,
            Terminates = true,
        };
    }

    /// <summary>A window of <paramref name="size"/> bytes at <paramref name="offset"/> into <paramref name="target"/>.</summary>
    public static MemoryRegion CreateAlias(string name, MemoryRegion target, ulong offset, UInt128 size, object? owner = null)
    {
        ArgumentNullException.ThrowIfNull(target);
        var mr = new MemoryRegion(name, size, owner) { Alias = target };
        mr._aliasOffset = offset;
        mr._system = target._system;
        return mr;
    }

    private static MemoryRegion CreateRam(string name, RamBlock block, object? owner) =>
        new(name, block.Size, owner) { RamBlock = block, IsRam = true, Terminates = true };
}
