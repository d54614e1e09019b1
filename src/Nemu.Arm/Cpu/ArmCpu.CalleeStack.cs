// The ARMv8-M Security Extension part of exception entry and return (Armv8-M ARM B3.19-B3.21 ExceptionEntry,
// PushCalleeStack, ExceptionTaken, ExceptionReturn/PopCalleeStack; mprofile.md §1.2, §2.4 step 3, §2.5, §3 step 13),
// as QEMU 7.2 structures it (m_helper.c v7m_exception_taken's v8 block, v7m_push_callee_stack, v7m_integrity_sig,
// get_v7m_sp_ptr, switch_v7m_security_state):
// - EXC_RETURN gets DCRS/ES/SPSEL for the target state; when Secure background code is preempted by a Non-secure
//   exception the additional state context (integrity signature at +0, +4 reserved, R4-R11 at +8..+0x24) is pushed
//   below the basic frame, and R0-R12 and the APSR/IT bits are cleared so Non-secure code cannot see them;
// - a tail-chain from a Non-secure handler to a Secure one clears DCRS (the Secure handler's return pops the
//   context), a tail-chain to a Non-secure one never pushes it twice;
// - a fault on the push pends a derived exception (or, with ignore_stackfaults, only records its status) and the
//   entry restarts as a tail-chain; a stack-limit violation sets the SP to the limit and pends STKOF UsageFault in
//   the current state (QEMU, mprofile.md §8.20), which also restarts the entry.
// Not modelled: the v8.1-M rules (register clearing for Secure targets, CCR.TRD).
using System.Runtime.CompilerServices;
using Nemu.Arm.Exceptions;

namespace Nemu.Arm.Cpu;

/// <summary>Additional state context (callee-saves registers) and security-state switching of exceptions.</summary>
public sealed partial class ArmCpu
{
    // EXC_RETURN bits of ARMv8-M (mprofile.md §1.2): ES b0, RES0 b1, DCRS b5, S b6; [31:7] RES1.
    private const uint ExcReturnEs = 1 << 0, ExcReturnRes0 = 1 << 1, ExcReturnDcrs = 1 << 5, ExcReturnS = 1 << 6;
    private const uint ExcReturnV8Prefix = 0xFFFFFF80;

    /// <summary>The integrity signature of the additional state context (bit 0 = no FP frame).</summary>
    internal const uint IntegritySignature = 0xFEFA125A;

    /// <summary>v7m_integrity_sig: 0xFEFA125B unless an FP unit exists and EXC_RETURN.FTYPE is 0.</summary>
    internal uint IntegritySignatureFor(uint excReturn) =>
        IntegritySignature | (!HasFp || (excReturn & ExcReturnFtype) != 0 ? 1u : 0);

    /// <summary>
    /// The v8-M part of ExceptionTaken for the exception about to be taken (target state
    /// <paramref name="targetsSecure"/>): callee stacking and DCRS, ES, SPSEL, register clearing.
    /// </summary>
    /// <returns>The EXC_RETURN value; <paramref name="pushFailed"/> tells whether the callee push failed.</returns>
    private uint ExceptionTakenV8(uint lr, bool tailChain, bool ignoreStackFaults, bool targetsSecure, out bool pushFailed)
    {
        pushFailed = false;
        var secExt = HasSecurityExtension;
        if (secExt && (lr & ExcReturnS) != 0)
        {
            // Secure background code: its callee-saves registers are already on the stack when an earlier Non-secure
            // exception of this chain pushed them (tail-chain with ES clear).
            var alreadyStacked = tailChain && (lr & ExcReturnEs) == 0;
            if (targetsSecure)
            {
                if (alreadyStacked)
                {
                    lr &= ~ExcReturnDcrs;
                }
            }
            else
            {
                if ((lr & ExcReturnDcrs) != 0 && !alreadyStacked)
                {
                    pushFailed = PushCalleeStack(lr, tailChain, ignoreStackFaults);
                }

                lr |= ExcReturnDcrs;
            }
        }

        lr &= ~(ExcReturnEs | ExcReturnSpsel);
        lr |= targetsSecure || !secExt ? ExcReturnEs : 0;
        lr |= ControlSpselOf(targetsSecure) ? ExcReturnSpsel : 0;
        if (secExt && !targetsSecure)
        {
            // The caller-saved registers were stacked by PushStack, the callee-saved ones by PushCalleeStack when the
            // background is Secure; QEMU zeroes what the architecture leaves UNKNOWN.
            var zeroCallee = (lr & ExcReturnS) != 0;
            for (var i = 0; i < 13; i++)
            {
                if (i < 4 || i > 11 || zeroCallee)
                {
                    R[i] = 0;
                }
            }

            N = Z = C = V = Q = false;
            Ge = 0;
            ItState = 0;
        }

        return lr;
    }

    /// <summary>
    /// PushCalleeStack (v7m_push_callee_stack): the signature and R4-R11 at SP-0x28 of the Secure stack: the current
    /// SP, or on a tail-chain the Secure stack EXC_RETURN names (MODE/SPSEL), with its privilege and limit. The SP
    /// takes the frame address even when a write failed.
    /// </summary>
    /// <returns>True when the push failed (a fault or a stack-limit violation was pended or recorded).</returns>
    internal bool PushCalleeStack(uint lr, bool tailChain, bool ignoreFaults)
    {
        bool privileged;
        uint limit;
        var threadMode = (lr & ExcReturnMode) != 0;
        if (tailChain)
        {
            var wantPsp = threadMode && (lr & ExcReturnSpsel) != 0;
            privileged = !ControlNPrivOf(true) || !threadMode;
            limit = wantPsp ? Psplim[BankS] : Msplim[BankS];
        }
        else
        {
            privileged = IsPrivileged;
            limit = SpLimit;
        }

        ref var sp = ref tailChain ? ref SpSlot(true, threadMode, (lr & ExcReturnSpsel) != 0) : ref R[13];
        var frame = sp - 0x28;
        if (frame < limit)
        {
            // Nothing is written above the limit either (QEMU's IMPDEF choice). The status goes to the current state
            // even on a tail-chain from a Non-secure handler (QEMU, mprofile.md §8.20).
            ExceptionLog.WriteIfEnabled("...STKOF during callee-saves register stacking");
            Nvic.Cfsr |= CfsrStkOf;
            PendOrLockUp(ExceptionNumber.UsageFault, Secure, PendRule.Normal);
            sp = limit;
            return true;
        }

        var negPri = Nvic.NegPriRequestedFor(true);
        var mode = ignoreFaults ? StackMode.IgnoreFaults : StackMode.Normal;
        var sig = IntegritySignatureFor(lr);
        var ok = WriteCalleeFrame(frame, sig, privileged, negPri)
            || (StackWrite(frame, sig, true, privileged, negPri, mode)
            && StackWrite(frame + 0x08, R[4], true, privileged, negPri, mode)
            && StackWrite(frame + 0x0C, R[5], true, privileged, negPri, mode)
            && StackWrite(frame + 0x10, R[6], true, privileged, negPri, mode)
            && StackWrite(frame + 0x14, R[7], true, privileged, negPri, mode)
            && StackWrite(frame + 0x18, R[8], true, privileged, negPri, mode)
            && StackWrite(frame + 0x1C, R[9], true, privileged, negPri, mode)
            && StackWrite(frame + 0x20, R[10], true, privileged, negPri, mode)
            && StackWrite(frame + 0x24, R[11], true, privileged, negPri, mode));

        // The ref may point at R13 of a state that the writes did not change: writes never switch stacks.
        sp = frame;
        return !ok;
    }

    /// <summary>
    /// The callee pop of ExceptionReturn (step 13): checks the integrity signature at <paramref name="frame"/> and
    /// pops R4-R11. A signature mismatch pends SecureFault INVIS and logs it; a read fault was pended by StackRead.
    /// </summary>
    /// <returns>0 when popped, 1 on a read fault, 2 on a signature mismatch.</returns>
    private int PopCalleeStack(uint excReturn, uint frame, bool privileged, bool negPri)
    {
        if (!StackRead(frame, true, privileged, negPri, out var sig))
        {
            return 1;
        }

        if (sig != IntegritySignatureFor(excReturn))
        {
            Nvic.Sfsr |= SfsrInvIs;
            PendOrLockUp(ExceptionNumber.SecureFault, false, PendRule.Normal);
            ExceptionLog.WriteIfEnabled("...taking SecureFault on existing stackframe: failed exception return integrity signature check");
            return 2;
        }

        var ok = ReadCalleeFrame(frame, privileged, negPri)
            || (Pop(frame + 0x08, true, privileged, negPri, ref R[4])
            && Pop(frame + 0x0C, true, privileged, negPri, ref R[5])
            && Pop(frame + 0x10, true, privileged, negPri, ref R[6])
            && Pop(frame + 0x14, true, privileged, negPri, ref R[7])
            && Pop(frame + 0x18, true, privileged, negPri, ref R[8])
            && Pop(frame + 0x1C, true, privileged, negPri, ref R[9])
            && Pop(frame + 0x20, true, privileged, negPri, ref R[10])
            && Pop(frame + 0x24, true, privileged, negPri, ref R[11]));
        return ok ? 0 : 1;
    }

    /// <summary>The additional state context in one block through the Secure stacking TLB; false: nothing written.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private unsafe bool WriteCalleeFrame(uint frame, uint sig, bool privileged, bool negPri)
    {
        var p = TlbFor(true, privileged, negPri).TryGetWritePointer(frame, 0x28);
        if (p == null)
        {
            return false;
        }

        Unsafe.WriteUnaligned(p, sig);
        for (var i = 0; i < 8; i++)
        {
            Unsafe.WriteUnaligned(p + 0x08 + (4 * i), R[4 + i]);
        }

        return true;
    }

    /// <summary>R4-R11 of an additional state context in one block; false: nothing read.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private unsafe bool ReadCalleeFrame(uint frame, bool privileged, bool negPri)
    {
        var p = TlbFor(true, privileged, negPri).TryGetReadPointer(frame, 0x28);
        if (p == null)
        {
            return false;
        }

        for (var i = 0; i < 8; i++)
        {
            R[4 + i] = Unsafe.ReadUnaligned<uint>(p + 0x08 + (4 * i));
        }

        return true;
    }

    /// <summary>
    /// get_v7m_sp_ptr: where the SP of a security state and mode lives now (R13, OtherSp or the other state's
    /// OtherSsMsp/OtherSsPsp). Valid until the next stack or security-state switch.
    /// </summary>
    internal ref uint SpSlot(bool secure, bool threadMode, bool spsel)
    {
        var wantPsp = threadMode && spsel;
        if (secure == Secure)
        {
            return ref wantPsp == _r13IsPsp ? ref R[13] : ref OtherSp;
        }

        return ref wantPsp ? ref OtherSsPsp : ref OtherSsMsp;
    }

}
