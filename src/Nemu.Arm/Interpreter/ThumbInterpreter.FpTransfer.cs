// FP register transfers (Armv7-M ARM A7.7: VLDR, VSTR, VLDM, VSTM, VPUSH, VPOP and the VMOV forms between core and
// extension registers). Accesses are word-aligned MemA accesses (UNALIGNED UsageFault otherwise); a double is two
// words, low word first (little-endian). The base register is written back only after every access succeeded.
using Nemu.Arm.Cpu;
using Nemu.Arm.Decoding;
using Nemu.Arm.Exceptions;

namespace Nemu.Arm.Interpreter;

internal static partial class ThumbInterpreter
{
    private static bool Transfer(ArmCpu cpu, in DecodedInsn x, uint pc, bool dp)
    {
        switch (x.Op)
        {
            case ThumbOp.VLdr or ThumbOp.VStr:
                {
                    var baseAddress = x.Rn == 15 ? (pc + 4) & ~3u : cpu.R[x.Rn];
                    var address = x.Has(InsnFlags.Add) ? baseAddress + x.Imm : baseAddress - x.Imm;
                    var first = dp ? 2 * x.Rd : x.Rd;
                    return x.Op == ThumbOp.VLdr ? LoadWords(cpu, address, first, dp ? 2 : 1) : StoreWords(cpu, address, first, dp ? 2 : 1);
                }

            case ThumbOp.VLdm or ThumbOp.VStm:
                {
                    var words = x.RegList;
                    var registers = dp ? words / 2 : words;
                    var first = dp ? 2 * x.Rd : x.Rd;
                    if (registers == 0 || first + (dp ? 2 * registers : registers) > 32 || (x.Rn == 15 && x.Has(InsnFlags.WriteBack)))
                    {
                        cpu.RaiseFault(ExceptionNumber.UsageFault, FaultStatus.UndefInstr);
                        return false;
                    }

                    var increment = x.Has(InsnFlags.Add);
                    var start = increment ? cpu.R[x.Rn] : cpu.R[x.Rn] - (4u * words);
                    var count = dp ? 2 * registers : registers;
                    var ok = x.Op == ThumbOp.VLdm ? LoadWords(cpu, start, first, count) : StoreWords(cpu, start, first, count);
                    if (ok && x.Has(InsnFlags.WriteBack))
                    {
                        cpu.R[x.Rn] = increment ? cpu.R[x.Rn] + (4u * words) : start;
                    }

                    return ok;
                }

            case ThumbOp.VMovCoreSingle:
                if (x.Has(InsnFlags.Variant))
                {
                    cpu.R[x.Rt] = cpu.ExtRegs[x.Rn];
                }
                else
                {
                    cpu.ExtRegs[x.Rn] = cpu.R[x.Rt];
                }

                return true;
            case ThumbOp.VMovCoreScalar:
                if (x.Has(InsnFlags.Variant))
                {
                    cpu.R[x.Rt] = cpu.ExtRegs[(2 * x.Rn) + x.Extra];
                }
                else
                {
                    cpu.ExtRegs[(2 * x.Rn) + x.Extra] = cpu.R[x.Rt];
                }

                return true;
            default:
                {
                    // VMOV between two core registers and S(m), S(m+1) or D(m).
                    var first = x.Op == ThumbOp.VMovCoreDouble ? 2 * x.Rm : x.Rm;
                    var second = (first + 1) & 31;
                    if (x.Has(InsnFlags.Variant))
                    {
                        cpu.R[x.Rt] = cpu.ExtRegs[first];
                        cpu.R[x.Ra] = cpu.ExtRegs[second];
                    }
                    else
                    {
                        cpu.ExtRegs[first] = cpu.R[x.Rt];
                        cpu.ExtRegs[second] = cpu.R[x.Ra];
                    }

                    return true;
                }
        }
    }

    private static bool LoadWords(ArmCpu cpu, uint address, int first, int count)
    {
        for (var i = 0; i < count; i++)
        {
            if (!cpu.Load(address + (4u * (uint)i), 4, out var value, forceAligned: true))
            {
                return false;
            }

            cpu.ExtRegs[first + i] = value;
        }

        return true;
    }

    private static bool StoreWords(ArmCpu cpu, uint address, int first, int count)
    {
        for (var i = 0; i < count; i++)
        {
            if (!cpu.Store(address + (4u * (uint)i), 4, cpu.ExtRegs[first + i], forceAligned: true))
            {
                return false;
            }
        }

        return true;
    }
}
