// The ARMv8-M instructions (Armv8-M ARM C2.4): SG, BXNS, BLXNS, TT/TTT/TTA/TTAT and VLSTM/VLLDM, with QEMU 7.2's
// decode-time rules (translate.c trans_SG/trans_BXNS/trans_BLXNS/trans_TT, translate-vfp.c trans_VLLDM_VLSTM):
// BXNS, BLXNS, VLSTM and VLLDM are UNDEFINED in Non-secure state; TT with Rd = SP/PC or Rn = PC, and TTA/TTAT from
// Non-secure state (or without the Security Extension), are UNDEFINED. SG executed as an instruction (Secure state,
// or Non-secure memory) is a NOP that clears the IT state in Secure state; the Non-secure to Secure call through SG
// happens in the fetch path (ArmCpu.HandleExecuteNsc). The load-acquire/store-release group is in
// ThumbInterpreter.AcquireRelease.cs.
using Nemu.Arm.Cpu;
using Nemu.Arm.Decoding;
using Nemu.Arm.Exceptions;

namespace Nemu.Arm.Interpreter;

internal static partial class ThumbInterpreter
{
    private static bool V8Instruction(ArmCpu cpu, in DecodedInsn x, uint pc)
    {
        switch (x.Op)
        {
            case ThumbOp.Sg:
                if (cpu.Secure)
                {
                    cpu.ItState = 0;
                }

                return true;
            case ThumbOp.Bxns:
                if (!cpu.Secure)
                {
                    return Undefined(cpu);
                }

                cpu.BranchNonSecure(Reg(cpu, x.Rm, pc));
                return true;
            case ThumbOp.Blxns:
                return cpu.Secure ? cpu.BranchLinkNonSecure(Reg(cpu, x.Rm, pc), pc + 2) : Undefined(cpu);
            case ThumbOp.Tt:
                {
                    var alt = (x.Extra & 2) != 0;
                    if (x.Rd is 13 or 15 || x.Rn == 15 || (alt && !cpu.Secure))
                    {
                        return Undefined(cpu);
                    }

                    cpu.R[x.Rd] = cpu.TtLookup(cpu.R[x.Rn], cpu.Secure, unprivileged: (x.Extra & 1) != 0, alt);
                    return true;
                }

            case ThumbOp.Vlstm or ThumbOp.Vlldm:
                if (!cpu.Secure)
                {
                    return Undefined(cpu);
                }

                if (!cpu.HasFp)
                {
                    return true;
                }

                return x.Op == ThumbOp.Vlstm ? cpu.LazyStoreMultiple(cpu.R[x.Rn]) : cpu.LazyLoadMultiple(cpu.R[x.Rn]);
            default:
                return AcquireRelease(cpu, in x);
        }
    }

    private static bool Undefined(ArmCpu cpu)
    {
        cpu.RaiseFault(ExceptionNumber.UsageFault, FaultStatus.UndefInstr);
        return false;
    }
}
