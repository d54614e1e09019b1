// QEMU's IOMMU memory regions (memory_region_init_iommu, memory_region_notify_iommu; pci.md §1). An access to
// the region is translated by IIommuOps and continues in the translation's target address space: address spaces
// translate IOMMU sections themselves (AddressSpace.Iommu.cs); the forwarding ops below only serve callers that
// dispatch to the region directly. The region prints as "i/o" in info mtree, as QEMU's does, and terminates in
// flat views. It never takes the owner's re-entrancy guard: QEMU dispatches through the translation, not
// through MMIO callbacks. A notification reaches every address space that uses the region (its FlatView
// contains it, or a cache followed a translation chain through it): they flush their SoftTlbs and raise
// AddressSpace.TranslationsChanged (QEMU's tcg_iommu_unmap_notify flushes the whole CPU TLB too).
using Nemu.Core;

namespace Nemu.Memory;

/// <summary>IOMMU regions.</summary>
public sealed partial class MemoryRegion
{
    /// <summary>The translation callbacks when this is an IOMMU region, else null.</summary>
    public IIommuOps? IommuOps { get; private init; }

    /// <summary>Whether this is an IOMMU region.</summary>
    public bool IsIommu => IommuOps is not null;

    /// <summary>
    /// Raised by <see cref="NotifyIommu"/> with (offset, length) of a range whose translation changed; everything
    /// cached through the region for that range must be dropped.
    /// </summary>
    public event Action<ulong, ulong>? IommuChanged;

    // The address spaces to tell about notifications (AddressSpace registers itself; see UseIommu there).
    private List<AddressSpace>? _iommuUsers;

    /// <summary>An IOMMU region of <paramref name="size"/> bytes translated by <paramref name="ops"/>.</summary>
    public static MemoryRegion CreateIommu(string name, UInt128 size, IIommuOps ops, object? owner = null)
    {
        ArgumentNullException.ThrowIfNull(ops);
        var forward = new IommuForwarder(ops);
        return new(name, size, owner)
        {
            Ops = forward,
            Constraints = forward.Constraints,
            Terminates = true,
            IommuOps = ops,
            DisableReentrancyGuard = true,
        };
    }

    /// <summary>
    /// memory_region_notify_iommu: the translation of [offset, offset+length) changed. Raises
    /// <see cref="IommuChanged"/>, then flushes every address space that uses the region (their SoftTlbs and
    /// <see cref="AddressSpace.TranslationsChanged"/>).
    /// </summary>
    public void NotifyIommu(ulong offset, ulong length)
    {
        IommuChanged?.Invoke(offset, length);
        if (_iommuUsers is { } users)
        {
            // A handler may create or dispose address spaces; index so the list can change underneath.
            for (var i = 0; i < users.Count; i++)
            {
                users[i].OnIommuNotified();
            }
        }
    }

    internal void AddIommuUser(AddressSpace space) => (_iommuUsers ??= []).Add(space);

    internal void RemoveIommuUser(AddressSpace space) => _iommuUsers?.Remove(space);

    /// <summary>The slow path: translate, then access the target address space with the same attributes.</summary>
    private sealed class IommuForwarder(IIommuOps ops) : IMemoryRegionOps
    {
        public AccessConstraints Constraints { get; } = new()
        {
            ValidMinAccessSize = 1,
            ValidMaxAccessSize = 8,
            ValidUnaligned = true,
            ImplMinAccessSize = 1,
            ImplMaxAccessSize = 8,
            ImplUnaligned = true,
        };

        public MemTxResult Read(ulong offset, uint size, MemTxAttrs attrs, out ulong value)
        {
            var e = ops.Translate(offset, IommuAccess.Read, ops.AttrsToIndex(attrs));
            if (e.Target is null || (e.Perm & IommuAccess.Read) == 0)
            {
                value = 0;
                return MemTxResult.DecodeError;
            }

            return e.Target.Read(new GuestAddress((e.TranslatedAddress & ~e.AddressMask) | (offset & e.AddressMask)), size, attrs, out value);
        }

        public MemTxResult Write(ulong offset, ulong value, uint size, MemTxAttrs attrs)
        {
            var e = ops.Translate(offset, IommuAccess.Write, ops.AttrsToIndex(attrs));
            if (e.Target is null || (e.Perm & IommuAccess.Write) == 0)
            {
                return MemTxResult.DecodeError;
            }

            return e.Target.Write(new GuestAddress((e.TranslatedAddress & ~e.AddressMask) | (offset & e.AddressMask)), value, size, attrs);
        }
    }
}
