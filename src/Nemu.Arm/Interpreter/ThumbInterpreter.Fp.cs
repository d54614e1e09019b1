// The FP extension instructions (Armv7-M ARM A7.7 VABS..VSUB pseudocode; FPv5 additions as in the ARMv8-M ARM),
// executed on the software arithmetic of src/Nemu.Arm/Fp. Every FP instruction, transfers and VMRS/VMSR included, first
// makes QEMU's vfp_access_check_m checks: CPACR.CP10 (NOCP), lazy state preservation while FPCCR.LSPACT is set
// (ArmCpu.PreserveFpState, which may take a fault instead of executing the instruction), then the FP context update
// (ArmCpu.UpdateFpContext). Coprocessor space that no FP line claims is NOCP, or UNDEFINED
// for CP10/CP11 when access is enabled (QEMU trans_NOCP then unallocated_encoding). UNPREDICTABLE register lists
// (none, or past S31/D15) are UNDEFINED, as QEMU chooses.
using Nemu.Arm.Cpu;
using Nemu.Arm.Decoding;
using Nemu.Arm.Exceptions;
using Nemu.Arm.Fp;

namespace Nemu.Arm.Interpreter;

internal static partial class ThumbInterpreter
{
    private static bool CoprocessorSpace(ArmCpu cpu, in DecodedInsn x)
    {
        var coprocessor = (x.Raw >> 8) & 0xF;
        var undefined = coprocessor is 10 or 11 && cpu.HasFp && cpu.FpAccessAllowed();
        cpu.RaiseFault(ExceptionNumber.UsageFault, undefined ? FaultStatus.UndefInstr : FaultStatus.NoCp);
        return false;
    }

    private static bool FloatingPoint(ArmCpu cpu, in DecodedInsn x, uint pc)
    {
        if (!cpu.FpAccessAllowed())
        {
            cpu.RaiseFault(ExceptionNumber.UsageFault, FaultStatus.NoCp);
            return false;
        }

        // One field test when no lazy FP context is pending.
        if ((cpu.Fpccr & ArmCpu.FpccrLspact) != 0 && !cpu.PreserveFpState())
        {
            return false;
        }

        cpu.UpdateFpContext();
        var dp = OperandFormsFp.IsDouble(x.Raw);
        var f = dp ? FpFormat.Double : FpFormat.Single;
        var fpscr = cpu.Fpscr;
        switch (x.Op)
        {
            case >= ThumbOp.VMla and <= ThumbOp.VFnms:
                Set(cpu, x.Rd, dp, Arithmetic(x.Op, Get(cpu, x.Rd, dp), Get(cpu, x.Rn, dp), Get(cpu, x.Rm, dp), f, ref fpscr));
                break;
            case ThumbOp.VMovImm:
                Set(cpu, x.Rd, dp, ExpandImm(x.Imm, f));
                break;
            case ThumbOp.VMovReg:
                Set(cpu, x.Rd, dp, Get(cpu, x.Rm, dp));
                break;
            case ThumbOp.VAbs:
                Set(cpu, x.Rd, dp, FpArith.Abs(Get(cpu, x.Rm, dp), f));
                break;
            case ThumbOp.VNeg:
                Set(cpu, x.Rd, dp, FpArith.Neg(Get(cpu, x.Rm, dp), f));
                break;
            case ThumbOp.VSqrt:
                Set(cpu, x.Rd, dp, FpArith.Sqrt(Get(cpu, x.Rm, dp), f, ref fpscr));
                break;
            case ThumbOp.VCvtHalf:
                ConvertHalf(cpu, in x, dp, f, ref fpscr);
                break;
            case ThumbOp.VCmp:
                {
                    var op2 = x.Has(InsnFlags.Variant) ? 0 : Get(cpu, x.Rm, dp);
                    var nzcv = FpCompare.Compare(Get(cpu, x.Rd, dp), op2, f, x.Extra != 0, ref fpscr);
                    fpscr = (fpscr & ~FpscrFlags.Nzcv) | (nzcv << 28);
                    break;
                }

            case ThumbOp.VRint:
                Set(cpu, x.Rd, dp, FpConvert.RoundInt(Get(cpu, x.Rm, dp), f, Rounding(x.Extra, fpscr), x.Has(InsnFlags.Variant), ref fpscr));
                break;
            case ThumbOp.VCvtDoubleSingle:
                if (dp)
                {
                    cpu.ExtRegs[x.Rd] = (uint)FpConvert.Convert(cpu.GetDouble(x.Rm), FpFormat.Double, FpFormat.Single, ref fpscr);
                }
                else
                {
                    cpu.SetDouble(x.Rd, FpConvert.Convert(cpu.ExtRegs[x.Rm], FpFormat.Single, FpFormat.Double, ref fpscr));
                }

                break;
            case ThumbOp.VCvtFromInt:
                {
                    var v = cpu.ExtRegs[x.Rm];
                    var value = x.Has(InsnFlags.Signed) ? (int)v : (long)v;
                    Set(cpu, x.Rd, dp, FpConvert.FromFixed(value, 0, f, FpscrFlags.Rounding(fpscr), ref fpscr));
                    break;
                }

            case ThumbOp.VCvtToInt:
                cpu.ExtRegs[x.Rd] = (uint)FpConvert.ToFixed(Get(cpu, x.Rm, dp), f, 0, 32, !x.Has(InsnFlags.Signed), Rounding(x.Extra, fpscr), ref fpscr);
                break;
            case ThumbOp.VCvtFixed:
                ConvertFixed(cpu, in x, dp, f, ref fpscr);
                break;
            case ThumbOp.VSel:
                Set(cpu, x.Rd, dp, SelectCondition(cpu, x.Extra) ? Get(cpu, x.Rn, dp) : Get(cpu, x.Rm, dp));
                break;
            case ThumbOp.VMaxNm or ThumbOp.VMinNm:
                Set(cpu, x.Rd, dp, FpCompare.MaxMinNum(Get(cpu, x.Rn, dp), Get(cpu, x.Rm, dp), f, x.Op == ThumbOp.VMaxNm, ref fpscr));
                break;
            case ThumbOp.Vmrs:
                if (x.Rt == 15)
                {
                    cpu.N = (fpscr >> 31) != 0;
                    cpu.Z = ((fpscr >> 30) & 1) != 0;
                    cpu.C = ((fpscr >> 29) & 1) != 0;
                    cpu.V = ((fpscr >> 28) & 1) != 0;
                }
                else
                {
                    cpu.R[x.Rt] = fpscr;
                }

                break;
            case ThumbOp.Vmsr:
                fpscr = cpu.R[x.Rt] & FpscrFlags.WritableMask;
                break;
            default:
                return Transfer(cpu, in x, pc, dp);
        }

        cpu.Fpscr = fpscr;
        return true;
    }

    private static ulong Get(ArmCpu cpu, int n, bool dp) => dp ? cpu.GetDouble(n) : cpu.ExtRegs[n];

    private static void Set(ArmCpu cpu, int n, bool dp, ulong value)
    {
        if (dp)
        {
            cpu.SetDouble(n, value);
        }
        else
        {
            cpu.ExtRegs[n] = (uint)value;
        }
    }

    private static FpRounding Rounding(byte extra, uint fpscr) =>
        extra == OperandFormsFp.FpscrRounding ? FpscrFlags.Rounding(fpscr) : (FpRounding)extra;

    /// <summary>VMLA..VFNMS, VMUL..VDIV with the pseudocode's negations (FPNeg flips NaN signs too).</summary>
    private static ulong Arithmetic(ThumbOp op, ulong d, ulong n, ulong m, FpFormat f, ref uint fpscr)
    {
        switch (op)
        {
            case ThumbOp.VMla:
                return FpArith.Add(d, FpArith.Mul(n, m, f, ref fpscr), f, ref fpscr);
            case ThumbOp.VMls:
                return FpArith.Add(d, FpArith.Neg(FpArith.Mul(n, m, f, ref fpscr), f), f, ref fpscr);
            case ThumbOp.VNmla:
                return FpArith.Add(FpArith.Neg(d, f), FpArith.Neg(FpArith.Mul(n, m, f, ref fpscr), f), f, ref fpscr);
            case ThumbOp.VNmls:
                return FpArith.Add(FpArith.Neg(d, f), FpArith.Mul(n, m, f, ref fpscr), f, ref fpscr);
            case ThumbOp.VMul:
                return FpArith.Mul(n, m, f, ref fpscr);
            case ThumbOp.VNmul:
                return FpArith.Neg(FpArith.Mul(n, m, f, ref fpscr), f);
            case ThumbOp.VAdd:
                return FpArith.Add(n, m, f, ref fpscr);
            case ThumbOp.VSub:
                return FpArith.Sub(n, m, f, ref fpscr);
            case ThumbOp.VDiv:
                return FpArith.Div(n, m, f, ref fpscr);
            case ThumbOp.VFma:
                return FpArith.MulAdd(d, n, m, f, ref fpscr);
            case ThumbOp.VFms:
                return FpArith.MulAdd(d, FpArith.Neg(n, f), m, f, ref fpscr);
            case ThumbOp.VFnma:
                return FpArith.MulAdd(FpArith.Neg(d, f), FpArith.Neg(n, f), m, f, ref fpscr);
            default:
                return FpArith.MulAdd(FpArith.Neg(d, f), n, m, f, ref fpscr);
        }
    }

    /// <summary>VFPExpandImm: sign, NOT(b):b..b:cd exponent, efgh fraction top bits.</summary>
    internal static ulong ExpandImm(uint imm8, FpFormat f)
    {
        var sign = (ulong)(imm8 >> 7) & 1;
        var b6 = (imm8 >> 6) & 1;
        var exp = ((ulong)(b6 ^ 1) << (f.E - 1)) | ((b6 != 0 ? (1ul << (f.E - 3)) - 1 : 0) << 2) | ((imm8 >> 4) & 3);
        var frac = (ulong)(imm8 & 0xF) << (f.F - 4);
        return (sign << (f.N - 1)) | (exp << f.F) | frac;
    }

    private static void ConvertHalf(ArmCpu cpu, in DecodedInsn x, bool dp, FpFormat f, ref uint fpscr)
    {
        var shift = x.Extra != 0 ? 16 : 0;
        if (x.Has(InsnFlags.Variant))
        {
            var half = (uint)FpConvert.Convert(Get(cpu, x.Rm, dp), f, FpFormat.Half, ref fpscr) & 0xFFFF;
            cpu.ExtRegs[x.Rd] = (cpu.ExtRegs[x.Rd] & ~(0xFFFFu << shift)) | (half << shift);
        }
        else
        {
            var half = (cpu.ExtRegs[x.Rm] >> shift) & 0xFFFF;
            Set(cpu, x.Rd, dp, FpConvert.Convert(half, FpFormat.Half, f, ref fpscr));
        }
    }

    private static void ConvertFixed(ArmCpu cpu, in DecodedInsn x, bool dp, FpFormat f, ref uint fpscr)
    {
        var size = x.Extra;
        var fractionBits = (int)x.Imm;
        var unsigned = !x.Has(InsnFlags.Signed);
        if (x.Has(InsnFlags.Variant))
        {
            var result = FpConvert.ToFixed(Get(cpu, x.Rd, dp), f, fractionBits, size, unsigned, FpRounding.Zero, ref fpscr);
            Set(cpu, x.Rd, dp, dp ? (ulong)result : (uint)result);
            return;
        }

        var raw = Get(cpu, x.Rd, dp);
        long value = size == 16
            ? (unsigned ? (ushort)raw : (short)raw)
            : (unsigned ? (uint)raw : (int)raw);
        // FixedToFP with round_to_nearest TRUE: fixed-point sources ignore FPSCR.RMode (checked against QEMU).
        Set(cpu, x.Rd, dp, FpConvert.FromFixed(value, fractionBits, f, FpRounding.TieEven, ref fpscr));
    }

    /// <summary>VSEL conditions: 00 EQ, 01 VS, 10 GE, 11 GT.</summary>
    private static bool SelectCondition(ArmCpu cpu, byte cc) => cc switch
    {
        0 => cpu.Z,
        1 => cpu.V,
        2 => cpu.N == cpu.V,
        _ => !cpu.Z && cpu.N == cpu.V,
    };
}
