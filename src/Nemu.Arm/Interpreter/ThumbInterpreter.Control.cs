// Branches, IT, hints, barriers and system instructions (A7.7 B/BL/BX/BLX/CBZ/TBB/TBH/IT/WFI/WFE/SEV/MRS/MSR/CPS/
// SVC/BKPT; special registers per B5.1 and mprofile.md §4.7). Barriers are no-ops for a single in-order core.
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
                WriteSpecial(cpu, x.Imm, x.Extra, cpu.R[x.Rn]);
                return true;
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

    private static uint ReadSpecial(ArmCpu cpu, uint sysm)
    {
        var privileged = cpu.IsPrivileged;
        var v7 = !cpu.Model.IsV6M;
        switch (sysm)
        {
            case < 8:
                {
                    uint value = 0;
                    if ((sysm & 1) != 0 && privileged)
                    {
                        value |= (uint)cpu.Ipsr;
                    }

                    if ((sysm & 4) == 0)
                    {
                        value |= cpu.Xpsr & 0xF80F0000;
                    }

                    return value;
                }

            case SpecialRegisters.Msp:
                return privileged ? cpu.Msp : 0;
            case SpecialRegisters.Psp:
                return privileged ? cpu.Psp : 0;
            case SpecialRegisters.Primask:
                return privileged && cpu.Primask ? 1u : 0;
            case SpecialRegisters.Basepri or SpecialRegisters.BasepriMax:
                return privileged && v7 ? cpu.Basepri : 0u;
            case SpecialRegisters.Faultmask:
                return privileged && v7 && cpu.Faultmask ? 1u : 0;
            case SpecialRegisters.Control:
                return cpu.Control;
            default:
                ArmCpu.LogGuestError($"MRS: unknown special register {sysm}");
                return 0;
        }
    }

    private static void WriteSpecial(ArmCpu cpu, uint sysm, byte mask, uint value)
    {
        var v7 = !cpu.Model.IsV6M;
        if (sysm < 8)
        {
            // mask<1> writes NZCVQ, mask<0> writes GE[3:0] (DSP cores only; APSR_g alone is valid there).
            if ((sysm & 4) == 0 && (mask & 2) != 0)
            {
                cpu.SetApsr(value, includeGe: (mask & 1) != 0 && (cpu.Features & ArchFeatures.Dsp) != 0);
            }
            else if ((sysm & 4) == 0 && (mask & 1) != 0 && (cpu.Features & ArchFeatures.Dsp) != 0)
            {
                cpu.Ge = (value >> 16) & 0xF;
            }

            return;
        }

        if (!cpu.IsPrivileged)
        {
            return;
        }

        switch (sysm)
        {
            case SpecialRegisters.Msp:
                cpu.Msp = value;
                return;
            case SpecialRegisters.Psp:
                cpu.Psp = value;
                return;
            case SpecialRegisters.Primask:
                cpu.Primask = (value & 1) != 0;
                break;
            case SpecialRegisters.Basepri when v7:
                cpu.Basepri = (byte)(value & 0xFF & (0xFF << (8 - cpu.Nvic.NumPriorityBits)));
                break;
            case SpecialRegisters.BasepriMax when v7:
                {
                    var v = (byte)(value & 0xFF & (0xFF << (8 - cpu.Nvic.NumPriorityBits)));
                    if (v != 0 && (v < cpu.Basepri || cpu.Basepri == 0))
                    {
                        cpu.Basepri = v;
                    }

                    break;
                }

            case SpecialRegisters.Faultmask when v7:
                if ((value & 1) == 0 || cpu.Nvic.ExecutionPriority() > -1)
                {
                    cpu.Faultmask = (value & 1) != 0;
                }

                break;
            case SpecialRegisters.Control:
                if (v7)
                {
                    cpu.ControlNPriv = (value & 1) != 0;
                }

                if (cpu.HasFp)
                {
                    cpu.ControlFpca = (value & 4) != 0;
                }

                if (!cpu.IsHandlerMode)
                {
                    var spsel = (value & 2) != 0;
                    cpu.ControlSpsel = spsel;
                    cpu.SwitchStack(spsel);
                }

                break;
            default:
                ArmCpu.LogGuestError($"MSR: unknown special register {sysm}");
                return;
        }

        // CONTROL.nPRIV and FAULTMASK select the MPU context (privilege, negative priority).
        cpu.OnMmuIndexChanged();
        cpu.RequestExceptionCheck();
    }
}
