// Data accesses of the CPU (Armv7-M ARM A3.2 alignment, B3.5.x; mprofile.md §2.1): alignment checks that raise
// UsageFault UNALIGNED (always on v6-M and for LDM/STM/LDRD/exclusives; otherwise when CCR.UNALIGN_TRP), and bus
// errors (non-OK MemTxResult) that raise a precise BusFault with BFAR, and MPU permission faults (MemManage
// DACCVIOL with MMFAR; ArmCpu.Mpu.cs). Faults are values (a false return), never host exceptions. RAM and ROM are
// accessed through the SoftTlb of the current MPU context (LDRT/STRT: the unprivileged one), which holds only pages
// the MPU allows; only the remaining (device) accesses flush the instruction count first. Armv8-M cores miss into
// their own slow path (ArmCpu.MemoryV8.cs: attribution, PMSAv8 bank, fills through IOMMU regions); the hit path is
// the same for every core. While debugger watchpoints exist every access takes the checked path (ArmCpu.Debug.cs),
// folded into the alignment test so the common path has no extra branch.
using System.Globalization;
using System.Runtime.CompilerServices;
using Nemu.Arm.Exceptions;
using Nemu.Core;
using Nemu.Core.Debug;
using Nemu.Memory;

namespace Nemu.Arm.Cpu;

/// <summary>Loads and stores.</summary>
public sealed partial class ArmCpu
{
    private readonly DecodedPageCache _pages;
    private readonly SoftTlb _tlb;

    /// <summary>Counts synchronous faults and lockups: a handler faulted when it changed (IT blocks do not advance then).</summary>
    internal uint FaultSequence;

    /// <summary>
    /// QEMU's ignore_memory_transaction_failures machine flag (set by lm3s6965evb): a load, store or instruction fetch
    /// whose transaction fails (unmapped memory, a device error) completes as read-as-zero / write-ignored instead of
    /// raising a BusFault. Vector-table reads and exception stacking still check their result, as in QEMU.
    /// </summary>
    public bool IgnoreMemoryTransactionFailures { get; set; }

    /// <summary>Number of decoded pages currently cached (tests).</summary>
    internal int CachedPageCount => _pages.PageCount;

    /// <summary>Drops all decoded instructions (after a memory map change).</summary>
    public void FlushDecodedCode() => _pages.Clear();

    internal bool Load(uint address, uint size, out uint value, bool forceAligned = false, bool unprivileged = false)
    {
        // An unaligned access or an armed watchpoint (_watchFlag) takes the checked path: one test for both.
        if (((address & (size - 1)) | _watchFlag) != 0)
        {
            return LoadChecked(address, size, out value, forceAligned, unprivileged);
        }

        // RAM and ROM: no device sees the access, so the instruction count need not be flushed; the TLB of the
        // access's MPU context only holds pages its permissions allow.
        if ((unprivileged ? _unprivTlb : _dataTlb).TryRead(address, size, out var v))
        {
            value = (uint)v;
            return true;
        }

        return LoadSlow(address, size, out value, unprivileged);
    }

    internal bool Store(uint address, uint size, uint value, bool forceAligned = false, bool unprivileged = false)
    {
        if (((address & (size - 1)) | _watchFlag) != 0)
        {
            return StoreChecked(address, size, value, forceAligned, unprivileged);
        }

        return (unprivileged ? _unprivTlb : _dataTlb).TryWrite(address, value, size) || StoreSlow(address, size, value, unprivileged);
    }

    // Load with the alignment check and, while watchpoints exist, the watchpoint check before the access.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private bool LoadChecked(uint address, uint size, out uint value, bool forceAligned, bool unprivileged)
    {
        if ((address & (size - 1)) != 0 && !CheckAlignment(address, size, forceAligned))
        {
            value = 0;
            return false;
        }

        // A watchpoint stops the CPU before the access (QEMU's Arm gdb_stop_before_watchpoint): the instruction is
        // abandoned like a faulting one, with R15 still at it and nothing written back.
        if (_watchFlag != 0 && CheckWatchpoints(address, size, WatchpointKind.Read))
        {
            value = 0;
            return false;
        }

        if ((unprivileged ? _unprivTlb : _dataTlb).TryRead(address, size, out var v))
        {
            value = (uint)v;
            return true;
        }

        return LoadSlow(address, size, out value, unprivileged);
    }

    // Store with the alignment check and, while watchpoints exist, the watchpoint check before the access.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private bool StoreChecked(uint address, uint size, uint value, bool forceAligned, bool unprivileged)
    {
        if ((address & (size - 1)) != 0 && !CheckAlignment(address, size, forceAligned))
        {
            return false;
        }

        if (_watchFlag != 0 && CheckWatchpoints(address, size, WatchpointKind.Write))
        {
            return false;
        }

        return (unprivileged ? _unprivTlb : _dataTlb).TryWrite(address, value, size) || StoreSlow(address, size, value, unprivileged);
    }

    private bool LoadSlow(uint address, uint size, out uint value, bool unprivileged)
    {
        if (_pmsav8 is not null)
        {
            return LoadSlowV8(address, size, out value, unprivileged);
        }

        var tlb = unprivileged ? _unprivTlb : _dataTlb;
        if (!ReferenceEquals(tlb, _tlb))
        {
            if (!MpuDataCheck(tlb, address, size, write: false, unprivileged))
            {
                value = 0;
                return false;
            }

            if (tlb.TryRead(address, size, out var allowed))
            {
                value = (uint)allowed;
                return true;
            }
        }
        else if (_tlb.Fill(address, write: false) && _tlb.TryRead(address, size, out var cached))
        {
            value = (uint)cached;
            return true;
        }

        BeforeDeviceAccess();
        var r = Memory.Read(new GuestAddress(address), size, Attrs(IsPrivileged && !unprivileged), out var v);
        value = (uint)v;
        return r == MemTxResult.Ok || IgnoreMemoryTransactionFailures || DataBusFault(address);
    }

    private bool StoreSlow(uint address, uint size, uint value, bool unprivileged)
    {
        if (_pmsav8 is not null)
        {
            return StoreSlowV8(address, size, value, unprivileged);
        }

        var tlb = unprivileged ? _unprivTlb : _dataTlb;
        if (!ReferenceEquals(tlb, _tlb))
        {
            if (!MpuDataCheck(tlb, address, size, write: true, unprivileged))
            {
                return false;
            }

            if (tlb.TryWrite(address, value, size))
            {
                return true;
            }
        }
        else if (_tlb.Fill(address, write: true) && _tlb.TryWrite(address, value, size))
        {
            return true;
        }

        BeforeDeviceAccess();
        var r = Memory.Write(new GuestAddress(address), value, size, Attrs(IsPrivileged && !unprivileged));
        return r == MemTxResult.Ok || IgnoreMemoryTransactionFailures || DataBusFault(address);
    }

    // Only called for unaligned accesses.
    private bool CheckAlignment(uint address, uint size, bool forceAligned)
    {
        var trap = forceAligned || Model.IsV6M || (Nvic.Ccr & (1u << 3)) != 0;
        if (!trap)
        {
            return true;
        }

        _faultAddress = address;
        RaiseFault(ExceptionNumber.UsageFault, FaultStatus.Unaligned);
        return false;
    }

    private bool DataBusFault(uint address)
    {
        Nvic.Bfar = address;
        RaiseFault(ExceptionNumber.BusFault, FaultStatus.PreciseErr | FaultStatus.BfarValid);
        return false;
    }

    /// <summary>
    /// A synchronous fault of the current instruction: records the status bits, pends the exception (escalating to
    /// HardFault when needed) and arranges for it to be taken before the next instruction. PC stays at the faulting
    /// instruction, which is the stacked return address.
    /// </summary>
    internal void RaiseFault(int exception, uint cfsrBits)
    {
        FaultSequence++;
        OnFaultRaised(exception, cfsrBits);
        var nvic = Nvic;

        // BFSR is not banked: QEMU keeps it in the Non-secure copy of CFSR, where both views read it.
        if (exception == ExceptionNumber.BusFault)
        {
            nvic.CfsrOf(false) |= cfsrBits;
        }
        else
        {
            nvic.Cfsr |= cfsrBits;
        }

        if (PendOrLockUp(exception, PendRule.Normal))
        {
            RequestExceptionCheck();
        }
    }

    /// <summary>
    /// Pends a fault by <paramref name="rule"/>; when it can be neither taken nor escalated the core locks up, with
    /// the reason QEMU prints when it aborts (a failed escalation reports HardFault, 3, as QEMU has escalated by then).
    /// </summary>
    /// <returns>False for lockup.</returns>
    internal bool PendOrLockUp(int exception, PendRule rule)
    {
        var nvic = Nvic;
        var pended = rule switch
        {
            PendRule.Derived => nvic.SetPendingDerived(exception),
            PendRule.LazyFp => nvic.SetPendingLazyFp(exception),
            _ => nvic.SetPending(exception),
        };
        if (!pended)
        {
            EnterLockup(rule switch
            {
                PendRule.Derived => string.Create(CultureInfo.InvariantCulture, $"can't take terminal derived exception (original exception priority {nvic.VectPendingPriority})"),
                PendRule.LazyFp => "can't escalate to HardFault during lazy FP register stacking",
                _ => string.Create(CultureInfo.InvariantCulture, $"can't escalate 3 to HardFault (current priority {nvic.ExecutionPriority()})"),
            });
        }

        return pended;
    }

    /// <summary>Lockup: the CPU stops executing until reset (QEMU aborts with "Lockup" instead).</summary>
    internal void EnterLockup(string reason)
    {
        FaultSequence++;
        State = ArmCpuRunState.Lockup;
        _stopSlice = true;
        LogGuestError("CPU Lockup: " + reason);
        LockedUp?.Invoke(reason);
    }
}
