// address_space_read / address_space_write / address_space_write_rom (pci.md §1.4): a buffer is split at
// section boundaries; RAM parts are copied, I/O parts are cut into memory_access_size chunks. IOMMU sections are
// translated with the caller's attributes (flatview_do_translate) and the part inside one translation block
// continues in the target address space; a denied or missing translation is QEMU's unassigned section.
using System.Buffers.Binary;
using Nemu.Core;

namespace Nemu.Memory;

/// <summary>Buffer (DMA, loader, monitor) accesses.</summary>
public sealed partial class AddressSpace
{
    /// <summary>address_space_read: fills <paramref name="buffer"/>; unassigned bytes read as 0.</summary>
    public MemTxResult ReadBuffer(GuestAddress addr, Span<byte> buffer, MemTxAttrs attrs) => ReadBufferAt(addr.Value, buffer, attrs, 0);

    /// <summary>address_space_write: writes <paramref name="buffer"/>; writes to ROM and unassigned space are rejected.</summary>
    public MemTxResult WriteBuffer(GuestAddress addr, ReadOnlySpan<byte> buffer, MemTxAttrs attrs) => WriteBufferAt(addr.Value, buffer, attrs, 0);

    /// <summary>address_space_write_rom with unspecified attributes (what QEMU's ROM loader uses).</summary>
    public MemTxResult WriteRomBlob(GuestAddress addr, ReadOnlySpan<byte> data) => WriteRomBlob(addr, data, MemTxAttrs.UnspecifiedAttrs);

    /// <summary>
    /// address_space_write_rom: the loader path; writes RAM, ROM and ROM devices (through IOMMUs that grant the
    /// write to <paramref name="attrs"/>), skips everything else.
    /// </summary>
    public MemTxResult WriteRomBlob(GuestAddress addr, ReadOnlySpan<byte> data, MemTxAttrs attrs)
    {
        WriteRomAt(addr.Value, data, attrs, 0);
        return MemTxResult.Ok;
    }

    private unsafe MemTxResult ReadBufferAt(ulong a, Span<byte> buffer, MemTxAttrs attrs, int depth)
    {
        var dispatch = _dispatch;
        var result = MemTxResult.Ok;
        while (!buffer.IsEmpty)
        {
            ref readonly var e = ref dispatch.Lookup(a);
            var off = a - e.Start;
            var l = SectionLength(e, off, buffer.Length);
            MemTxResult r;
            if (e.DirectRead is { } block && block.Host != null)
            {
                new ReadOnlySpan<byte>(block.Host + e.OffsetInRegion + off, (int)l).CopyTo(buffer);
                r = MemTxResult.Ok;
            }
            else if (e.Region is not { } mr)
            {
                l = MemoryRegionAccess.AccessSizeFor(AccessConstraints.Default, l, a);
                MemoryRegionAccess.LogUnassigned(a, (uint)l, isWrite: false);
                buffer[..(int)l].Clear();
                r = MemTxResult.DecodeError;
            }
            else if (mr.IsIommu)
            {
                var offsetInRegion = e.OffsetInRegion + off;
                if (TranslateAccess(mr, offsetInRegion, IommuAccess.Read, attrs, depth, out var target, out var translated, out var lastInBlock))
                {
                    l = lastInBlock < l - 1 ? lastInBlock + 1 : l;
                    r = target.ReadBufferAt(translated, buffer[..(int)l], attrs, depth + 1);
                }
                else
                {
                    l = MemoryRegionAccess.AccessSizeFor(AccessConstraints.Default, l, offsetInRegion);
                    MemoryRegionAccess.LogUnassigned(offsetInRegion, (uint)l, isWrite: false);
                    buffer[..(int)l].Clear();
                    r = MemTxResult.DecodeError;
                }
            }
            else
            {
                var offsetInRegion = e.OffsetInRegion + off;
                l = MemoryRegionAccess.AccessSizeFor(mr.Constraints, l, offsetInRegion);
                r = MemoryRegionAccess.DispatchRead(mr, offsetInRegion, (uint)l, attrs, out var value);
                StoreLittleEndian(buffer, l, value);
            }

            result = result == MemTxResult.Ok ? r : result;
            a += l;
            buffer = buffer[(int)l..];
        }

        return result;
    }

    private unsafe MemTxResult WriteBufferAt(ulong a, ReadOnlySpan<byte> buffer, MemTxAttrs attrs, int depth)
    {
        var dispatch = _dispatch;
        var result = MemTxResult.Ok;
        while (!buffer.IsEmpty)
        {
            ref readonly var e = ref dispatch.Lookup(a);
            var off = a - e.Start;
            var l = SectionLength(e, off, buffer.Length);
            MemTxResult r;

            // memory_access_is_direct(mr, is_write): RAM that is not read-only in the region itself.
            if (e.Region is { IsRam: true, ReadOnly: false } && e.DirectRead is { } block && block.Host != null)
            {
                block.CodePagesIfAny?.OnWrite(e.OffsetInRegion + off, l);
                buffer[..(int)l].CopyTo(new Span<byte>(block.Host + e.OffsetInRegion + off, (int)l));
                r = MemTxResult.Ok;
            }
            else if (e.Region is not { } mr)
            {
                l = MemoryRegionAccess.AccessSizeFor(AccessConstraints.Default, l, a);
                MemoryRegionAccess.LogUnassigned(a, (uint)l, isWrite: true);
                r = MemTxResult.DecodeError;
            }
            else if (mr.IsIommu)
            {
                var offsetInRegion = e.OffsetInRegion + off;
                if (TranslateAccess(mr, offsetInRegion, IommuAccess.Write, attrs, depth, out var target, out var translated, out var lastInBlock))
                {
                    l = lastInBlock < l - 1 ? lastInBlock + 1 : l;
                    r = target.WriteBufferAt(translated, buffer[..(int)l], attrs, depth + 1);
                }
                else
                {
                    l = MemoryRegionAccess.AccessSizeFor(AccessConstraints.Default, l, offsetInRegion);
                    MemoryRegionAccess.LogUnassigned(offsetInRegion, (uint)l, isWrite: true);
                    r = MemTxResult.DecodeError;
                }
            }
            else
            {
                var offsetInRegion = e.OffsetInRegion + off;
                l = MemoryRegionAccess.AccessSizeFor(mr.Constraints, l, offsetInRegion);
                r = MemoryRegionAccess.DispatchWrite(mr, offsetInRegion, LoadLittleEndian(buffer, l), (uint)l, attrs);
            }

            result = result == MemTxResult.Ok ? r : result;
            a += l;
            buffer = buffer[(int)l..];
        }

        return result;
    }

    private unsafe void WriteRomAt(ulong a, ReadOnlySpan<byte> data, MemTxAttrs attrs, int depth)
    {
        var dispatch = _dispatch;
        while (!data.IsEmpty)
        {
            ref readonly var e = ref dispatch.Lookup(a);
            var off = a - e.Start;
            var l = SectionLength(e, off, data.Length);
            if (e.Region is { } mr && (mr.IsRam || mr.IsRomDevice) && mr.RamBlock is { } block && block.Host != null
                && e.OffsetInRegion + off <= block.Size && block.Size - (e.OffsetInRegion + off) >= l)
            {
                block.CodePagesIfAny?.OnWrite(e.OffsetInRegion + off, l);
                data[..(int)l].CopyTo(new Span<byte>(block.Host + e.OffsetInRegion + off, (int)l));
            }
            else if (e.Region is { IsIommu: true } iommu)
            {
                // A denied block is skipped like I/O; the next block is translated on its own.
                var ok = TranslateAccess(iommu, e.OffsetInRegion + off, IommuAccess.Write, attrs, depth, out var target, out var translated, out var lastInBlock);
                l = lastInBlock < l - 1 ? lastInBlock + 1 : l;
                if (ok)
                {
                    target.WriteRomAt(translated, data[..(int)l], attrs, depth + 1);
                }
            }

            // QEMU steps over I/O and unassigned ranges one access size at a time without touching them;
            // skipping the whole section has the same effect without walking gigabytes of holes.
            a += l;
            data = data[(int)l..];
        }
    }

    // The bytes of the access that fall inside this section.
    private static ulong SectionLength(in DispatchEntry e, ulong off, int remaining)
    {
        var inSection = e.LastOffset - off;
        return inSection >= (ulong)(remaining - 1) ? (ulong)remaining : inSection + 1;
    }

    private static void StoreLittleEndian(Span<byte> buffer, ulong l, ulong value)
    {
        for (var i = 0; i < (int)l; i++)
        {
            buffer[i] = (byte)(value >> (8 * i));
        }
    }

    private static ulong LoadLittleEndian(ReadOnlySpan<byte> buffer, ulong l) =>
        l == 8 ? BinaryPrimitives.ReadUInt64LittleEndian(buffer) : LoadPartial(buffer, l);

    private static ulong LoadPartial(ReadOnlySpan<byte> buffer, ulong l)
    {
        ulong v = 0;
        for (var i = 0; i < (int)l; i++)
        {
            v |= (ulong)buffer[i] << (8 * i);
        }

        return v;
    }
}
