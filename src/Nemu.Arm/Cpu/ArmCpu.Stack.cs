// Stack accesses made by exception entry, return and lazy FP preservation (Armv7-M ARM B1.5.6 PushStack,
// B1.5.8 PopStack; QEMU v7m_stack_write/v7m_stack_read; mprofile.md §2.3, §2.7, §3 step 14, seed 000). Each word is
// tried in the data SoftTlb first (a hit is RAM the MPU allows for the accessing context: the TLB of that context
// only caches pages the MPU permits); on a miss it goes through the MPU with the privilege and negative-priority
// state of the context that owns the stack, then the bus. A failure records the stacking fault status (never MMFAR
// or BFAR) and pends the fault as StackMode says; nothing throws. No allocation and no formatting here: these run
// 16 times per exception entry and return.
using System.Runtime.CompilerServices;
using Nemu.Arm.Exceptions;
using Nemu.Core;

namespace Nemu.Arm.Cpu;

/// <summary>Checked stack reads and writes.</summary>
public sealed partial class ArmCpu
{
    /// <summary>v7m_stack_write: one word of an exception frame.</summary>
    /// <returns>False when the write failed (the fault has been recorded and pended per <paramref name="mode"/>).</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal bool StackWrite(uint address, uint value, bool privileged, bool negPri, StackMode mode) =>
        TlbFor(privileged, negPri).TryWrite(address, value, 4) || StackWriteSlow(address, value, privileged, negPri, mode);

    /// <summary>v7m_stack_read: one word of a frame being unstacked; a failure pends the fault normally.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal bool StackRead(uint address, bool privileged, bool negPri, out uint value)
    {
        if (TlbFor(privileged, negPri).TryRead(address, 4, out var v))
        {
            value = (uint)v;
            return true;
        }

        return StackReadSlow(address, privileged, negPri, out value);
    }

    /// <summary>
    /// The eight words of a basic frame (R0-R3, R12, LR, return address, xPSR) in one block when the TLB of the
    /// stacking context holds the whole frame, the common case: one tag compare instead of eight. False leaves the
    /// frame to the word-by-word path (which reports faults); nothing has been written then.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private unsafe bool WriteBasicFrame(uint frame, uint xpsr, bool privileged, bool negPri)
    {
        var p = TlbFor(privileged, negPri).TryGetWritePointer(frame, 0x20);
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
    private unsafe bool ReadBasicFrame(uint frame, bool privileged, bool negPri, out uint xpsr)
    {
        var p = TlbFor(privileged, negPri).TryGetReadPointer(frame, 0x20);
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
    private bool StackWriteSlow(uint address, uint value, bool privileged, bool negPri, StackMode mode)
    {
        if (!MpuAllows(address, MpuAccess.Write, privileged, negPri))
        {
            return StackFault(mode, FaultStatus.MstkErr, FaultStatus.MlspErr, ExceptionNumber.MemManage,
                "...MemManageFault with CFSR.MSTKERR", "...MemManageFault with CFSR.MLSPERR");
        }

        // With the MPU out of the way the default TLB may take the page (RAM/ROM), so the next frame stays fast.
        if (ReferenceEquals(TlbFor(privileged, negPri), _tlb) && _tlb.Fill(address, write: true) && _tlb.TryWrite(address, value, 4))
        {
            return true;
        }

        BeforeDeviceAccess();
        if (Memory.Write(new GuestAddress(address), value, 4, Attrs(privileged)) != MemTxResult.Ok)
        {
            return StackFault(mode, FaultStatus.StkErr, FaultStatus.LspErr, ExceptionNumber.BusFault,
                "...BusFault with BFSR.STKERR", "...BusFault with BFSR.LSPERR");
        }

        return true;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private bool StackReadSlow(uint address, bool privileged, bool negPri, out uint value)
    {
        value = 0;
        if (!MpuAllows(address, MpuAccess.Read, privileged, negPri))
        {
            ExceptionLog.WriteIfEnabled("...MemManageFault with CFSR.MUNSTKERR");
            Nvic.Cfsr |= FaultStatus.MunstkErr;
            PendOrLockUp(ExceptionNumber.MemManage, PendRule.Normal);
            return false;
        }

        if (ReferenceEquals(TlbFor(privileged, negPri), _tlb) && _tlb.Fill(address, write: false) && _tlb.TryRead(address, 4, out var cached))
        {
            value = (uint)cached;
            return true;
        }

        BeforeDeviceAccess();
        if (Memory.Read(new GuestAddress(address), 4, Attrs(privileged), out var v) != MemTxResult.Ok)
        {
            ExceptionLog.WriteIfEnabled("...BusFault with BFSR.UNSTKERR");
            Nvic.Cfsr |= FaultStatus.UnstkErr;
            PendOrLockUp(ExceptionNumber.BusFault, PendRule.Normal);
            return false;
        }

        value = (uint)v;
        return true;
    }

    private bool StackFault(StackMode mode, uint cfsr, uint lazyCfsr, int exc, string log, string lazyLog)
    {
        switch (mode)
        {
            case StackMode.Normal:
                ExceptionLog.WriteIfEnabled(log);
                Nvic.Cfsr |= cfsr;
                PendOrLockUp(exc, PendRule.Derived);
                break;
            case StackMode.IgnoreFaults:
                // The first fault of this entry was pended already; only the status is recorded (QEMU STACK_IGNFAULTS).
                ExceptionLog.WriteIfEnabled(log);
                Nvic.Cfsr |= cfsr;
                break;
            case StackMode.LazyFp:
                ExceptionLog.WriteIfEnabled(lazyLog);
                Nvic.Cfsr |= lazyCfsr;
                PendOrLockUp(exc, PendRule.LazyFp);

                break;
        }

        return false;
    }
}
