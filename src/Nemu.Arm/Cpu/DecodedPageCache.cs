// The decoded-instruction cache of one CPU: decoded pages keyed by guest page address, filled lazily, and
// invalidated through the RAM block's CodePageTracker when guest, DMA or loader writes hit a cached page
// (self-modifying code; QEMU's tb_invalidate_phys_range). Instructions that straddle a page boundary and code
// fetched from I/O are decoded on every execution instead of being cached. Execute permission (the default memory
// map's XN regions, the MPU's AP/XN; mprofile.md §5.2-§5.3) is checked when a page becomes the current one, against
// the CPU's fetch stamp; a page whose permission is not uniform (a region or subregion edge inside it) is not used,
// so each of its fetches is decoded and checked on its own. Denied fetches raise MemManage IACCVIOL.
using Nemu.Arm.Decoding;
using Nemu.Arm.Exceptions;
using Nemu.Arm.Interpreter;
using Nemu.Core;
using Nemu.Memory.Backends;

namespace Nemu.Arm.Cpu;

/// <summary>Per-page cache of <see cref="DecodedInsn"/> for the interpreter.</summary>
internal sealed unsafe class DecodedPageCache
{
    private readonly ArmCpu _cpu;
    private readonly Dictionary<uint, DecodedPage> _pages = [];
    private readonly HashSet<RamBlock> _subscribed = [];
    private DecodedPage _current = NoPage;
    private DecodedInsn _scratch;

    public DecodedPageCache(ArmCpu cpu) => _cpu = cpu;

    /// <summary>The "no current page" sentinel: never valid, so the fast path of Fetch needs no null test.</summary>
    private static DecodedPage NoPage { get; } = NewNoPage();

    public int PageCount => _pages.Count;

    /// <summary>Drops every cached page (reset, or a memory map change).</summary>
    public void Clear()
    {
        foreach (var p in _pages.Values)
        {
            p.Invalidate();
        }

        _pages.Clear();
        _current = NoPage;
    }

    /// <summary>Forgets the current page so the next fetch goes through <see cref="FetchSlow"/> (permission re-check).</summary>
    public void ResetCurrent() => _current = NoPage;

    /// <summary>The page of the last fetch (a never-valid sentinel when there is none).</summary>
    public DecodedPage Current => _current;

    /// <summary>
    /// The decoded instruction at <paramref name="pc"/>, decoding it if needed; on a fetch fault the fault is raised
    /// and ok is false. The caller has already tried <see cref="Current"/> (the run loop keeps it in a register).
    /// </summary>
    public ref DecodedInsn FetchSlow(uint pc, out bool ok)
    {
        var pageAddress = pc & ~(DecodedPage.Size - 1);
        var page = _current;
        if (page.Address != pageAddress || !page.Valid)
        {
            page = GetPage(pageAddress);
            if (page is not null && page.ExecStamp != _cpu.FetchStamp)
            {
                var perms = _cpu.FetchPermissions(pageAddress, out var uniform);
                if (uniform && (perms & MpuPermissions.Execute) != 0)
                {
                    page.ExecStamp = _cpu.FetchStamp;
                }
                else
                {
                    // Not executable (the fetch below faults) or mixed: fetch and check instruction by instruction.
                    page = null;
                }
            }

            _current = page ?? NoPage;
        }

        var slotIndex = (int)((pc - pageAddress) >> 1);
        if (page is not null && page.Valid)
        {
            ref var slot = ref page.Slots[slotIndex];
            if (slot.Length != 0)
            {
                ok = true;
                return ref slot;
            }

            ok = DecodeAt(pc, out slot);
            if (ok && slotIndex == page.Slots.Length - 1 && slot.Length == 4)
            {
                // Straddles into the next page: do not keep it (its second half is not tracked with this page).
                _scratch = slot;
                slot = default;
                return ref _scratch;
            }

            if (!ok)
            {
                slot = default;
            }
            else
            {
                page.Handlers[slotIndex] = (nint)ThumbInterpreter.HandlerOf(in slot);
            }

            return ref slot;
        }

        ok = DecodeAt(pc, out _scratch);
        return ref _scratch;
    }

    private static DecodedPage NewNoPage()
    {
        var page = new DecodedPage(1, null, 0);
        page.Invalidate();
        return page;
    }

    private DecodedPage? GetPage(uint pageAddress)
    {
        if (_pages.TryGetValue(pageAddress, out var page) && page.Valid)
        {
            return page;
        }

        if (!_cpu.Memory.TryGetRamBlock(new GuestAddress(pageAddress), out var block, out var offset) || block is null)
        {
            return null;
        }

        // The page must lie in one block section; a page that is only partly RAM is not cached.
        if (!_cpu.Memory.TryGetRamBlock(new GuestAddress(pageAddress + DecodedPage.Size - 1), out var endBlock, out var endOffset)
            || endBlock != block || endOffset != offset + DecodedPage.Size - 1)
        {
            return null;
        }

        if (_subscribed.Add(block))
        {
            block.CodePages.PageWritten += blockOffset => Invalidate(block, blockOffset);
        }

        var blockPage = offset & ~((1UL << CodePageTracker.PageShift) - 1);
        block.CodePages.Mark(offset);
        page = new DecodedPage(pageAddress, block, blockPage);
        _pages[pageAddress] = page;
        return page;
    }

    private void Invalidate(RamBlock block, ulong blockOffset)
    {
        List<uint>? stale = null;
        foreach (var (address, page) in _pages)
        {
            if (page.Block == block && page.BlockOffset == blockOffset)
            {
                page.Invalidate();
                (stale ??= []).Add(address);
            }
        }

        if (stale is not null)
        {
            foreach (var a in stale)
            {
                _pages.Remove(a);
            }
        }
    }

    private bool DecodeAt(uint pc, out DecodedInsn insn)
    {
        if (!FetchHalfword(pc, out var hw1))
        {
            insn = default;
            return false;
        }

        ushort hw2 = 0;
        if (ThumbDecoder.Is32BitPrefix(hw1) && !FetchHalfword(pc + 2, out hw2))
        {
            insn = default;
            return false;
        }

        ThumbDecoder.Decode(hw1, hw2, _cpu.Features, out insn);
        ThumbInterpreter.AssignHandler(ref insn);
        return true;
    }

    private bool FetchHalfword(uint address, out ushort value)
    {
        // Execute-never: the default map's XN regions (mprofile.md §5.2, with the MPU off too) or the MPU's AP/XN.
        if ((_cpu.FetchPermissions(address, out _) & MpuPermissions.Execute) == 0)
        {
            _cpu.RaiseFetchPermissionFault(address);
            value = 0;
            return false;
        }

        var r = _cpu.Memory.Read(new GuestAddress(address), 2, ArmCpu.Attrs(_cpu.IsPrivileged), out var v);
        value = (ushort)v;
        if (r != MemTxResult.Ok && !_cpu.IgnoreMemoryTransactionFailures)
        {
            _cpu.RaiseFault(ExceptionNumber.BusFault, FaultStatus.IbusErr);
            return false;
        }

        return true;
    }
}
