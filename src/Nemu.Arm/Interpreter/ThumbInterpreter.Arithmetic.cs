// Multiplies, divides (A7.7.x MUL/MLA/MLS/SMULL/UMULL/SMLAL/UMLAL/SDIV/UDIV with CCR.DIV_0_TRP) and the
// miscellaneous data-processing instructions (CLZ, RBIT, REV*, extends, bitfields, saturation).
using System.Numerics;
using Nemu.Arm.Cpu;
using Nemu.Arm.Decoding;
using Nemu.Arm.Exceptions;

namespace Nemu.Arm.Interpreter;

internal static partial class ThumbInterpreter
{
    private static bool Multiply(ArmCpu cpu, in DecodedInsn x, uint pc, bool s)
    {
        var n = Reg(cpu, x.Rn, pc);
        var m = Reg(cpu, x.Rm, pc);
        switch (x.Op)
        {
            case ThumbOp.Mul:
                {
                    var result = n * m;
                    cpu.R[x.Rd] = result;
                    if (s)
                    {
                        cpu.N = (result >> 31) != 0;
                        cpu.Z = result == 0;
                    }

                    return true;
                }

            case ThumbOp.Mla:
                cpu.R[x.Rd] = (n * m) + cpu.R[x.Ra];
                return true;
            case ThumbOp.Mls:
                cpu.R[x.Rd] = cpu.R[x.Ra] - (n * m);
                return true;
            case ThumbOp.Smull:
                WriteLong(cpu, in x, (ulong)((long)(int)n * (int)m));
                return true;
            case ThumbOp.Umull:
                WriteLong(cpu, in x, (ulong)n * m);
                return true;
            case ThumbOp.Smlal:
                WriteLong(cpu, in x, (ulong)((long)(int)n * (int)m) + ReadLong(cpu, in x));
                return true;
            case ThumbOp.Umlal:
                WriteLong(cpu, in x, ((ulong)n * m) + ReadLong(cpu, in x));
                return true;
            default:
                if (m == 0)
                {
                    if ((cpu.Nvic.Ccr & (1u << 4)) != 0)
                    {
                        cpu.RaiseFault(ExceptionNumber.UsageFault, FaultStatus.DivByZero);
                        return false;
                    }

                    cpu.R[x.Rd] = 0;
                    return true;
                }

                cpu.R[x.Rd] = x.Op == ThumbOp.Udiv ? n / m : (int)n == int.MinValue && (int)m == -1 ? n : (uint)((int)n / (int)m);
                return true;
        }
    }

    private static ulong ReadLong(ArmCpu cpu, in DecodedInsn x) => ((ulong)cpu.R[x.Rd] << 32) | cpu.R[x.Ra];

    private static void WriteLong(ArmCpu cpu, in DecodedInsn x, ulong value)
    {
        cpu.R[x.Ra] = (uint)value;
        cpu.R[x.Rd] = (uint)(value >> 32);
    }

    private static void Miscellaneous(ArmCpu cpu, in DecodedInsn x, uint pc)
    {
        var m = Reg(cpu, x.Rm, pc);
        var rotated = uint.RotateRight(m, x.ShiftAmount);
        uint result;
        switch (x.Op)
        {
            case ThumbOp.Clz:
                result = (uint)BitOperations.LeadingZeroCount(m);
                break;
            case ThumbOp.Rbit:
                result = ReverseBits(m);
                break;
            case ThumbOp.Rev:
                result = BinaryReverse(m);
                break;
            case ThumbOp.Rev16:
                result = ((m & 0x00FF00FF) << 8) | ((m >> 8) & 0x00FF00FF);
                break;
            case ThumbOp.Revsh:
                result = (uint)(short)(((m & 0xFF) << 8) | ((m >> 8) & 0xFF));
                break;
            case ThumbOp.Sxtb:
                result = (uint)(sbyte)rotated;
                break;
            case ThumbOp.Sxth:
                result = (uint)(short)rotated;
                break;
            case ThumbOp.Uxtb:
                result = rotated & 0xFF;
                break;
            case ThumbOp.Uxth:
                result = rotated & 0xFFFF;
                break;
            case ThumbOp.Bfi or ThumbOp.Bfc:
                {
                    int lsb = x.ShiftAmount, msb = x.Ra;
                    if (msb < lsb)
                    {
                        return;
                    }

                    var mask = (uint)(((1UL << (msb - lsb + 1)) - 1) << lsb);
                    var source = x.Op == ThumbOp.Bfc ? 0 : Reg(cpu, x.Rn, pc) << lsb;
                    result = (cpu.R[x.Rd] & ~mask) | (source & mask);
                    break;
                }

            case ThumbOp.Sbfx or ThumbOp.Ubfx:
                {
                    int lsb = x.ShiftAmount, width = x.Ra + 1;
                    if (lsb + width > 32)
                    {
                        return;
                    }

                    var field = (Reg(cpu, x.Rn, pc) >> lsb) & (uint)((1UL << width) - 1);
                    result = x.Op == ThumbOp.Sbfx ? ThumbImmediates.SignExtend(field, width) : field;
                    break;
                }

            default:
                {
                    var operand = Alu.ShiftC(Reg(cpu, x.Rn, pc), x.Shift, x.ShiftAmount, cpu.C, out _);
                    bool saturated;
                    result = x.Op == ThumbOp.Ssat
                        ? Alu.SignedSat((int)operand, x.Ra, out saturated)
                        : Alu.UnsignedSat((int)operand, x.Ra, out saturated);
                    if (saturated)
                    {
                        cpu.Q = true;
                    }

                    break;
                }
        }

        cpu.R[x.Rd] = result;
    }

    private static uint BinaryReverse(uint v) => System.Buffers.Binary.BinaryPrimitives.ReverseEndianness(v);

    private static uint ReverseBits(uint v)
    {
        v = ((v >> 1) & 0x55555555) | ((v & 0x55555555) << 1);
        v = ((v >> 2) & 0x33333333) | ((v & 0x33333333) << 2);
        v = ((v >> 4) & 0x0F0F0F0F) | ((v & 0x0F0F0F0F) << 4);
        return BinaryReverse(v);
    }
}
