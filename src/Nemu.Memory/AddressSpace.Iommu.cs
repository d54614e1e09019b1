// Accesses through IOMMU regions (pci.md §1; QEMU softmmu/physmem.c address_space_translate_iommu,
// address_space_translate_for_iotlb and tcg_register_iommu_notifier). An IOMMU section is never direct: the
// slow paths translate it (iommu_idx from the access's attributes) and continue in the translation's target
// address space, and the caching paths (SoftTlb fills, code caches) follow the chain to RAM, remembering every
// IOMMU region they passed so that its notification drops what they cached. Not modelled: QEMU's per-index
// notifier flags (every notification flushes everything cached through the region), IOMMU replay.
using System.Buffers.Binary;
using Nemu.Core;
using Nemu.Memory.Backends;

namespace Nemu.Memory;

/// <summary>IOMMU translation for accesses, caches and their invalidation.</summary>
public sealed partial class AddressSpace
{
    /// <summary>
    /// Translations followed before an access gives up with a decode error. QEMU loops forever on a cycle of
    /// IOMMUs; a bound keeps a misconfigured machine from hanging the emulator.
    /// </summary>
    internal const int MaxIommuDepth = 8;

    // The IOMMU regions whose notifications concern this address space: those in its FlatView and those met
    // while following a translation chain for a cache. Never shrinks while the AS lives (an extra flush is harmless).
    private readonly List<MemoryRegion> _iommus = [];

    /// <summary>
    /// Raised (after this address space's SoftTlbs were flushed) when an IOMMU region that this address space
    /// reaches notified a translation change (<see cref="MemoryRegion.NotifyIommu"/>, e.g. a TZ-MPC LUT write).
    /// Anything cached from <see cref="TryGetRamBlock(GuestAddress, MemTxAttrs, out RamBlock?, out ulong)"/> must
    /// be dropped. Runs synchronously on the notifying thread, possibly in the middle of a guest store.
    /// </summary>
    public event Action? TranslationsChanged;

    /// <summary>Incremented before every <see cref="TranslationsChanged"/>, for caches that prefer to poll.</summary>
    public long TranslationGeneration { get; private set; }

    /// <summary>
    /// The RAM/ROM block a read of <paramref name="addr"/> with <paramref name="attrs"/> copies from, following
    /// IOMMU translations (iommu_idx from <paramref name="attrs"/>); false for I/O, unassigned, blocked or
    /// read-denied addresses. Results through an IOMMU hold until <see cref="TranslationsChanged"/>.
    /// </summary>
    public bool TryGetRamBlock(GuestAddress addr, MemTxAttrs attrs, out RamBlock? block, out ulong offset) =>
        TryGetRamBlock(addr, attrs, out block, out offset, out _);

    /// <summary>
    /// As <see cref="TryGetRamBlock(GuestAddress, MemTxAttrs, out RamBlock?, out ulong)"/>, also giving how many
    /// bytes from <paramref name="addr"/> on map contiguously into <paramref name="block"/> (capped at 2^63): an
    /// IOMMU may translate neighbouring blocks of a page differently, so checking a page's two ends is not enough.
    /// </summary>
    public bool TryGetRamBlock(GuestAddress addr, MemTxAttrs attrs, out RamBlock? block, out ulong offset, out ulong length)
    {
        if (TryResolveRam(addr.Value, attrs, out var t) && t.Readable)
        {
            block = t.Block;
            offset = t.Offset;
            length = Math.Min(t.LastOffset, (1UL << 63) - 1) + 1;
            return true;
        }

        block = null;
        offset = 0;
        length = 0;
        return false;
    }

    /// <summary>
    /// address_space_translate_for_iotlb: follows <paramref name="addr"/> through IOMMU sections (asking for all
    /// permissions, as QEMU passes IOMMU_NONE) to a directly readable section. Registers this address space with
    /// every IOMMU region on the way, so its notifications flush what the caller caches. Allocates only the first
    /// time a region is met.
    /// </summary>
    internal bool TryResolveRam(ulong addr, MemTxAttrs attrs, out RamTranslation result)
    {
        var space = this;
        var a = addr;
        var last = ulong.MaxValue;
        var perm = IommuAccess.ReadWrite;
        for (var depth = 0; depth <= MaxIommuDepth; depth++)
        {
            ref readonly var e = ref space._dispatch.Lookup(a);
            var off = a - e.Start;
            last = Math.Min(last, e.LastOffset - off);
            if (e.Region is { IommuOps: { } ops } iommu)
            {
                UseIommu(iommu);
                var offset = e.OffsetInRegion + off;
                var t = ops.Translate(offset, IommuAccess.None, ops.AttrsToIndex(attrs));
                perm &= t.Perm;
                if (t.Target is null || perm == IommuAccess.None)
                {
                    break;
                }

                var inBlock = offset & t.AddressMask;
                last = Math.Min(last, t.AddressMask - inBlock);
                a = (t.TranslatedAddress & ~t.AddressMask) | inBlock;
                space = t.Target;
                continue;
            }

            if (e.DirectRead is not { } block)
            {
                break;
            }

            var writable = (perm & IommuAccess.Write) != 0 && ReferenceEquals(e.DirectWrite, block);
            result = new RamTranslation(block, e.OffsetInRegion + off, last, (perm & IommuAccess.Read) != 0, writable);
            return true;
        }

        result = default;
        return false;
    }

    /// <summary>Called by an IOMMU region this AS uses when its translations changed: flush, then tell code caches.</summary>
    internal void OnIommuNotified()
    {
        TranslationGeneration++;
        FlushTlbs();
        TranslationsChanged?.Invoke();
    }

    // address_space_translate_iommu for one access of kind `access`: the target and the address there, and how
    // many bytes (minus one) from `offset` the translation block covers (also when it is denied; the whole rest of
    // the section when no translation was made). False: no target, permission denied, or too deep a chain (QEMU's
    // unassigned section).
    private static bool TranslateAccess(MemoryRegion iommu, ulong offset, IommuAccess access, MemTxAttrs attrs, int depth, out AddressSpace target, out ulong translated, out ulong lastInBlock)
    {
        target = null!;
        translated = 0;
        lastInBlock = ulong.MaxValue;
        if (depth >= MaxIommuDepth)
        {
            return false;
        }

        var ops = iommu.IommuOps!;
        var t = ops.Translate(offset, access, ops.AttrsToIndex(attrs));
        var inBlock = offset & t.AddressMask;
        lastInBlock = t.AddressMask - inBlock;
        if (t.Target is not { } space || (t.Perm & access) == 0)
        {
            return false;
        }

        target = space;
        translated = (t.TranslatedAddress & ~t.AddressMask) | inBlock;
        return true;
    }

    private MemTxResult ReadIommu(MemoryRegion iommu, ulong offset, ulong a, uint size, MemTxAttrs attrs, int depth, out ulong value)
    {
        if (!TranslateAccess(iommu, offset, IommuAccess.Read, attrs, depth, out var target, out var translated, out var lastInBlock))
        {
            MemoryRegionAccess.LogUnassigned(offset, size, isWrite: false);
            value = 0;
            return MemTxResult.DecodeError;
        }

        if (lastInBlock < size - 1)
        {
            // The access straddles two translation blocks: split it like a section-crossing access.
            Span<byte> bytes = stackalloc byte[8];
            bytes.Clear();
            var r = ReadBufferAt(a, bytes[..(int)size], attrs, depth);
            value = BinaryPrimitives.ReadUInt64LittleEndian(bytes);
            return r;
        }

        return target.ReadAt(translated, size, attrs, depth + 1, out value);
    }

    private MemTxResult WriteIommu(MemoryRegion iommu, ulong offset, ulong a, ulong value, uint size, MemTxAttrs attrs, int depth)
    {
        if (!TranslateAccess(iommu, offset, IommuAccess.Write, attrs, depth, out var target, out var translated, out var lastInBlock))
        {
            MemoryRegionAccess.LogUnassigned(offset, size, isWrite: true);
            return MemTxResult.DecodeError;
        }

        if (lastInBlock < size - 1)
        {
            Span<byte> bytes = stackalloc byte[8];
            BinaryPrimitives.WriteUInt64LittleEndian(bytes, value);
            return WriteBufferAt(a, bytes[..(int)size], attrs, depth);
        }

        return target.WriteAt(translated, value, size, attrs, depth + 1);
    }

    // A CPU-style load in a translation's target: the RAM copy of Read, else the slow path at this depth.
    private unsafe MemTxResult ReadAt(ulong a, uint size, MemTxAttrs attrs, int depth, out ulong value)
    {
        ref readonly var e = ref _dispatch.Lookup(a);
        var off = a - e.Start;
        if (e.DirectRead is { } block && block.Host != null && e.LastOffset - off >= size - 1 && size is 1 or 2 or 4 or 8)
        {
            var bytes = new ReadOnlySpan<byte>(block.Host + e.OffsetInRegion + off, (int)size);
            value = size == 8 ? BinaryPrimitives.ReadUInt64LittleEndian(bytes) : LoadPartial(bytes, size);
            return MemTxResult.Ok;
        }

        return ReadSection(a, size, attrs, in e, depth, out value);
    }

    private unsafe MemTxResult WriteAt(ulong a, ulong value, uint size, MemTxAttrs attrs, int depth)
    {
        ref readonly var e = ref _dispatch.Lookup(a);
        var off = a - e.Start;
        if (e.DirectWrite is { } block && block.Host != null && e.LastOffset - off >= size - 1 && size is 1 or 2 or 4 or 8)
        {
            block.CodePagesIfAny?.OnWrite(e.OffsetInRegion + off, size);
            var bytes = new Span<byte>(block.Host + e.OffsetInRegion + off, (int)size);
            for (var i = 0; i < (int)size; i++)
            {
                bytes[i] = (byte)(value >> (8 * i));
            }

            return MemTxResult.Ok;
        }

        return WriteSection(a, value, size, attrs, in e, depth);
    }

    private void UseIommu(MemoryRegion iommu)
    {
        var list = _iommus;
        for (var i = 0; i < list.Count; i++)
        {
            if (ReferenceEquals(list[i], iommu))
            {
                return;
            }
        }

        list.Add(iommu);
        iommu.AddIommuUser(this);
    }

    // The IOMMU regions of a new FlatView concern this AS even before anything is cached through them.
    private void UseIommusOf(FlatView view)
    {
        if (!view.HasIommu)
        {
            return;
        }

        foreach (var r in view.Ranges)
        {
            if (r.Region.IsIommu)
            {
                UseIommu(r.Region);
            }
        }
    }

    private void ReleaseIommus()
    {
        foreach (var iommu in _iommus)
        {
            iommu.RemoveIommuUser(this);
        }

        _iommus.Clear();
    }
}
