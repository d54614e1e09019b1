// Stack accesses made by exception entry, return and lazy FP preservation (Armv7-M ARM B1.5.6 PushStack,
// B1.5.8 PopStack; Armv8-M ARM B3.19; QEMU v7m_stack_write/v7m_stack_read; mprofile.md §2.3, §2.7, §3 step 14,
// seed 000). Each word is tried in the data SoftTlb of the stacking context first (a hit is RAM the MPU allows for
// that context: its TLB only caches pages the MPU permits); on a miss it goes through the SAU/IDAU (a Non-secure
// stack in Secure memory is a SecureFault AUVIOL with SFAR; a Secure stack in Non-secure memory is accessed with
// Non-secure attributes), the MPU with the privilege and negative-priority state of the context that owns the stack,
// then the bus. A failure records the stacking fault status (never MMFAR or BFAR; MemManage status in the stack's
// bank, BusFault status in the shared BFSR) and pends the fault as StackMode says; nothing throws. No allocation and
// no formatting here: these run 16 times per exception entry and return.
using System.Globalization;
using System.Runtime.CompilerServices;
using Nemu.Arm.Exceptions;
using Nemu.Core;

namespace Nemu.Arm.Cpu;

/// <summary>Checked stack reads and writes.</summary>
public sealed partial class ArmCpu
{
    /// <summary>
    /// v7m_stack_write: one word of an exception frame with the security state <paramref name="secure"/>, privilege
    /// and negative-priority state of the context that owns the stack.
    /// </summary>
    /// <returns>False when the write failed (the fault has been recorded and pended per <paramref name="mode"/>).</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal bool StackWrite(uint address, uint value, bool secure, bool privileged, bool negPri, StackMode mode) =>
        TlbFor(secure, privileged, negPri).TryWrite(address, value, 4) || StackWriteSlow(address, value, secure, privileged, negPri, mode);

    /// <summary>v7m_stack_read: one word of a frame being unstacked; a failure pends the fault normally.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal bool StackRead(uint address, bool secure, bool privileged, bool negPri, out uint value)
    {
        if (TlbFor(secure, privileged, negPri).TryRead(address, 4, out var v))
        {
            value = (uint)v;
            return true;
        }

        return StackReadSlow(address, secure, privileged, negPri, out value);
    }

    /// <summary>
    /// The eight words of a basic frame (R0-R3, R12, LR, return address, xPSR) in one block when the TLB of the
    /// stacking context holds the whole frame, the common case: one tag compare instead of eight. False leaves the
    /// frame to the word-by-word path (which reports faults); nothing has been written then.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private unsafe bool WriteBasicFrame(uint frame, uint xpsr, bool secure, bool privileged, bool negPri)
    {
        var p = TlbFor(secure, privileged, negPri).TryGetWritePointer(frame, 0x20);
        if (p == null)
        {
            return false;
        }

        Unsafe.WriteUnaligned(p, R[0]);
        Unsafe.WriteUnaligned(p + 0x04, R[1]);
        Unsafe.WriteUnaligned(p + 0x08, R[2]);
        Unsafe.WriteUnaligned(p + 0x0C, R[3]);
        Unsafe.WriteUnaligned(p + 0x10, R[12]);
        Unsafe.WriteUnaligned(p + 0x14, R[14]);
        Unsafe.WriteUnaligned(p + 0x18, R[15]);
        Unsafe.WriteUnaligned(p + 0x1C, xpsr);
        return true;
    }

    /// <summary>The basic frame's eight words in one block (see <see cref="WriteBasicFrame"/>); false: nothing read.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private unsafe bool ReadBasicFrame(uint frame, bool secure, bool privileged, bool negPri, out uint xpsr)
    {
        var p = TlbFor(secure, privileged, negPri).TryGetReadPointer(frame, 0x20);
        if (p == null)
        {
            xpsr = 0;
            return false;
        }

        R[0] = Unsafe.ReadUnaligned<uint>(p);
        R[1] = Unsafe.ReadUnaligned<uint>(p + 0x04);
        R[2] = Unsafe.ReadUnaligned<uint>(p + 0x08);
        R[3] = Unsafe.ReadUnaligned<uint>(p + 0x0C);
        R[12] = Unsafe.ReadUnaligned<uint>(p + 0x10);
        R[14] = Unsafe.ReadUnaligned<uint>(p + 0x14);
        R[15] = Unsafe.ReadUnaligned<uint>(p + 0x18);
        xpsr = Unsafe.ReadUnaligned<uint>(p + 0x1C);
        return true;
    }

    /// <summary>A word from a RAM/ROM page already cached in the current data TLB (vector loads; never faults).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private bool TlbReadWord(uint address, out uint value)
    {
        var hit = _tlb.TryRead(address, 4, out var v);
        value = (uint)v;
        return hit;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private bool StackWriteSlow(uint address, uint value, bool secure, bool privileged, bool negPri, StackMode mode)
    {
        // SAU/IDAU first (get_phys_addr_pmsav8): a Non-secure stack in Secure memory is a SecureFault; a Secure stack
        // in Non-secure memory is written with Non-secure attributes.
        var attrsSecure = secure;
        if (HasSecurityExtension)
        {
            var sattrs = SecurityLookupFor(address, secure, fetch: false);
            if (!secure && !sattrs.Ns)
            {
                return StackSecureFault(address, mode);
            }

            attrsSecure = secure && !sattrs.Ns;
        }

        if (!MpuAllows(address, MpuAccess.Write, privileged, negPri, secure))
        {
            return StackFault(mode, secure, FaultStatus.MstkErr, FaultStatus.MlspErr, ExceptionNumber.MemManage,
                "...MemManageFault with CFSR.MSTKERR", "...MemManageFault with CFSR.MLSPERR");
        }

        // With the MPU out of the way the default TLB may take the page (RAM/ROM), so the next frame stays fast. With the
        // Security Extension the TLB contexts per state fill themselves (attribution is part of a fill).
        if (!HasSecurityExtension && ReferenceEquals(TlbFor(privileged, negPri), _tlb) && _tlb.Fill(address, write: true)
            && _tlb.TryWrite(address, value, 4))
        {
            return true;
        }

        BeforeDeviceAccess();
        if (Memory.Write(new GuestAddress(address), value, 4, Attrs(privileged, attrsSecure)) != MemTxResult.Ok)
        {
            // BFSR is shared: QEMU keeps it in the Non-secure CFSR; BusFault's target follows AIRCR.BFHFNMINS.
            return StackFault(mode, false, FaultStatus.StkErr, FaultStatus.LspErr, ExceptionNumber.BusFault,
                "...BusFault with BFSR.STKERR", "...BusFault with BFSR.LSPERR");
        }

        return true;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private bool StackReadSlow(uint address, bool secure, bool privileged, bool negPri, out uint value)
    {
        value = 0;
        var attrsSecure = secure;
        if (HasSecurityExtension)
        {
            var sattrs = SecurityLookupFor(address, secure, fetch: false);
            if (!secure && !sattrs.Ns)
            {
                ExceptionLog.WriteIfEnabled("...SecureFault with SFSR.AUVIOL during unstack");
                var nvic = Nvic;
                nvic.Sfsr |= SfsrAuViol | SfsrSfarValid;
                nvic.Sfar = address;
                PendOrLockUp(ExceptionNumber.SecureFault, false, PendRule.Normal);
                return false;
            }

            attrsSecure = secure && !sattrs.Ns;
        }

        if (!MpuAllows(address, MpuAccess.Read, privileged, negPri, secure))
        {
            ExceptionLog.WriteIfEnabled("...MemManageFault with CFSR.MUNSTKERR");
            Nvic.CfsrOf(secure) |= FaultStatus.MunstkErr;
            PendOrLockUp(ExceptionNumber.MemManage, secure, PendRule.Normal);
            return false;
        }

        if (!HasSecurityExtension && ReferenceEquals(TlbFor(privileged, negPri), _tlb) && _tlb.Fill(address, write: false)
            && _tlb.TryRead(address, 4, out var cached))
        {
            value = (uint)cached;
            return true;
        }

        BeforeDeviceAccess();
        if (Memory.Read(new GuestAddress(address), 4, Attrs(privileged, attrsSecure), out var v) != MemTxResult.Ok)
        {
            ExceptionLog.WriteIfEnabled("...BusFault with BFSR.UNSTKERR");
            Nvic.CfsrOf(false) |= FaultStatus.UnstkErr;
            PendOrLockUp(ExceptionNumber.BusFault, false, PendRule.Normal);
            return false;
        }

        value = (uint)v;
        return true;
    }

    // A Non-secure stacking access to Secure memory (v7m_stack_write's ARMFault_QEMU_SFault branch): SFAR is set here.
    private bool StackSecureFault(uint address, StackMode mode)
    {
        var nvic = Nvic;
        if (mode == StackMode.LazyFp)
        {
            ExceptionLog.WriteIfEnabled("...SecureFault with SFSR.LSPERR during lazy stacking");
            nvic.Sfsr |= SfsrLspErr;
        }
        else
        {
            ExceptionLog.WriteIfEnabled("...SecureFault with SFSR.AUVIOL during stacking");
            nvic.Sfsr |= SfsrAuViol;
        }

        nvic.Sfsr |= SfsrSfarValid;
        nvic.Sfar = address;
        PendStackFault(mode, ExceptionNumber.SecureFault, false);
        return false;
    }

    private bool StackFault(StackMode mode, bool secure, uint cfsr, uint lazyCfsr, int exc, string log, string lazyLog)
    {
        var lazy = mode == StackMode.LazyFp;
        ExceptionLog.WriteIfEnabled(lazy ? lazyLog : log);
        Nvic.CfsrOf(secure) |= lazy ? lazyCfsr : cfsr;
        PendStackFault(mode, exc, secure);
        return false;
    }

    // QEMU's "overridden exceptions pended" choice: the fault is pended now, derived or lazy-FP; with IgnoreFaults (the
    // callee push after a failed basic push) only the status was recorded.
    private void PendStackFault(StackMode mode, int exc, bool secure)
    {
        switch (mode)
        {
            case StackMode.Normal:
                PendOrLockUp(exc, secure, PendRule.Derived);
                break;
            case StackMode.LazyFp:
                PendOrLockUp(exc, secure, PendRule.LazyFp);
                break;
        }
    }

    /// <summary>
    /// <see cref="PendOrLockUp(int, PendRule)"/> for the bank <paramref name="secure"/> of a banked exception (the
    /// target state of an unbanked one is the NVIC's business).
    /// </summary>
    /// <returns>False for lockup.</returns>
    internal bool PendOrLockUp(int exception, bool secure, PendRule rule)
    {
        if (!HasSecurityExtension)
        {
            return PendOrLockUp(exception, rule);
        }

        var nvic = Nvic;
        var pended = rule switch
        {
            PendRule.Derived => nvic.SetPendingDerived(exception, secure),
            PendRule.LazyFp => nvic.SetPendingLazyFp(exception, secure),
            _ => nvic.SetPending(exception, secure),
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
}
