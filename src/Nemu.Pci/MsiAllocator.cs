// Implements: the machine-side MSI/MSI-X interrupt number allocator of seed 004 (pci.md §8 (d); issue6-plan §3.6),
// for a pool of interrupt numbers such as the 64 GICv2m SPIs (INTIDs 80-143 on virt). QEMU's virt has none (the
// guest picks GICv2m SPIs itself); this is the sPAPR PHB design moved to an IPciInterruptObserver:
// - a function enabling MSI gets a power-of-two block aligned to its size (the message data's low bits carry the
//   vector, pci.md §3), one enabling MSI-X a contiguous block; the lowest free numbers are taken (first fit);
// - disabling, driver reload (disable then enable) and unplug (DeviceRemoved) free the block for reuse;
// - no per-bus device limit (the old SPAPR_MSIX_MAX_DEVS = 32): only the pool bounds it;
// - MSI and MSI-X are never both bound to a function (PCI 3.0 §6.8: "system software is prohibited from enabling
//   both"): the second kind is refused (false), as is a request the pool cannot hold; the function then keeps
//   using INTx. Config space itself still follows QEMU (the refusal does not clear the Enable bit);
// - the map, keyed by bus:dev.fn, is saved state ("msi-allocator", see MsiAllocatorState) rebuilt after load.
// Not modelled: sPAPR's request clamping/retry protocol (ibm,change-msi); hot-plug notifications other than
// DeviceRemoved.
using Nemu.Core.State;

namespace Nemu.Pci;

/// <summary>Allocates message interrupt numbers to PCI functions as they enable MSI or MSI-X.</summary>
public sealed partial class MsiAllocator : IPciInterruptObserver
{
    /// <summary>GICv2m on virt: MSI_TYPER reports SPIs from INTID 80 (seen 0x00500040).</summary>
    public const uint GicV2mFirstIntid = 80;

    /// <summary>GICv2m on virt: 64 SPIs.</summary>
    public const int GicV2mSpiCount = 64;

    /// <summary>The GICv2m MSI_SETSPI_NS doorbell on virt (0x08020000 + 0x40).</summary>
    public const ulong GicV2mSetSpiDoorbell = 0x08020040;

    /// <summary>The largest MSI block (32 vectors, Multiple Message Capable 5).</summary>
    public const int MaxMsiVectors = 32;

    private static readonly StateDescription<MsiAllocatorEntry> EntryVmsd =
        StateDescription<MsiAllocatorEntry>.Builder("msi-allocation", 1, 1)
            .UInt16("bdf", e => ref e.Bdf)
            .UInt8("kind", e => ref e.Kind)
            .UInt32("first", e => ref e.First)
            .UInt32("count", e => ref e.Count)
            .Build();

    private readonly bool[] _used;
    private readonly SortedDictionary<ushort, MsiAllocation> _map = [];
    private readonly Dictionary<PciDevice, ushort> _bdfs = new(ReferenceEqualityComparer.Instance);
    private readonly MsiAllocatorState _state;

    /// <summary>A pool of <paramref name="count"/> numbers from <paramref name="first"/>; messages go to <paramref name="doorbell"/>.</summary>
    public MsiAllocator(uint first = GicV2mFirstIntid, int count = GicV2mSpiCount, ulong doorbell = GicV2mSetSpiDoorbell)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        if (first + (ulong)count > uint.MaxValue)
        {
            throw new ArgumentOutOfRangeException(nameof(count), "the pool must end below 2^32");
        }

        First = first;
        Count = count;
        Doorbell = doorbell;
        _used = new bool[count];
        _state = new MsiAllocatorState(count);
        Vmsd = StateDescription<MsiAllocatorState>.Builder("msi-allocator", 1, 1)
            .UInt32("nr", s => ref s.Nr)
            .StructArray("allocations", s => s.Entries, count, EntryVmsd)
            .PreSave(_ => PreSave())
            .PostLoad((_, _) => PostLoad())
            .Build();
        VmState = Vmsd.Bind(_state);
    }

    /// <summary>The first number of the pool.</summary>
    public uint First { get; }

    /// <summary>The pool size.</summary>
    public int Count { get; }

    /// <summary>Where <see cref="ProgramVectors"/> points messages (the MSI controller's doorbell).</summary>
    public ulong Doorbell { get; }

    /// <summary>The state description of this pool size (its array length is the pool size).</summary>
    public StateDescription<MsiAllocatorState> Vmsd { get; }

    /// <summary>The saved form of the map (filled by the description's pre-save, read by its post-load).</summary>
    public MsiAllocatorState State => _state;

    /// <summary>The allocation map bound to its saved form; save/load it with the machine.</summary>
    public StateBinding VmState { get; }

    /// <summary>The allocation map, keyed by bus &lt;&lt; 8 | devfn, in key order.</summary>
    public IReadOnlyDictionary<ushort, MsiAllocation> Allocations => _map;

    /// <summary>Numbers not allocated.</summary>
    public int FreeCount
    {
        get
        {
            var n = 0;
            foreach (var used in _used)
            {
                n += used ? 0 : 1;
            }

            return n;
        }
    }

    /// <summary>The key a function is filed under: its requester id (bus number &lt;&lt; 8 | devfn).</summary>
    public static ushort BdfOf(PciDevice device) => (ushort)device.RequesterId;

    /// <summary>Makes this allocator the observer of <paramref name="rootBus"/> (set up by the host bridge's board).</summary>
    public void Attach(PciBus rootBus) => rootBus.InterruptObserver = this;

    /// <summary>
    /// Binds <paramref name="count"/> numbers of <paramref name="kind"/> to <paramref name="device"/>: the lowest free
    /// block (aligned to its power-of-two size for MSI). An existing block of the same kind and size is kept, one of
    /// another size is replaced. False (nothing changes) when the function has the other kind, the count is not
    /// valid for the kind, or the pool has no such block.
    /// </summary>
    public bool Allocate(PciDevice device, MsiKind kind, int count, out uint first)
    {
        first = 0;
        var bdf = KeyOf(device);
        if (_map.TryGetValue(bdf, out var existing))
        {
            if (existing.Kind != kind)
            {
                return false;
            }

            if (existing.Count == (uint)count)
            {
                first = existing.First;
                _bdfs[device] = bdf;
                return true;
            }
        }

        if (!ValidCount(kind, count))
        {
            return false;
        }

        if (_map.ContainsKey(bdf))
        {
            Mark(existing, false);
        }

        var start = FindFree(kind, count);
        if (start < 0)
        {
            if (_map.ContainsKey(bdf))
            {
                Mark(existing, true);
            }

            return false;
        }

        var allocation = new MsiAllocation(bdf, kind, First + (uint)start, (uint)count);
        Mark(allocation, true);
        _map[bdf] = allocation;
        _bdfs[device] = bdf;
        first = allocation.First;
        return true;
    }

    /// <summary>Frees <paramref name="device"/>'s block, whatever its kind; false if it had none.</summary>
    public bool Release(PciDevice device)
    {
        var bdf = KeyOf(device);
        _bdfs.Remove(device);
        if (!_map.Remove(bdf, out var allocation))
        {
            return false;
        }

        Mark(allocation, false);
        return true;
    }

    /// <summary>The block bound to <paramref name="device"/>, if any.</summary>
    public bool TryGetAllocation(PciDevice device, out MsiAllocation allocation) =>
        _map.TryGetValue(KeyOf(device), out allocation);

    /// <summary>Machine reset: every function's MSI and MSI-X are off again, so every number is free.</summary>
    public void Reset()
    {
        _map.Clear();
        _bdfs.Clear();
        Array.Clear(_used);
    }

    /// <summary>
    /// MSI or MSI-X Enable changed on <paramref name="device"/>: an enable allocates (false refuses it: other kind
    /// bound or pool exhausted), a disable (<paramref name="vectors"/> = 0) frees the block of that kind.
    /// </summary>
    public bool MsiEnableChanged(PciDevice device, MsiKind kind, int vectors)
    {
        if (vectors > 0)
        {
            return Allocate(device, kind, vectors, out _);
        }

        if (TryGetAllocation(device, out var allocation) && allocation.Kind == kind)
        {
            Release(device);
        }

        return true;
    }

    /// <summary>Unplug (device_del / unrealize) frees the function's block.</summary>
    public void DeviceRemoved(PciDevice device) => Release(device);

    private static bool ValidCount(MsiKind kind, int count) => kind == MsiKind.Msi
        ? count is > 0 and <= MaxMsiVectors && (count & (count - 1)) == 0
        : count > 0;

    /// <summary>A function known from an allocation keeps its key if its bus is renumbered later.</summary>
    private ushort KeyOf(PciDevice device) => _bdfs.TryGetValue(device, out var bdf) ? bdf : BdfOf(device);

    /// <summary>The lowest pool index of a free block; MSI blocks start at a multiple of their size.</summary>
    private int FindFree(MsiKind kind, int count)
    {
        if (count > Count)
        {
            return -1;
        }

        var step = kind == MsiKind.Msi ? (uint)count : 1u;
        var absolute = (First + step - 1) / step * step;
        for (var start = (long)(absolute - First); start + count <= Count; start += step)
        {
            if (IsFree((int)start, count))
            {
                return (int)start;
            }
        }

        return -1;
    }

    private bool IsFree(int start, int count)
    {
        for (var i = start; i < start + count; i++)
        {
            if (_used[i])
            {
                return false;
            }
        }

        return true;
    }

    private void Mark(MsiAllocation allocation, bool used) =>
        Array.Fill(_used, used, (int)(allocation.First - First), (int)allocation.Count);
}
