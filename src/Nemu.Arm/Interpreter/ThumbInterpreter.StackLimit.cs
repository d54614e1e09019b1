// The SP-writing instructions QEMU 7.2 checks against the v8-M stack limit (target/arm/translate.c: STREG_SP_CHECK
// for ADD/SUB with Rd = Rn = SP and MOV to SP; op_addr_ri_pre for immediate loads/stores with SP writeback;
// op_addr_block_pre for LDM/STM/PUSH/POP with SP writeback; translate-vfp.c for VLDM/VSTM/VPUSH/VPOP), and the
// value each one checks: the new SP, or for writeback forms the lowest address the instruction touches (QEMU
// checks the current SP when the writeback moves SP up). MSR MSP/PSP do not check; MSR SP_NS does
// (ThumbInterpreter.Control.cs), BLXNS checks its frame (ArmCpu.SecurityTransitions.cs).
using Nemu.Arm.Cpu;
using Nemu.Arm.Decoding;

namespace Nemu.Arm.Interpreter;

internal static partial class ThumbInterpreter
{
    // Runs before the instruction (which then has no effect when the check fails).
    private static bool StackLimitAllows(ArmCpu cpu, in DecodedInsn x, uint pc)
    {
        var sp = cpu.R[13];
        uint checkedValue;
        switch (x.Op)
        {
            case ThumbOp.MovImm:
                checkedValue = x.Imm;
                break;
            case ThumbOp.MovReg:
                checkedValue = Alu.ShiftC(Reg(cpu, x.Rm, pc), x.Shift, x.ShiftAmount, cpu.C, out _);
                break;
            case ThumbOp.AddImm or ThumbOp.SubImm or ThumbOp.AddReg or ThumbOp.SubReg:
                {
                    var operand = x.Op is ThumbOp.AddImm or ThumbOp.SubImm
                        ? x.Imm
                        : Alu.ShiftC(Reg(cpu, x.Rm, pc), x.Shift, x.ShiftAmount, cpu.C, out _);
                    checkedValue = x.Op is ThumbOp.AddImm or ThumbOp.AddReg ? sp + operand : sp - operand;
                    break;
                }

            case ThumbOp.Ldm or ThumbOp.Stm:
                checkedValue = sp;
                break;
            case ThumbOp.Ldmdb or ThumbOp.Stmdb:
                checkedValue = sp - (4u * (uint)System.Numerics.BitOperations.PopCount(x.RegList));
                break;
            case ThumbOp.VLdm or ThumbOp.VStm:
                if (!cpu.FpAccessAllowed())
                {
                    // NOCP comes first (vfp_access_check precedes the stack check).
                    return true;
                }

                checkedValue = x.Has(InsnFlags.Add) ? sp : sp - (4u * x.RegList);
                break;
            default:
                // Immediate pre/post-indexed single and dual loads/stores: a downward writeback checks the new SP.
                checkedValue = x.Has(InsnFlags.Add) ? sp : sp - x.Imm;
                break;
        }

        return cpu.StackLimitAllows(checkedValue);
    }
}
