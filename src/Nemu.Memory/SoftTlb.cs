// A CPU-side cache of direct host mappings (QEMU's softmmu CPUTLB, accel/tcg/cputlb.c, reduced to what an
// interpreter of a CPU without an MMU needs): a direct-mapped table of guest pages that lie entirely inside one
// RAM-backed section of the address space, each with a read tag (RAM, ROM, ROM device in romd mode) and a write
// tag (writable RAM only), so a load or store to such a page is a tag compare and a host copy. Everything else
// (I/O, unassigned, ROM writes, accesses crossing a page, pages only partly RAM) misses and the caller takes the
// full AddressSpace.Read/Write path with its exact fault and discard semantics. Writes still report to the RAM
// block's CodePageTracker so cached decoded code is invalidated (QEMU's TLB_NOTDIRTY). The owning address space
// flushes the table whenever its FlatView changes (tlb_flush on a memory topology change). Per-MMU-index tables are separate
// instances (an MPU fills each with its permissions). The attrs-aware Fill follows IOMMU regions (a TZ-MPC) to RAM
// like tlb_set_page_with_attrs with address_space_translate_for_iotlb; a notification of such a region flushes the
// table (tcg_iommu_unmap_notify). The overloads without attributes never cache a page behind an IOMMU: its
// translation depends on attributes they do not have. Hits never look at attributes: a table belongs to one
// security/privilege context. Not modelled: victim TLB, dirty-memory logging.
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Nemu.Core;
using Nemu.Memory.Backends;

namespace Nemu.Memory;

/// <summary>
/// Per-CPU software TLB over the RAM of one <see cref="AddressSpace"/>: <see cref="TryRead"/> and
/// <see cref="TryWrite"/> succeed only for RAM pages and never fault; on false the caller uses the address space.
/// Single-threaded: use it from the thread that runs the CPU (the thread that also commits memory transactions).
/// </summary>
public sealed unsafe class SoftTlb : IDisposable
{
    /// <summary>A tag no page address can equal (page addresses are page-aligned).</summary>
    private const ulong Invalid = 1;

    private readonly Entry[] _entries;
    private readonly int _pageShift;
    private readonly ulong _pageMask;
    private readonly int _indexMask;

    /// <summary>Creates a table of <paramref name="entries"/> pages of 2^<paramref name="pageShift"/> bytes and registers it for flushes.</summary>
    public SoftTlb(AddressSpace space, int pageShift = 10, int entries = 256)
    {
        ArgumentNullException.ThrowIfNull(space);
        ArgumentOutOfRangeException.ThrowIfLessThan(pageShift, 3);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(pageShift, 30);
        if (entries <= 0 || (entries & (entries - 1)) != 0)
        {
            throw new ArgumentOutOfRangeException(nameof(entries), entries, "the TLB size must be a power of two");
        }

        Space = space;
        _pageShift = pageShift;
        _pageMask = (1UL << pageShift) - 1;
        _indexMask = entries - 1;
        _entries = new Entry[entries];
        Flush();
        space.AddTlb(this);
    }

    /// <summary>The address space this TLB caches.</summary>
    public AddressSpace Space { get; }

    /// <summary>Number of successful fills since creation (tests and diagnostics).</summary>
    public long FillCount { get; private set; }

    /// <summary>A load of 1, 2, 4 or 8 bytes from a cached RAM/ROM page; false (value 0) when not cached.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool TryRead(ulong addr, uint size, out ulong value)
    {
        ref var e = ref EntryFor(addr);
        var inPage = addr & _pageMask;
        if ((addr & ~_pageMask) == e.ReadTag && inPage <= _pageMask + 1 - size)
        {
            var host = e.Block!.Host;
            if (host != null)
            {
                var p = host + e.BlockOffset + inPage;
                switch (size)
                {
                    case 4:
                        value = Unsafe.ReadUnaligned<uint>(p);
                        return true;
                    case 2:
                        value = Unsafe.ReadUnaligned<ushort>(p);
                        return true;
                    case 1:
                        value = *p;
                        return true;
                    case 8:
                        value = Unsafe.ReadUnaligned<ulong>(p);
                        return true;
                }
            }
        }

        value = 0;
        return false;
    }

    /// <summary>A store of the low 1, 2, 4 or 8 bytes to a cached writable RAM page; false (nothing written) when not cached.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool TryWrite(ulong addr, ulong value, uint size)
    {
        ref var e = ref EntryFor(addr);
        var inPage = addr & _pageMask;
        if ((addr & ~_pageMask) == e.WriteTag && inPage <= _pageMask + 1 - size)
        {
            var block = e.Block!;
            var host = block.Host;
            if (host != null)
            {
                var offset = e.BlockOffset + inPage;
                block.CodePagesIfAny?.OnWrite(offset, size);
                var p = host + offset;
                switch (size)
                {
                    case 4:
                        Unsafe.WriteUnaligned(p, (uint)value);
                        return true;
                    case 2:
                        Unsafe.WriteUnaligned(p, (ushort)value);
                        return true;
                    case 1:
                        *p = (byte)value;
                        return true;
                    case 8:
                        Unsafe.WriteUnaligned(p, value);
                        return true;
                }
            }
        }

        return false;
    }

    /// <summary>
    /// The host address of <paramref name="length"/> bytes at <paramref name="addr"/> when they lie in one cached
    /// readable page, else null: a block copy (an exception frame) with one tag compare instead of one per word.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public byte* TryGetReadPointer(ulong addr, uint length)
    {
        ref var e = ref EntryFor(addr);
        var inPage = addr & _pageMask;
        if ((addr & ~_pageMask) == e.ReadTag && inPage <= _pageMask + 1 - length)
        {
            var host = e.Block!.Host;
            if (host != null)
            {
                return host + e.BlockOffset + inPage;
            }
        }

        return null;
    }

    /// <summary>
    /// The host address of <paramref name="length"/> bytes at <paramref name="addr"/> when they lie in one cached
    /// writable page, else null. The caller must then write all of them: decoded code there is invalidated now.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public byte* TryGetWritePointer(ulong addr, uint length)
    {
        ref var e = ref EntryFor(addr);
        var inPage = addr & _pageMask;
        if ((addr & ~_pageMask) == e.WriteTag && inPage <= _pageMask + 1 - length)
        {
            var block = e.Block!;
            var host = block.Host;
            if (host != null)
            {
                var offset = e.BlockOffset + inPage;
                block.CodePagesIfAny?.OnWrite(offset, length);
                return host + offset;
            }
        }

        return null;
    }

    /// <summary>
    /// tlb_fill: caches the page of <paramref name="addr"/> if the whole page is RAM/ROM that reads copy from.
    /// Returns whether an access of the given kind can now hit (false for I/O, unassigned, partly-RAM pages, pages
    /// behind an IOMMU region, and for writes to ROM or read-only RAM).
    /// </summary>
    public bool Fill(ulong addr, bool write) => Fill(addr, write, allowRead: true, allowWrite: true);

    /// <summary>
    /// tlb_fill with the page's protection (QEMU's prot bits from an MPU lookup that holds for the whole page): the
    /// read tag is set only if <paramref name="allowRead"/>, the write tag only if <paramref name="allowWrite"/> (and
    /// the page is writable RAM), so a forbidden access misses and the caller takes its slow, faulting path.
    /// </summary>
    public bool Fill(ulong addr, bool write, bool allowRead, bool allowWrite)
    {
        var page = addr & ~_pageMask;
        ref readonly var d = ref Space.View.Dispatch.Lookup(page);
        var block = d.DirectRead;
        if (block is null || d.LastOffset < _pageMask || page - d.Start > d.LastOffset - _pageMask)
        {
            return false;
        }

        ref var e = ref EntryFor(addr);
        e.Block = block;
        e.BlockOffset = d.OffsetInRegion + (page - d.Start);
        e.ReadTag = allowRead ? page : Invalid;

        // Writable RAM is always readable from the same block (DispatchEntry's rules), so one entry serves both.
        e.WriteTag = allowWrite && ReferenceEquals(d.DirectWrite, block) ? page : Invalid;
        FillCount++;
        return write ? e.WriteTag == page : e.ReadTag == page;
    }

    /// <summary>
    /// tlb_set_page_with_attrs: as <see cref="Fill(ulong, bool, bool, bool)"/>, following IOMMU regions on the way
    /// (iommu_idx from <paramref name="attrs"/>, nested IOMMUs and aliases, a bounded chain) to RAM/ROM. The page
    /// is cached only when every translation block on the way covers the whole page and the final section does;
    /// the read/write tags also need the IOMMU permissions. The page is dropped when any of those IOMMU regions
    /// notifies a change. The table must only be used by accesses with the same <paramref name="attrs"/>.
    /// </summary>
    public bool Fill(ulong addr, bool write, MemTxAttrs attrs, bool allowRead, bool allowWrite)
    {
        var page = addr & ~_pageMask;
        if (!Space.TryResolveRam(page, attrs, out var t) || t.LastOffset < _pageMask)
        {
            return false;
        }

        ref var e = ref EntryFor(addr);
        e.Block = t.Block;
        e.BlockOffset = t.Offset;
        e.ReadTag = allowRead && t.Readable ? page : Invalid;
        e.WriteTag = allowWrite && t.Writable ? page : Invalid;
        FillCount++;
        return write ? e.WriteTag == page : e.ReadTag == page;
    }

    /// <summary>tlb_flush: forgets every page (called by the address space on every FlatView change).</summary>
    public void Flush()
    {
        var entries = _entries;
        for (var i = 0; i < entries.Length; i++)
        {
            entries[i] = new Entry { ReadTag = Invalid, WriteTag = Invalid };
        }
    }

    /// <summary>Stops receiving flushes from the address space.</summary>
    public void Dispose() => Space.RemoveTlb(this);

    // The page number folded with its higher bits: guest memory maps put RAM, flash and stacks at addresses that
    // differ only above the index bits (0x00000400 vs 0x20000400), which would evict each other in a plain
    // direct-mapped table.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private ref Entry EntryFor(ulong addr)
    {
        var page = (uint)(addr >> _pageShift);
        var index = (int)(page ^ (page >> 8) ^ (page >> 16)) & _indexMask;
        return ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(_entries), index);
    }

    private struct Entry
    {
        public ulong ReadTag;
        public ulong WriteTag;
        public RamBlock? Block;

        /// <summary>Offset of the page's first byte in <see cref="Block"/>.</summary>
        public ulong BlockOffset;
    }
}
