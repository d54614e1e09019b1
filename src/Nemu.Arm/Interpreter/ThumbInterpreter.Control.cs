// Branches, IT, hints, barriers and system instructions (A7.7 B/BL/BX/BLX/CBZ/TBB/TBH/IT/WFI/WFE/SEV/MRS/MSR/CPS/
// SVC/BKPT). Barriers are no-ops for a single in-order core. The special registers of MRS/MSR are in
// ThumbInterpreter.SpecialRegisters.cs.
using Nemu.Arm.Cpu;
using Nemu.Arm.Decoding;
using Nemu.Arm.Exceptions;

namespace Nemu.Arm.Interpreter;

internal static partial class ThumbInterpreter
{
    private static bool Control(ArmCpu cpu, in DecodedInsn x, uint pc)
    {
        switch (x.Op)
        {
            case ThumbOp.B:
                if (x.Cond >= 0xE || ConditionPassed(cpu, x.Cond))
                {
                    cpu.R[15] = pc + 4 + x.Imm;
                }

                return true;
            case ThumbOp.Bl:
                cpu.R[14] = (pc + 4) | 1;
                cpu.R[15] = pc + 4 + x.Imm;
                return true;
            case ThumbOp.Bx:
                BxWritePc(cpu, Reg(cpu, x.Rm, pc));
                return true;
            case ThumbOp.Blx:
                {
                    var target = Reg(cpu, x.Rm, pc);
                    cpu.R[14] = (pc + 2) | 1;
                    BxWritePc(cpu, target);
                    return true;
                }

            case ThumbOp.Cbz:
                if ((cpu.R[x.Rn] == 0) != x.Has(InsnFlags.Variant))
                {
                    cpu.R[15] = pc + 4 + x.Imm;
                }

                return true;
            case ThumbOp.Tbb or ThumbOp.Tbh:
                {
                    var isHalf = x.Op == ThumbOp.Tbh;
                    var address = Reg(cpu, x.Rn, pc) + (isHalf ? Reg(cpu, x.Rm, pc) << 1 : Reg(cpu, x.Rm, pc));
                    if (!cpu.Load(address, isHalf ? 2u : 1u, out var halfwords))
                    {
                        return false;
                    }

                    cpu.R[15] = pc + 4 + (2 * halfwords);
                    return true;
                }

            case ThumbOp.It:
                cpu.ItState = (byte)((x.Cond << 4) | x.Extra);
                return true;
            case ThumbOp.Nop or ThumbOp.Yield or ThumbOp.Dbg or ThumbOp.Dmb or ThumbOp.Dsb or ThumbOp.Isb:
                return true;
            case ThumbOp.Sev:
                cpu.EventRegister = true;
                return true;
            case ThumbOp.Wfi:
                cpu.WaitForInterrupt();
                return true;
            case ThumbOp.Wfe:
                cpu.WaitForEvent();
                return true;
            case ThumbOp.Svc:
                if (!cpu.PendOrLockUp(ExceptionNumber.SvCall, PendRule.Normal))
                {
                    return false;
                }

                cpu.RequestExceptionCheck();
                return true;
            case ThumbOp.Bkpt:
                if (cpu.BreakpointHook is { } hook && hook(cpu, x.Imm))
                {
                    return true;
                }

                if (!cpu.Model.IsV6M)
                {
                    cpu.Nvic.Dfsr |= FaultStatus.DfsrBkpt;
                }

                cpu.RaiseFault(ExceptionNumber.DebugMonitor, 0);
                return false;
            case ThumbOp.Mrs:
                cpu.R[x.Rd] = ReadSpecial(cpu, x.Imm);
                return true;
            case ThumbOp.Msr:
                return WriteSpecial(cpu, x.Imm, x.Extra, cpu.R[x.Rn]);
            case ThumbOp.Cps:
                if (cpu.IsPrivileged)
                {
                    var set = x.Has(InsnFlags.Variant);
                    if ((x.Extra & 2) != 0)
                    {
                        cpu.Primask = set;
                    }

                    if ((x.Extra & 1) != 0 && !cpu.Model.IsV6M && (!set || cpu.Nvic.ExecutionPriority() > -1))
                    {
                        cpu.Faultmask = set;
                    }

                    cpu.OnMmuIndexChanged();
                    cpu.RequestExceptionCheck();
                }

                return true;
            default:
                cpu.RaiseFault(ExceptionNumber.UsageFault, FaultStatus.UndefInstr);
                return false;
        }
    }
}
