// QEMU's MemoryListener (pci.md §1.7). Every callback is optional (a virtual no-op here). Not modelled:
// log_sync*, log_clear, log_global_*, eventfd_* and coalesced_io_* (no ioeventfds or coalesced MMIO yet).
namespace Nemu.Memory;

/// <summary>
/// Observes the rendered map of one address space (KVM slots, vhost tables, vfio DMA maps). Register with
/// <see cref="AddressSpace.RegisterListener"/>; unregistering calls <see cref="RegionDel"/> for every range.
/// </summary>
public abstract class MemoryListener
{
    protected MemoryListener(int priority = 0, string? name = null)
    {
        Priority = priority;
        Name = name ?? GetType().Name;
    }

    /// <summary>Listeners run in ascending priority (Forward) or descending (Reverse).</summary>
    public int Priority { get; }

    /// <summary>A name for diagnostics.</summary>
    public string Name { get; }

    /// <summary>The address space the listener is registered on, or null.</summary>
    public AddressSpace? AddressSpace { get; internal set; }

    /// <summary>A topology update (of any address space in the machine) starts.</summary>
    public virtual void Begin()
    {
    }

    /// <summary>A topology update ends.</summary>
    public virtual void Commit()
    {
    }

    /// <summary>A range appeared (or its attributes changed).</summary>
    public virtual void RegionAdd(in MemoryRegionSection section)
    {
    }

    /// <summary>A range disappeared (or its attributes changed).</summary>
    public virtual void RegionDel(in MemoryRegionSection section)
    {
    }

    /// <summary>A range is unchanged by the update.</summary>
    public virtual void RegionNop(in MemoryRegionSection section)
    {
    }

    /// <summary>Dirty logging clients were added to a range.</summary>
    public virtual void LogStart(in MemoryRegionSection section, int oldMask, int newMask)
    {
    }

    /// <summary>Dirty logging clients were removed from a range.</summary>
    public virtual void LogStop(in MemoryRegionSection section, int oldMask, int newMask)
    {
    }
}
