// QEMU's MemoryRegion (pci.md §1.1 kinds, §1.2 subregion ordering, attribute setters wrapped in transactions).
// A region learns which MemorySystem it belongs to when it (or an ancestor) is mapped into a tree that an
// AddressSpace uses; until then attribute changes need no re-render. Access dispatch is in MemoryRegionAccess.
// IOMMU regions are in MemoryRegion.Iommu.cs. Not modelled: RAM-device regions, coalesced MMIO, ioeventfds,
// QOM properties, refcounts.
using Nemu.Memory.Backends;

namespace Nemu.Memory;

/// <summary>
/// A node of the memory tree (QEMU's MemoryRegion, pci.md §1.1): RAM, ROM, ROM device, I/O, container,
/// reservation or alias. Attribute setters behave like QEMU's <c>memory_region_set_*</c>: each runs in a
/// transaction and re-renders the affected FlatViews at the outermost commit.
/// </summary>
public sealed partial class MemoryRegion
{
    private readonly List<MemoryRegion> _subregions = [];
    private MemorySystem? _system;
    private UInt128 _size;
    private ulong _address;
    private int _priority;
    private ulong _aliasOffset;
    private bool _enabled = true;
    private bool _readOnly;
    private bool _nonvolatile;
    private bool _unmergeable;
    private bool _romdMode = true;
    private byte _dirtyLogMask;

    private MemoryRegion(string name, UInt128 size, object? owner)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (size > Int128Size264)
        {
            throw new ArgumentOutOfRangeException(nameof(size), $"region '{name}' is larger than 2^64 bytes");
        }

        Name = name;
        _size = NormalizeSize(size);
        Owner = owner;
        Guard = owner is null ? null : ReentrancyGuard.For(owner);
    }

    /// <summary>The region's name as <c>info mtree</c> prints it.</summary>
    public string Name { get; }

    /// <summary>The device or object that owns the region (for <c>info mtree -o</c> and re-entrancy checks).</summary>
    public object? Owner { get; }

    /// <summary>The container this region is mapped in, if any.</summary>
    public MemoryRegion? Container { get; private set; }

    /// <summary>The target of an alias region, else null.</summary>
    public MemoryRegion? Alias { get; private init; }

    /// <summary>The callbacks of an I/O or ROM-device region; null for containers, RAM, ROM and reservations.</summary>
    public IMemoryRegionOps? Ops { get; private init; }

    /// <summary>The host memory of a RAM, ROM or ROM-device region.</summary>
    public RamBlock? RamBlock { get; private init; }

    /// <summary>True for RAM and ROM (QEMU's <c>mr-&gt;ram</c>); false for ROM devices.</summary>
    public bool IsRam { get; private init; }

    /// <summary>True for a ROM device (QEMU's <c>rom_device</c>).</summary>
    public bool IsRomDevice { get; private init; }

    /// <summary>False only for pure containers and aliases (QEMU's <c>terminates</c>).</summary>
    public bool Terminates { get; private init; }

    /// <summary>Opts this region out of the re-entrancy guard (QEMU's <c>disable_reentrancy_guard</c>).</summary>
    public bool DisableReentrancyGuard { get; set; }

    /// <summary>The subregions in rendering order: descending priority, newest first among equals.</summary>
    public IReadOnlyList<MemoryRegion> Subregions => _subregions;

    internal AccessConstraints Constraints { get; private init; } = AccessConstraints.Default;

    internal ReentrancyGuard? Guard { get; }

    internal MemorySystem? System => _system;

    /// <summary>Size in bytes; 2^64 is representable (QEMU's Int128 size). Setting it is memory_region_set_size.</summary>
    public UInt128 Size
    {
        get => _size;
        set
        {
            var s = NormalizeSize(value);
            if (s == _size)
            {
                return;
            }

            using var t = MemorySystem.Scope(_system);
            _size = s;
            _system?.MarkUpdatePending(true);
        }
    }

    /// <summary>Offset in the container (QEMU's <c>addr</c>). Setting it re-adds the region (del + add).</summary>
    public ulong Address
    {
        get => _address;
        set
        {
            if (value == _address)
            {
                return;
            }

            _address = value;
            Readd();
        }
    }

    /// <summary>Priority among siblings. Setting it re-adds the region, so it becomes the newest of its priority.</summary>
    public int Priority
    {
        get => _priority;
        set
        {
            if (value == _priority)
            {
                return;
            }

            _priority = value;
            Readd();
        }
    }

    /// <summary>Whether the region (and its subtree) is rendered (memory_region_set_enabled).</summary>
    public bool Enabled
    {
        get => _enabled;
        set
        {
            if (value == _enabled)
            {
                return;
            }

            using var t = MemorySystem.Scope(_system);
            _enabled = value;
            _system?.MarkUpdatePending(true);
        }
    }

    /// <summary>Read-only flag, inherited by everything rendered below (memory_region_set_readonly).</summary>
    public bool ReadOnly
    {
        get => _readOnly;
        set => SetFlag(ref _readOnly, value);
    }

    /// <summary>Non-volatile flag, inherited like <see cref="ReadOnly"/>; prints as <c>nv-</c>.</summary>
    public bool Nonvolatile
    {
        get => _nonvolatile;
        set => SetFlag(ref _nonvolatile, value);
    }

    /// <summary>Keeps rendered ranges from being merged with neighbours (memory_region_set_unmergeable).</summary>
    public bool Unmergeable
    {
        get => _unmergeable;
        set => SetFlag(ref _unmergeable, value);
    }

    /// <summary>ROM-device mode: true reads straight from RAM, false sends reads to the ops too.</summary>
    public bool RomdMode
    {
        get => _romdMode;
        set => SetFlag(ref _romdMode, value);
    }

    /// <summary>Dirty-logging clients bitmap; listeners see log_start/log_stop when it changes.</summary>
    public byte DirtyLogMask
    {
        get => _dirtyLogMask;
        set
        {
            if (value == _dirtyLogMask)
            {
                return;
            }

            using var t = MemorySystem.Scope(_system);
            _dirtyLogMask = value;
            _system?.MarkUpdatePending(_enabled);
        }
    }

    /// <summary>Offset of an alias window into its target (memory_region_set_alias_offset).</summary>
    public ulong AliasOffset
    {
        get => _aliasOffset;
        set
        {
            if (Alias is null)
            {
                throw new InvalidOperationException($"region '{Name}' is not an alias");
            }

            if (value == _aliasOffset)
            {
                return;
            }

            using var t = MemorySystem.Scope(_system);
            _aliasOffset = value;
            _system?.MarkUpdatePending(_enabled);
        }
    }

    private static UInt128 Int128Size264 => (UInt128)ulong.MaxValue + 1;

    // QEMU: a size of UINT64_MAX means exactly 2^64.
    private static UInt128 NormalizeSize(UInt128 size) => size == ulong.MaxValue ? Int128Size264 : size;

    private void SetFlag(ref bool field, bool value)
    {
        if (field == value)
        {
            return;
        }

        using var t = MemorySystem.Scope(_system);
        field = value;
        _system?.MarkUpdatePending(_enabled);
    }
}
