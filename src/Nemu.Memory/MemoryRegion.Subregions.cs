// QEMU's memory_region_add_subregion[_overlap] / del_subregion / set_address (pci.md §1.2): the list is kept
// in descending priority; a new child goes before the first sibling whose priority is <= its own, so the newest
// wins among equals; moving a region is del + re-add.
namespace Nemu.Memory;

/// <summary>Subregion management.</summary>
public sealed partial class MemoryRegion
{
    /// <summary>Maps <paramref name="child"/> at <paramref name="offset"/> with priority 0.</summary>
    public void AddSubregion(ulong offset, MemoryRegion child) => AddSubregionOverlap(offset, child, 0);

    /// <summary>Maps <paramref name="child"/> at <paramref name="offset"/> with a signed priority.</summary>
    public void AddSubregionOverlap(ulong offset, MemoryRegion child, int priority)
    {
        ArgumentNullException.ThrowIfNull(child);
        if (Alias is not null)
        {
            throw new InvalidOperationException($"cannot add subregion '{child.Name}' to alias '{Name}': aliases have no subregions");
        }

        if (child.Container is not null)
        {
            throw new InvalidOperationException($"region '{child.Name}' is already mapped in '{child.Container.Name}'");
        }

        if (child.Reaches(this) && !IsWindowedSelfAlias(offset, child))
        {
            throw new InvalidOperationException($"mapping '{child.Name}' into '{Name}' would make the memory tree cyclic");
        }

        if (_system is not null)
        {
            child.Bind(_system);
        }

        child._priority = priority;
        child._address = offset;
        AddCommon(child);
    }

    /// <summary>Unmaps <paramref name="child"/>.</summary>
    public void RemoveSubregion(MemoryRegion child)
    {
        ArgumentNullException.ThrowIfNull(child);
        if (child.Container != this)
        {
            throw new InvalidOperationException($"region '{child.Name}' is not mapped in '{Name}'");
        }

        // QEMU's "update pending" flag is global: an unmapped container still re-renders an address space whose
        // root is the child (the root's own addr moves its view), so fall back to the child's system.
        var system = _system ?? child._system;
        using var t = MemorySystem.Scope(system);
        child.Container = null;
        _subregions.Remove(child);
        system?.MarkUpdatePending(_enabled && child._enabled);
    }

    private void AddCommon(MemoryRegion child)
    {
        var system = _system ?? child._system; // see RemoveSubregion
        using var t = MemorySystem.Scope(system);
        child.Container = this;
        var index = _subregions.Count;
        for (var i = 0; i < _subregions.Count; i++)
        {
            if (child._priority >= _subregions[i]._priority)
            {
                index = i;
                break;
            }
        }

        _subregions.Insert(index, child);
        system?.MarkUpdatePending(_enabled && child._enabled);
    }

    private void Readd()
    {
        var container = Container;
        if (container is null)
        {
            return;
        }

        using var t = MemorySystem.Scope(_system);
        container.RemoveSubregion(this);
        container.AddCommon(this);
    }

    /// <summary>Attaches this region, its subtree and alias targets to <paramref name="system"/>.</summary>
    internal void Bind(MemorySystem system)
    {
        if (_system == system)
        {
            return;
        }

        if (_system is not null)
        {
            throw new InvalidOperationException($"region '{Name}' already belongs to another machine's memory system");
        }

        _system = system;
        foreach (var child in _subregions)
        {
            child.Bind(system);
        }

        Alias?.Bind(system);
    }

    // QEMU allows an alias into a region that contains it (armsse's "alias 1"/"alias 2" into armsse-container,
    // "alias 3" into the per-CPU container) because rendering it never reaches its own position again: the
    // alias's window in its target excludes the alias itself. Allowed here: an alias whose target is this
    // container or one of its ancestors, whose window [offset, offset+size) in the target does not overlap the
    // alias's own range there. Chains of such aliases that refer to each other are cut by FlatView's render depth.
    private bool IsWindowedSelfAlias(ulong offset, MemoryRegion child)
    {
        if (child.Alias is not { } target)
        {
            return false;
        }

        // The alias's position in target coordinates: its offset plus the addresses of the containers up to target.
        var position = (UInt128)offset;
        for (var mr = this; mr != target; mr = mr.Container)
        {
            if (mr is null)
            {
                return false;
            }

            position += mr.Address;
        }

        var windowStart = (UInt128)child.AliasOffset;
        var windowEnd = windowStart + child.Size;
        return position >= windowEnd || position + child.Size <= windowStart;
    }

    // True if target is this region or is reachable through subregions and alias targets. The tree may already
    // hold aliases into their own containers, so each region is visited once.
    private bool Reaches(MemoryRegion target) => Reaches(target, []);

    private bool Reaches(MemoryRegion target, HashSet<MemoryRegion> visited)
    {
        if (this == target)
        {
            return true;
        }

        if (!visited.Add(this))
        {
            return false;
        }

        if (Alias is not null && Alias.Reaches(target, visited))
        {
            return true;
        }

        foreach (var child in _subregions)
        {
            if (child.Reaches(target, visited))
            {
                return true;
            }
        }

        return false;
    }
}
