// The decoded-instruction cache of one CPU: decoded pages keyed by guest page address, filled lazily, and
// invalidated through the RAM block's CodePageTracker when guest, DMA or loader writes hit a cached page
// (self-modifying code; QEMU's tb_invalidate_phys_range). Instructions that straddle a page boundary and code
// fetched from I/O are decoded on every execution instead of being cached. Execute permission (the default memory
// map's XN regions, the MPU's AP/XN; mprofile.md §5.2-§5.3) is checked when a page becomes the current one, against
// the CPU's fetch stamp; a page whose permission is not uniform (a region or subregion edge inside it) is not used,
// so each of its fetches is decoded and checked on its own. Denied fetches raise MemManage IACCVIOL. On cores with the
// Security Extension a page is also checked per security state (its own stamp each, so transitions re-check nothing):
// its SAU/IDAU attribution must be uniform and equal to the executing state, and it must reach the same RAM with that
// state's attributes (RAM behind a TZ-MPC is found through the IOMMU with them); otherwise each fetch is checked on its
// own, a mismatch raising SecureFault INVTRAN/INVEP or handing an NSC fetch to the SG emulation
// (ArmCpu.CheckFetchSecurity). An IOMMU translation change (AddressSpace.TranslationsChanged: an MPC LUT write) drops
// every page.
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

    public DecodedPageCache(ArmCpu cpu)
    {
        _cpu = cpu;
        cpu.Memory.TranslationsChanged += Clear;
    }

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

        // A reset (which also changes the security state without a transition) clears the cache: the CPU's MPU
        // context is re-derived here.
        _cpu.OnMmuIndexChanged();
    }

    /// <summary>
    /// Drops the page holding <paramref name="address"/> (a breakpoint was set or removed there), so its slots are
    /// decoded again with or without the breakpoint handler.
    /// </summary>
    public void InvalidatePageOf(uint address)
    {
        var pageAddress = address & ~(DecodedPage.Size - 1);
        if (_pages.Remove(pageAddress, out var page))
        {
            page.Invalidate();
        }

        if (_current.Address == pageAddress)
        {
            _current = NoPage;
        }
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
            if (page is not null && page.ExecStampFor(_cpu.Secure) != _cpu.FetchStamp)
            {
                var perms = _cpu.FetchPermissions(pageAddress, out var uniform);
                if (uniform && (perms & MpuPermissions.Execute) != 0 && (!_cpu.HasSecurityExtension || SecurePageUsable(page)))
                {
                    page.ExecStampFor(_cpu.Secure) = _cpu.FetchStamp;
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
                // A breakpoint's slot gets the breakpoint handler (the page was invalidated when it was set).
                page.Handlers[slotIndex] = _cpu.HasBreakpointAt(pc) ? ArmCpu.BreakpointHandlerPointer : (nint)ThumbInterpreter.HandlerOf(in slot);
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

        // The page must map contiguously into one block (through IOMMU regions with the executing state's
        // attributes); a page that is only partly RAM is not cached.
        if (!_cpu.Memory.TryGetRamBlock(new GuestAddress(pageAddress), ArmCpu.Attrs(_cpu.IsPrivileged, _cpu.Secure), out var block, out var offset, out var length)
            || block is null || length < DecodedPage.Size)
        {
            return null;
        }

        if (_subscribed.Add(block))
        {
            block.CodePages.PageWritten += blockOffset => Invalidate(block, blockOffset);
        }

        var blockPage = offset & ~((1UL << CodePageTracker.PageShift) - 1);
        block.CodePages.Mark(offset);
        page = new DecodedPage(pageAddress, block, blockPage) { RamOffset = offset };
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

    // Security Extension: the page's attribution is uniform and the executing state's, and with that state's
    // attributes it still reaches the RAM it was decoded from (an MPC may block one state).
    private bool SecurePageUsable(DecodedPage page)
    {
        var secure = _cpu.Secure;
        var s = _cpu.SecurityLookupFor(page.Address, secure, fetch: true);
        if (s.SubPage || s.Ns == secure)
        {
            return false;
        }

        return _cpu.Memory.TryGetRamBlock(new GuestAddress(page.Address), ArmCpu.Attrs(_cpu.IsPrivileged, secure), out var block, out var offset, out var length)
            && block == page.Block && offset == page.RamOffset && length >= DecodedPage.Size;
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
        // Security attribution first (get_phys_addr_pmsav8), then execute-never: the default map's XN regions
        // (mprofile.md §5.2, with the MPU off too) or the MPU's AP/XN.
        if (_cpu.HasSecurityExtension && !_cpu.CheckFetchSecurity(address))
        {
            value = 0;
            return false;
        }

        if ((_cpu.FetchPermissions(address, out _) & MpuPermissions.Execute) == 0)
        {
            _cpu.RaiseFetchPermissionFault(address);
            value = 0;
            return false;
        }

        var r = _cpu.Memory.Read(new GuestAddress(address), 2, ArmCpu.Attrs(_cpu.IsPrivileged, _cpu.Secure), out var v);
        value = (ushort)v;
        if (r != MemTxResult.Ok && !_cpu.IgnoreMemoryTransactionFailures)
        {
            _cpu.RaiseFault(ExceptionNumber.BusFault, FaultStatus.IbusErr);
            return false;
        }

        return true;
    }
}
