// The Thumb interpreter (Armv7-M ARM chapter A7 instruction pseudocode): the generic handler, one switch on
// ThumbOp over the decoded form shared with the disassembler (dispatch and the specialised handlers of hot
// instructions are in ThumbInterpreter.Dispatch.cs). Conditional execution and IT state (A7.3), PC reads (+4, Align(PC,4) for
// literals and ADR), BranchWritePC/BXWritePC/LoadWritePC interworking (INVSTATE when bit0 is 0, exception return
// for EXC_RETURN values in Handler mode, and for FNC_RETURN and EXC_RETURN in any mode with the Security Extension).
// Memory and system instructions are in the other partial files, the ARMv8-M ones in ThumbInterpreter.Security.cs.
// The DSP extension is in ThumbInterpreter.Dsp.cs, FP instructions in ThumbInterpreter.Fp.cs. UNPREDICTABLE cases
// behave as QEMU where checked, otherwise as the obvious datapath.
using System.Runtime.CompilerServices;
using Nemu.Arm.Cpu;
using Nemu.Arm.Decoding;
using Nemu.Arm.Exceptions;

namespace Nemu.Arm.Interpreter;

/// <summary>Executes decoded Thumb instructions on an <see cref="ArmCpu"/>.</summary>
internal static partial class ThumbInterpreter
{
    private static readonly ushort[] ConditionTable = BuildConditionTable();

    private static bool ExecuteOp(ArmCpu cpu, in DecodedInsn x, uint pc, bool inIt)
    {
        var s = x.Has(InsnFlags.SetFlags) || (x.Has(InsnFlags.SetFlagsOutsideIt) && !inIt);
        if (x.Has(InsnFlags.StackCheck) && !StackLimitAllows(cpu, in x, pc))
        {
            return false;
        }

        switch (x.Op)
        {
            case ThumbOp.Undefined or ThumbOp.Udf:
                cpu.RaiseFault(ExceptionNumber.UsageFault, FaultStatus.UndefInstr);
                return false;
            case ThumbOp.NoCoprocessor:
                return CoprocessorSpace(cpu, in x);
            case >= ThumbOp.FirstV8 and <= ThumbOp.LastV8:
                return V8Instruction(cpu, in x, pc);
            case >= ThumbOp.FirstFp and <= ThumbOp.LastFp:
                return FloatingPoint(cpu, in x, pc);
            case >= ThumbOp.AndImm and <= ThumbOp.CmnReg:
                DataProcessing(cpu, in x, pc, s);
                return true;
            case ThumbOp.ShiftReg:
                {
                    var result = Alu.ShiftC(Reg(cpu, x.Rn, pc), x.Shift, (int)(Reg(cpu, x.Rm, pc) & 0xFF), cpu.C, out var carry);
                    WriteResult(cpu, x.Rd, result, s, carry);
                    return true;
                }

            case ThumbOp.Adr:
                {
                    var basePc = (pc + 4) & ~3u;
                    WriteRegBranch(cpu, x.Rd, x.Has(InsnFlags.Add) ? basePc + x.Imm : basePc - x.Imm);
                    return true;
                }

            case ThumbOp.MovT:
                cpu.R[x.Rd] = (cpu.R[x.Rd] & 0xFFFF) | (x.Imm << 16);
                return true;
            case >= ThumbOp.Mul and <= ThumbOp.Udiv:
                return Multiply(cpu, in x, pc, s);
            case >= ThumbOp.Clz and <= ThumbOp.Usat:
                Miscellaneous(cpu, in x, pc);
                return true;
            case >= ThumbOp.Ldr and <= ThumbOp.Preload:
                return LoadStore(cpu, in x, pc);
            case >= ThumbOp.FirstDsp and <= ThumbOp.LastDsp:
                Dsp(cpu, in x, pc);
                return true;
            default:
                return Control(cpu, in x, pc);
        }
    }

    internal static uint Reg(ArmCpu cpu, int n, uint pc) => n == 15 ? pc + 4 : cpu.R[n];

    /// <summary>ConditionPassed for a 4-bit condition code (A7.3): one bit of <see cref="ConditionTable"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static bool ConditionPassed(ArmCpu cpu, int cond) => ConditionBit(cpu, cond) != 0;

    /// <summary>ConditionPassed as 1 or 0, for branchless selection.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static uint ConditionBit(ArmCpu cpu, int cond)
    {
        var nzcv = (Bit(cpu.N) << 3) | (Bit(cpu.Z) << 2) | (Bit(cpu.C) << 1) | Bit(cpu.V);
        return (uint)(ConditionTable[cond & 0xF] >> nzcv) & 1;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Bit(bool b) => Unsafe.As<bool, byte>(ref b);

    // ConditionPassed of the pseudocode for every condition and NZCV: bit NZCV (N the top bit) of entry cond.
    private static ushort[] BuildConditionTable()
    {
        var table = new ushort[16];
        for (var cond = 0; cond < 16; cond++)
        {
            for (var nzcv = 0; nzcv < 16; nzcv++)
            {
                bool n = (nzcv & 8) != 0, z = (nzcv & 4) != 0, c = (nzcv & 2) != 0, v = (nzcv & 1) != 0;
                var result = (cond >> 1) switch
                {
                    0 => z,
                    1 => c,
                    2 => n,
                    3 => v,
                    4 => c && !z,
                    5 => n == v,
                    6 => n == v && !z,
                    _ => true,
                };
                if ((cond & 1) != 0 && cond != 0xF ? !result : result)
                {
                    table[cond] |= (ushort)(1 << nzcv);
                }
            }
        }

        return table;
    }

    /// <summary>ITAdvance.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void AdvanceIt(ArmCpu cpu)
    {
        cpu.ItState = (cpu.ItState & 7) == 0 ? (byte)0 : (byte)((cpu.ItState & 0xE0) | ((cpu.ItState << 1) & 0x1F));
    }

    /// <summary>ALUWritePC/BranchWritePC for R15, a plain register write otherwise.</summary>
    private static void WriteRegBranch(ArmCpu cpu, int d, uint value) => cpu.R[d] = d == 15 ? value & ~1u : value;

    /// <summary>
    /// BXWritePC: interworking branch. EXC_RETURN values in Handler mode start an exception return; with the Security
    /// Extension FNC_RETURN and EXC_RETURN values do in any mode (QEMU's FNC_RETURN_MIN_MAGIC check).
    /// </summary>
    internal static void BxWritePc(ArmCpu cpu, uint value)
    {
        if (value >= ArmCpu.FncReturnMinMagic
            && (cpu.HasSecurityExtension || (value >= ArmCpu.ExcReturnMinMagic && cpu.IsHandlerMode)))
        {
            cpu.PendingExceptionReturn = true;
            cpu.PendingExceptionReturnValue = value;
            return;
        }

        cpu.Thumb = (value & 1) != 0;
        cpu.R[15] = value & ~1u;
    }

    private static void WriteResult(ArmCpu cpu, int d, uint result, bool setFlags, bool carry)
    {
        WriteRegBranch(cpu, d, result);
        if (setFlags && d != 15)
        {
            cpu.N = (result >> 31) != 0;
            cpu.Z = result == 0;
            cpu.C = carry;
        }
    }

    private static void DataProcessing(ArmCpu cpu, in DecodedInsn x, uint pc, bool s)
    {
        var op = x.Op;
        var isImm = ((op - ThumbOp.AndImm) & 1) == 0;
        uint operand;
        bool carry;
        if (isImm)
        {
            operand = x.Imm;
            carry = x.Has(InsnFlags.ImmCarryValid) ? x.Has(InsnFlags.ImmCarry) : cpu.C;
        }
        else
        {
            operand = Alu.ShiftC(Reg(cpu, x.Rm, pc), x.Shift, x.ShiftAmount, cpu.C, out carry);
        }

        var n = Reg(cpu, x.Rn, pc);
        if (x.Rn == 15 && op is ThumbOp.AddImm or ThumbOp.SubImm)
        {
            n = (pc + 4) & ~3u;
        }

        switch (op)
        {
            case ThumbOp.AndImm or ThumbOp.AndReg:
                WriteResult(cpu, x.Rd, n & operand, s, carry);
                return;
            case ThumbOp.BicImm or ThumbOp.BicReg:
                WriteResult(cpu, x.Rd, n & ~operand, s, carry);
                return;
            case ThumbOp.OrrImm or ThumbOp.OrrReg:
                WriteResult(cpu, x.Rd, n | operand, s, carry);
                return;
            case ThumbOp.OrnImm or ThumbOp.OrnReg:
                WriteResult(cpu, x.Rd, n | ~operand, s, carry);
                return;
            case ThumbOp.EorImm or ThumbOp.EorReg:
                WriteResult(cpu, x.Rd, n ^ operand, s, carry);
                return;
            case ThumbOp.MovImm or ThumbOp.MovReg:
                WriteResult(cpu, x.Rd, operand, s, carry);
                return;
            case ThumbOp.MvnImm or ThumbOp.MvnReg:
                WriteResult(cpu, x.Rd, ~operand, s, carry);
                return;
            case ThumbOp.TstImm or ThumbOp.TstReg:
                SetNzc(cpu, n & operand, carry);
                return;
            case ThumbOp.TeqImm or ThumbOp.TeqReg:
                SetNzc(cpu, n ^ operand, carry);
                return;
            case ThumbOp.AddImm or ThumbOp.AddReg:
                AddWrite(cpu, x.Rd, n, operand, false, s);
                return;
            case ThumbOp.AdcImm or ThumbOp.AdcReg:
                AddWrite(cpu, x.Rd, n, operand, cpu.C, s);
                return;
            case ThumbOp.SubImm or ThumbOp.SubReg:
                AddWrite(cpu, x.Rd, n, ~operand, true, s);
                return;
            case ThumbOp.SbcImm or ThumbOp.SbcReg:
                AddWrite(cpu, x.Rd, n, ~operand, cpu.C, s);
                return;
            case ThumbOp.RsbImm or ThumbOp.RsbReg:
                AddWrite(cpu, x.Rd, ~n, operand, true, s);
                return;
            case ThumbOp.CmpImm or ThumbOp.CmpReg:
                SetNzcv(cpu, Alu.AddWithCarry(n, ~operand, true, out var c1, out var v1), c1, v1);
                return;
            default:
                SetNzcv(cpu, Alu.AddWithCarry(n, operand, false, out var c2, out var v2), c2, v2);
                return;
        }
    }

    private static void AddWrite(ArmCpu cpu, int d, uint a, uint b, bool carryIn, bool s)
    {
        var result = Alu.AddWithCarry(a, b, carryIn, out var carry, out var overflow);
        WriteRegBranch(cpu, d, result);
        if (s && d != 15)
        {
            SetNzcv(cpu, result, carry, overflow);
        }
    }

    private static void SetNzc(ArmCpu cpu, uint result, bool carry)
    {
        cpu.N = (result >> 31) != 0;
        cpu.Z = result == 0;
        cpu.C = carry;
    }

    private static void SetNzcv(ArmCpu cpu, uint result, bool carry, bool overflow)
    {
        SetNzc(cpu, result, carry);
        cpu.V = overflow;
    }
}
