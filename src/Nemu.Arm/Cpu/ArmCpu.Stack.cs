// Stack accesses made by exception entry, return and lazy FP preservation (Armv7-M ARM B1.5.6 PushStack,
// B1.5.8 PopStack; QEMU v7m_stack_write/v7m_stack_read; mprofile.md §2.2, §2.5, seed 000). Each word goes
// through the MPU with the privilege and negative-priority state of the context that owns the stack, then the
// bus. A failure records the stacking fault status and pends the fault as StackMode says; nothing throws.
using Nemu.Arm.Exceptions;
using Nemu.Core;

namespace Nemu.Arm.Cpu;

/// <summary>Checked stack reads and writes.</summary>
public sealed partial class ArmCpu
{
    /// <summary>v7m_stack_write: one word of an exception frame.</summary>
    /// <returns>False when the write failed (the fault has been recorded and pended per <paramref name="mode"/>).</returns>
    internal bool StackWrite(uint address, uint value, bool privileged, bool negPri, StackMode mode)
    {
        if (!MpuAllows(address, MpuAccess.Write, privileged, negPri))
        {
            return StackFault(mode, FaultStatus.MstkErr, FaultStatus.MlspErr, ExceptionNumber.MemManage, "...MemManageFault with CFSR.MSTKERR");
        }

        if (Memory.Write(new GuestAddress(address), value, 4, Attrs(privileged)) != MemTxResult.Ok)
        {
            return StackFault(mode, FaultStatus.StkErr, FaultStatus.LspErr, ExceptionNumber.BusFault, "...BusFault with BFSR.STKERR");
        }

        return true;
    }

    /// <summary>v7m_stack_read: one word of an exception frame being unstacked; a failure pends the fault normally.</summary>
    internal bool StackRead(uint address, bool privileged, bool negPri, out uint value)
    {
        value = 0;
        if (!MpuAllows(address, MpuAccess.Read, privileged, negPri))
        {
            ExceptionLog.WriteIfEnabled("...MemManageFault with CFSR.MUNSTKERR");
            Nvic.Cfsr |= FaultStatus.MunstkErr;
            Nvic.SetPending(ExceptionNumber.MemManage);
            return false;
        }

        if (Memory.Read(new GuestAddress(address), 4, Attrs(privileged), out var v) != MemTxResult.Ok)
        {
            ExceptionLog.WriteIfEnabled("...BusFault with BFSR.UNSTKERR");
            Nvic.Cfsr |= FaultStatus.UnstkErr;
            Nvic.SetPending(ExceptionNumber.BusFault);
            return false;
        }

        value = (uint)v;
        return true;
    }

    private bool StackFault(StackMode mode, uint cfsr, uint lazyCfsr, int exc, string log)
    {
        switch (mode)
        {
            case StackMode.Normal:
                ExceptionLog.WriteIfEnabled(log);
                Nvic.Cfsr |= cfsr;
                Nvic.SetPendingDerived(exc);
                break;
            case StackMode.LazyFp:
                Nvic.Cfsr |= lazyCfsr;
                Nvic.SetPendingLazyFp(exc);
                break;
        }

        return false;
    }
}
