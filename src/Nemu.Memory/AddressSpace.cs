// QEMU's AddressSpace (pci.md §1.4, §1.5): a root region, its current FlatView, per-AS listeners, and the
// access entry points. Read/Write are the CPU load/store path (one lookup, RAM by direct copy, MMIO through
// MemoryRegionAccess, stores to read-only RAM discarded as TCG does); ReadBuffer/WriteBuffer follow
// address_space_read/write (split per section and access size; ROM writes are rejected); WriteRomBlob follows
// address_space_write_rom (RAM and ROM written, I/O skipped). Target byte order is little-endian. IOMMU sections
// are never direct: they take the slow path, which translates them (AddressSpace.Iommu.cs).
// Not modelled: bounce buffers / address_space_map, ioeventfds.
using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using Nemu.Core;

namespace Nemu.Memory;

/// <summary>
/// A view of a memory tree as seen by a bus master (QEMU's AddressSpace). Create one per CPU, DMA
/// master or bus; they share FlatViews when their roots render the same.
/// </summary>
public sealed partial class AddressSpace : IDisposable
{
    private readonly List<MemoryListener> _listeners = [];
    private FlatView? _view;
    private AddressSpaceDispatch _dispatch = null!;

    /// <summary>address_space_init: renders (or reuses) the FlatView of <paramref name="root"/> and registers the AS.</summary>
    public AddressSpace(MemorySystem system, string name, MemoryRegion root)
    {
        ArgumentNullException.ThrowIfNull(system);
        ArgumentNullException.ThrowIfNull(root);
        System = system;
        Name = name ?? "anonymous";
        Root = root;
        system.AddAddressSpace(this);
    }

    /// <summary>The name <c>info mtree</c> prints.</summary>
    public string Name { get; }

    /// <summary>The root region.</summary>
    public MemoryRegion Root { get; }

    /// <summary>The machine's memory system this AS belongs to.</summary>
    public MemorySystem System { get; }

    /// <summary>The listeners registered on this AS, ascending priority.</summary>
    public IReadOnlyList<MemoryListener> Listeners => _listeners;

    internal FlatView View => _view!;

    /// <summary>The current rendering as listener sections (sorted, disjoint).</summary>
    public IReadOnlyList<MemoryRegionSection> GetSections()
    {
        var ranges = View.Ranges;
        var result = new MemoryRegionSection[ranges.Length];
        for (var i = 0; i < ranges.Length; i++)
        {
            result[i] = ranges[i].ToSection();
        }

        return result;
    }

    /// <summary>A CPU load of 1, 2, 4 or 8 bytes (little-endian value). Unassigned → 0 and DecodeError.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public unsafe MemTxResult Read(GuestAddress addr, uint size, MemTxAttrs attrs, out ulong value)
    {
        var a = addr.Value;
        ref readonly var e = ref _dispatch.Lookup(a);
        var off = a - e.Start;
        var block = e.DirectRead;
        if (block is not null && e.LastOffset - off >= size - 1)
        {
            var p = block.Host;
            if (p != null)
            {
                p += e.OffsetInRegion + off;
                switch (size)
                {
                    case 4:
                        value = Unsafe.ReadUnaligned<uint>(p);
                        return MemTxResult.Ok;
                    case 1:
                        value = *p;
                        return MemTxResult.Ok;
                    case 2:
                        value = Unsafe.ReadUnaligned<ushort>(p);
                        return MemTxResult.Ok;
                    case 8:
                        value = Unsafe.ReadUnaligned<ulong>(p);
                        return MemTxResult.Ok;
                }
            }
        }

        return ReadSection(a, size, attrs, in e, 0, out value);
    }

    /// <summary>A CPU store of the low 1, 2, 4 or 8 bytes of <paramref name="value"/>. Stores to ROM are dropped.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public unsafe MemTxResult Write(GuestAddress addr, ulong value, uint size, MemTxAttrs attrs)
    {
        var a = addr.Value;
        ref readonly var e = ref _dispatch.Lookup(a);
        var off = a - e.Start;
        var block = e.DirectWrite;
        if (block is not null && e.LastOffset - off >= size - 1)
        {
            var p = block.Host;
            if (p != null)
            {
                block.CodePagesIfAny?.OnWrite(e.OffsetInRegion + off, size);
                p += e.OffsetInRegion + off;
                switch (size)
                {
                    case 4:
                        Unsafe.WriteUnaligned(p, (uint)value);
                        return MemTxResult.Ok;
                    case 1:
                        *p = (byte)value;
                        return MemTxResult.Ok;
                    case 2:
                        Unsafe.WriteUnaligned(p, (ushort)value);
                        return MemTxResult.Ok;
                    case 8:
                        Unsafe.WriteUnaligned(p, value);
                        return MemTxResult.Ok;
                }
            }
        }

        return WriteSection(a, value, size, attrs, in e, 0);
    }

    /// <summary>address_space_destroy: listeners see every range deleted, then the AS leaves the system.</summary>
    public void Dispose()
    {
        while (_listeners.Count > 0)
        {
            UnregisterListener(_listeners[0]);
        }

        ReleaseIommus();
        System.RemoveAddressSpace(this);
    }

    private static void CheckSize(uint size)
    {
        if (size is not (1 or 2 or 4 or 8))
        {
            throw new ArgumentOutOfRangeException(nameof(size), size, "access size must be 1, 2, 4 or 8");
        }
    }

    // The slow path of a load at translation depth `depth` (0 for the CPU's own access).
    private MemTxResult ReadSection(ulong a, uint size, MemTxAttrs attrs, in DispatchEntry e, int depth, out ulong value)
    {
        CheckSize(size);
        if (e.LastOffset - (a - e.Start) < size - 1)
        {
            // The access straddles two sections: split it like a page-crossing TCG access.
            Span<byte> bytes = stackalloc byte[8];
            bytes.Clear();
            var r = ReadBufferAt(a, bytes[..(int)size], attrs, depth);
            value = BinaryPrimitives.ReadUInt64LittleEndian(bytes);
            return r;
        }

        if (e.Region is not { } mr)
        {
            MemoryRegionAccess.LogUnassigned(a, size, isWrite: false);
            value = 0;
            return MemTxResult.DecodeError;
        }

        if (mr.IsIommu)
        {
            return ReadIommu(mr, e.OffsetInRegion + (a - e.Start), a, size, attrs, depth, out value);
        }

        return MemoryRegionAccess.DispatchRead(mr, e.OffsetInRegion + (a - e.Start), size, attrs, out value);
    }

    private MemTxResult WriteSection(ulong a, ulong value, uint size, MemTxAttrs attrs, in DispatchEntry e, int depth)
    {
        CheckSize(size);
        if (e.LastOffset - (a - e.Start) < size - 1)
        {
            Span<byte> bytes = stackalloc byte[8];
            BinaryPrimitives.WriteUInt64LittleEndian(bytes, value);
            return WriteBufferAt(a, bytes[..(int)size], attrs, depth);
        }

        if (e.Region is not { } mr)
        {
            MemoryRegionAccess.LogUnassigned(a, size, isWrite: true);
            return MemTxResult.DecodeError;
        }

        if (e.DiscardCpuWrites)
        {
            return MemTxResult.Ok;
        }

        if (mr.IsIommu)
        {
            return WriteIommu(mr, e.OffsetInRegion + (a - e.Start), a, value, size, attrs, depth);
        }

        return MemoryRegionAccess.DispatchWrite(mr, e.OffsetInRegion + (a - e.Start), value, size, attrs);
    }

    internal void SetFlatView(FlatView view)
    {
        var old = _view;
        if (old == view)
        {
            return;
        }

        if (_listeners.Count > 0)
        {
            var oldRanges = old?.Ranges ?? [];
            UpdateTopologyPass(oldRanges, view.Ranges, adding: false);
            UpdateTopologyPass(oldRanges, view.Ranges, adding: true);
        }

        _view = view;
        _dispatch = view.Dispatch;
        UseIommusOf(view);
        FlushTlbs();
    }
}
