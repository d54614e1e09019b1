// Security state transitions (Armv8-M ARM B3.x "Security state transitions", C2.4 SG/BXNS/BLXNS, B3.20
// FunctionReturn; mprofile.md §1.3; QEMU 7.2 HELPER(v7m_bxns), HELPER(v7m_blxns), v7m_handle_execute_nsc and
// do_v7m_function_return, with their -d int lines). A branch to FNC_RETURN (0xFEFFFFFE/F) or EXC_RETURN
// (0xFFxxxxxx) on a core with the Security Extension reaches MagicReturn in any mode, as QEMU's
// EXCP_EXCEPTION_EXIT does; without the extension only EXC_RETURN in Handler mode does (ThumbInterpreter.BxWritePc).
// The FNC_RETURN frame is read with Secure attributes; a fault there is raised in the Secure bank (the pseudocode's
// Secure access; QEMU reports it in the Non-secure bank). Not modelled: the v8.1-M TRD check of SG (no v8.1-M core),
// the MPU check of the SG instruction fetch (its halfwords are read with Secure privileged attributes).
using System.Globalization;
using Nemu.Arm.Exceptions;
using Nemu.Core;

namespace Nemu.Arm.Cpu;

/// <summary>SG, BXNS, BLXNS and FNC_RETURN.</summary>
public sealed partial class ArmCpu
{
    /// <summary>The FNC_RETURN value BLXNS puts in LR (bit 0 set: the low bit is ignored on return).</summary>
    internal const uint FncReturn = 0xFEFFFFFF;

    /// <summary>Lowest FNC_RETURN (FNC_RETURN_MIN_MAGIC) and EXC_RETURN (EXC_RETURN_MIN_MAGIC) values.</summary>
    internal const uint FncReturnMinMagic = 0xFEFFFFFE, ExcReturnMinMagic = 0xFF000000;

    /// <summary>
    /// v7m_handle_execute_nsc: the fetch at PC from Non-secure state hit Secure, Non-secure-callable memory. If the
    /// instruction there is SG, executes it (switch to Secure, LR bit 0 cleared) and returns true; false means the
    /// caller raises SecureFault INVEP.
    /// </summary>
    internal bool HandleExecuteNsc()
    {
        if (!HasSecurityExtension || Secure)
        {
            return false;
        }

        var pc = R[15];
        if (!ReadSecureHalfword(pc, out var first) || !Thumb || first != SgHalfword
            || !ReadSecureHalfword(pc + 2, out var second) || second != SgHalfword)
        {
            return false;
        }

        if (ExceptionLog.Enabled)
        {
            ExceptionLog.Write(string.Create(CultureInfo.InvariantCulture, $"...really an SG instruction at 0x{pc:x8}, executing it"));
        }

        R[14] &= ~1u;
        ControlSfpa = false;
        SwitchSecurityState(true);
        ItState = 0;
        R[15] = pc + 4;
        return true;
    }

    private const ushort SgHalfword = 0xE97F;

    // v7m_read_half_insn: both halves of SG must be Secure and Non-secure-callable; read with Secure attributes.
    private bool ReadSecureHalfword(uint address, out ushort value)
    {
        value = 0;
        var attribution = SecurityLookupFor(address, secure: false, fetch: true);
        if (attribution.Ns || !attribution.Nsc)
        {
            return false;
        }

        var privileged = IsHandlerMode || !ControlNPrivOf(true);
        if (Memory.Read(new GuestAddress(address), 2, Attrs(privileged, secure: true), out var v) != MemTxResult.Ok)
        {
            return false;
        }

        value = (ushort)v;
        return true;
    }

    /// <summary>HELPER(v7m_bxns) for a Secure caller (the interpreter makes BXNS UNDEFINED in Non-secure state).</summary>
    internal void BranchNonSecure(uint dest)
    {
        if (dest >= FncReturnMinMagic)
        {
            PendingExceptionReturn = true;
            PendingExceptionReturnValue = dest;
            return;
        }

        if ((dest & 1) == 0)
        {
            ControlSfpa = false;
        }

        SwitchSecurityState((dest & 1) != 0);
        Thumb = true;
        R[15] = dest & ~1u;
    }

    /// <summary>
    /// HELPER(v7m_blxns) for a Secure caller: a call to Non-secure code pushes the FNC_RETURN frame (return address,
    /// IPSR and SFPA) on the current Secure stack with normal data stores. False when the instruction faulted
    /// (stack limit or a store fault): nothing changed then.
    /// </summary>
    internal bool BranchLinkNonSecure(uint dest, uint nextInstruction)
    {
        nextInstruction |= 1;
        if ((dest & 1) != 0)
        {
            R[14] = nextInstruction;
            Thumb = true;
            R[15] = dest & ~1u;
            return true;
        }

        var sp = R[13] - 8;
        if ((sp & 7) != 0)
        {
            LogGuestError("BLXNS with misaligned SP is UNPREDICTABLE");
        }

        if (IsV8 && sp < SpLimit)
        {
            RaiseStackOverflow();
            return false;
        }

        var savedPsr = (uint)Ipsr | (ControlSfpa ? XpsrSfpa : 0);
        if (!Store(sp, 4, nextInstruction) || !Store(sp + 4, 4, savedPsr))
        {
            return false;
        }

        R[13] = sp;
        R[14] = FncReturn;
        if (IsHandlerMode)
        {
            // A dummy exception number so that Non-secure code cannot see the Secure one; still Handler mode.
            Ipsr = 1;
        }

        ControlSfpa = false;
        SwitchSecurityState(false);
        Thumb = true;
        R[15] = dest;
        return true;
    }

    /// <summary>xPSR bit 20 in an FNC_RETURN or exception frame: CONTROL.SFPA of the caller.</summary>
    internal const uint XpsrSfpa = 1u << 20;

    /// <summary>
    /// EXCP_EXCEPTION_EXIT: a branch wrote a magic value to PC. FNC_RETURN returns from a Non-secure function
    /// called by BLXNS; EXC_RETURN in Handler mode returns from the exception; in Thread mode (only reached on cores
    /// with the Security Extension) the PC takes the value and the next fetch faults, as in QEMU.
    /// </summary>
    internal void MagicReturn(uint value)
    {
        if (value >= ExcReturnMinMagic)
        {
            if (IsHandlerMode)
            {
                ExceptionReturn(value);
                return;
            }

            if (ExceptionLog.Enabled)
            {
                ExceptionLog.Taking(ExceptionLog.ExcpExceptionExit);
            }

            Thumb = (value & 1) != 0;
            R[15] = value & ~1u;
            return;
        }

        FunctionReturn(value);
    }

    // do_v7m_function_return: pops the return address and IPSR that BLXNS pushed on the Secure stack.
    private void FunctionReturn(uint value)
    {
        var log = ExceptionLog.Enabled;
        if (log)
        {
            ExceptionLog.Taking(ExceptionLog.ExcpExceptionExit);
            ExceptionLog.Write("...really v7M secure function return");
        }

        // QEMU leaves the magic value in PC while it works: a fault is taken with it as the return address.
        Thumb = (value & 1) != 0;
        R[15] = value & ~1u;
        var thread = !IsHandlerMode;
        var frame = SpSlot(secure: true, thread, ControlSpselOf(true));
        if (!LoadSecure(frame, out var newPc) || !LoadSecure(frame + 4, out var newPsr))
        {
            return;
        }

        var newException = (int)(newPsr & 0x1FF);
        if (!((Ipsr == 0 && newException == 0) || (Ipsr == 1 && newException != 0)))
        {
            if (log)
            {
                ExceptionLog.Write("...taking INVPC UsageFault: IPSR consistency check failed");
            }

            RaiseFault(ExceptionNumber.UsageFault, FaultStatus.InvPc);
            return;
        }

        SpSlot(secure: true, thread, ControlSpselOf(true)) = frame + 8;
        SwitchSecurityState(true);
        Ipsr = newException;
        ControlSfpa = (newPsr & XpsrSfpa) != 0;
        ItState = 0;
        Thumb = (newPc & 1) != 0;
        R[15] = newPc & ~1u;
        OnMmuIndexChanged();
        if (log)
        {
            ExceptionLog.Write("...function return successful");
        }
    }

    // A data load with Secure attributes from Non-secure state (the FNC_RETURN frame): the access runs in the Secure
    // context (TLB, attribution) and a fault is reported in the Secure bank.
    private bool LoadSecure(uint address, out uint value)
    {
        if (Secure)
        {
            return Load(address, 4, out value, forceAligned: true);
        }

        Secure = true;
        OnSecurityStateChanged();
        var ok = Load(address, 4, out value, forceAligned: true);
        Secure = false;
        OnSecurityStateChanged();
        return ok;
    }
}
