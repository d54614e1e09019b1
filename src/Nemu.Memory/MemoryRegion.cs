namespace Nemu.Memory;

/// <summary>
/// A node of the memory tree (QEMU's MemoryRegion, pci.md §1.1): RAM, ROM, ROM device, I/O, container,
/// reservation or alias. SKELETON: the public surface other subsystems build against; the memory API
/// work fills in the bodies.
/// </summary>
public sealed class MemoryRegion
{
    private MemoryRegion(string name, UInt128 size, object? owner)
    {
        Name = name;
        Size = size;
        Owner = owner;
    }

    /// <summary>The region's name as <c>info mtree</c> prints it.</summary>
    public string Name { get; }

    /// <summary>Size in bytes; 2^64 is representable (QEMU's Int128 size).</summary>
    public UInt128 Size { get; private set; }

    /// <summary>The device or object that owns the region (for <c>info mtree -o</c> and re-entrancy checks).</summary>
    public object? Owner { get; }

    /// <summary>A container only routes to its subregions.</summary>
    public static MemoryRegion CreateContainer(string name, UInt128 size, object? owner = null) => new(name, size, owner);

    /// <summary>An I/O region: every access calls <paramref name="ops"/>.</summary>
    public static MemoryRegion CreateIo(string name, UInt128 size, IMemoryRegionOps ops, object? owner = null) => throw new NotImplementedException();

    /// <summary>Guest RAM backed by anonymous host memory.</summary>
    public static MemoryRegion CreateRam(string name, ulong size, object? owner = null) => throw new NotImplementedException();

    /// <summary>Read-only memory: reads direct, writes dropped.</summary>
    public static MemoryRegion CreateRom(string name, ulong size, object? owner = null) => throw new NotImplementedException();

    /// <summary>A window of <paramref name="size"/> bytes at <paramref name="offset"/> into <paramref name="target"/>.</summary>
    public static MemoryRegion CreateAlias(string name, MemoryRegion target, ulong offset, UInt128 size, object? owner = null) => throw new NotImplementedException();

    /// <summary>Maps <paramref name="child"/> at <paramref name="offset"/> with priority 0.</summary>
    public void AddSubregion(ulong offset, MemoryRegion child) => throw new NotImplementedException();

    /// <summary>Maps <paramref name="child"/> at <paramref name="offset"/> with a signed priority.</summary>
    public void AddSubregionOverlap(ulong offset, MemoryRegion child, int priority) => throw new NotImplementedException();

    /// <summary>Unmaps <paramref name="child"/>.</summary>
    public void RemoveSubregion(MemoryRegion child) => throw new NotImplementedException();
}
