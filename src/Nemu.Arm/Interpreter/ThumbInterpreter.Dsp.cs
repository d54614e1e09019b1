// The ARMv7E-M DSP extension (Armv7-M ARM A7.7, instructions marked ARMv7E-M): saturating add/subtract
// (QADD/QSUB/QDADD/QDSUB, SSAT16/USAT16, setting the sticky Q flag), the parallel add/subtract family with the
// APSR.GE bits (A2.3.2) and SEL, USAD8/USADA8, halfword, dual and most-significant-word multiplies, PKHBT/PKHTB,
// UMAAL and the extend-and-add forms. UNPREDICTABLE register choices (SP/PC operands, RdHi == RdLo) behave as
// QEMU's translation does: PC reads as the instruction address + 4, a PC destination branches, RdHi is written
// last, and SMMLS with Ra = PC is SMMUL (QEMU ignores a PC accumulator there).
using Nemu.Arm.Cpu;
using Nemu.Arm.Decoding;

namespace Nemu.Arm.Interpreter;

internal static partial class ThumbInterpreter
{
    /// <summary>Executes one operation of the FirstDsp..LastDsp block; none of them can fault.</summary>
    private static void Dsp(ArmCpu cpu, in DecodedInsn x, uint pc)
    {
        var n = Reg(cpu, x.Rn, pc);
        var m = Reg(cpu, x.Rm, pc);
        var op = x.Op;
        if (op is >= ThumbOp.Sadd16 and <= ThumbOp.Uhsub8)
        {
            WriteRegBranch(cpu, x.Rd, ParallelAddSub(cpu, op - ThumbOp.Sadd16, n, m));
            return;
        }

        if (op is >= ThumbOp.Smulxy and <= ThumbOp.Smmls)
        {
            DspMultiply(cpu, in x, pc, n, m);
            return;
        }

        uint result;
        bool saturated;
        switch (op)
        {
            case ThumbOp.Qadd:
                result = Alu.SignedSat((long)(int)m + (int)n, 32, out saturated);
                break;
            case ThumbOp.Qsub:
                result = Alu.SignedSat((long)(int)m - (int)n, 32, out saturated);
                break;
            case ThumbOp.Qdadd or ThumbOp.Qdsub:
                {
                    var doubled = (int)Alu.SignedSat(2L * (int)n, 32, out var doubleSaturated);
                    var sum = op == ThumbOp.Qdadd ? (long)(int)m + doubled : (long)(int)m - doubled;
                    result = Alu.SignedSat(sum, 32, out saturated);
                    saturated |= doubleSaturated;
                    break;
                }

            case ThumbOp.Ssat16 or ThumbOp.Usat16:
                {
                    var signed = op == ThumbOp.Ssat16;
                    var low = signed ? Alu.SignedSat((short)n, x.Ra, out var lowSat) : Alu.UnsignedSat((short)n, x.Ra, out lowSat);
                    var high = signed ? Alu.SignedSat((int)n >> 16, x.Ra, out var highSat) : Alu.UnsignedSat((int)n >> 16, x.Ra, out highSat);
                    result = (low & 0xFFFF) | (high << 16);
                    saturated = lowSat | highSat;
                    break;
                }

            case ThumbOp.Sel:
                result = 0;
                for (var i = 0; i < 4; i++)
                {
                    var lane = 0xFFu << (8 * i);
                    result |= ((cpu.Ge >> i) & 1) != 0 ? n & lane : m & lane;
                }

                WriteRegBranch(cpu, x.Rd, result);
                return;
            case ThumbOp.Usad8 or ThumbOp.Usada8:
                result = op == ThumbOp.Usada8 ? Reg(cpu, x.Ra, pc) : 0;
                for (var i = 0; i < 32; i += 8)
                {
                    result += (uint)Math.Abs((int)((n >> i) & 0xFF) - (int)((m >> i) & 0xFF));
                }

                WriteRegBranch(cpu, x.Rd, result);
                return;
            case ThumbOp.Pkhbt or ThumbOp.Pkhtb:
                {
                    var shifted = Alu.ShiftC(m, x.Shift, x.ShiftAmount, false, out _);
                    result = op == ThumbOp.Pkhbt ? (n & 0xFFFF) | (shifted & 0xFFFF0000) : (n & 0xFFFF0000) | (shifted & 0xFFFF);
                    WriteRegBranch(cpu, x.Rd, result);
                    return;
                }

            case ThumbOp.Umaal:
                {
                    var value = ((ulong)n * m) + cpu.R[x.Rd] + cpu.R[x.Ra];
                    WriteRegBranch(cpu, x.Ra, (uint)value);
                    WriteRegBranch(cpu, x.Rd, (uint)(value >> 32));
                    return;
                }

            default:
                WriteRegBranch(cpu, x.Rd, ExtendAdd(op, n, uint.RotateRight(m, x.ShiftAmount)));
                return;
        }

        if (saturated)
        {
            cpu.Q = true;
        }

        WriteRegBranch(cpu, x.Rd, result);
    }

    /// <summary>
    /// The parallel add/subtract family: <paramref name="index"/> = prefix × 6 + operation, in the order of
    /// <see cref="ThumbOp.Sadd16"/>..<see cref="ThumbOp.Uhsub8"/>. Only the S and U prefixes write APSR.GE.
    /// </summary>
    private static uint ParallelAddSub(ArmCpu cpu, int index, uint n, uint m)
    {
        var prefix = index / 6;
        var operation = index % 6;
        var signed = prefix < 3;
        uint result = 0, ge = 0;
        if (operation < 4)
        {
            // ADD16, ASX, SAX, SUB16: lane 0 is the bottom halfword; ASX/SAX pair it with Rm's other half.
            for (var lane = 0; lane < 2; lane++)
            {
                var exchange = operation is 1 or 2;
                var a = Lane(n, 16 * lane, 16, signed);
                var b = Lane(m, 16 * (exchange ? 1 - lane : lane), 16, signed);
                var subtract = operation switch
                {
                    0 => false,
                    1 => lane == 0,
                    2 => lane == 1,
                    _ => true,
                };
                var value = ParallelLane(prefix, subtract ? a - b : a + b, 16, subtract, out var geLane);
                result |= (value & 0xFFFF) << (16 * lane);
                ge |= geLane ? 3u << (2 * lane) : 0;
            }
        }
        else
        {
            var subtract = operation == 5;
            for (var lane = 0; lane < 4; lane++)
            {
                var a = Lane(n, 8 * lane, 8, signed);
                var b = Lane(m, 8 * lane, 8, signed);
                var value = ParallelLane(prefix, subtract ? a - b : a + b, 8, subtract, out var geLane);
                result |= (value & 0xFF) << (8 * lane);
                ge |= geLane ? 1u << lane : 0;
            }
        }

        if (prefix is 0 or 3)
        {
            cpu.Ge = ge;
        }

        return result;
    }

    private static int Lane(uint value, int shift, int width, bool signed)
    {
        var bits = (value >> shift) & ((1u << width) - 1);
        return signed ? (int)ThumbImmediates.SignExtend(bits, width) : (int)bits;
    }

    /// <summary>One lane's result for a prefix: S/U wrap (and give GE), Q/UQ saturate, SH/UH halve.</summary>
    private static uint ParallelLane(int prefix, int value, int width, bool subtract, out bool ge)
    {
        ge = false;
        switch (prefix)
        {
            case 0:
                ge = value >= 0;
                return (uint)value;
            case 1:
                return Alu.SignedSat(value, width, out _);
            case 3:
                ge = subtract ? value >= 0 : value >= 1 << width;
                return (uint)value;
            case 4:
                return Alu.UnsignedSat(value, width, out _);
            default:
                return (uint)(value >> 1);
        }
    }

    private static void DspMultiply(ArmCpu cpu, in DecodedInsn x, uint pc, uint n, uint m)
    {
        var op = x.Op;
        var selector = x.Extra;
        if (op is >= ThumbOp.Smuad and <= ThumbOp.Smlsld && (selector & 1) != 0)
        {
            m = uint.RotateRight(m, 16);
        }

        // Halves of the dual multiplies; the halfword multiplies pick one per operand.
        long bottom = (long)(short)n * (short)m;
        long top = (long)((int)n >> 16) * ((int)m >> 16);
        var nHalf = (selector & 2) != 0 ? (int)n >> 16 : (short)n;
        var mHalf = (selector & 1) != 0 ? (int)m >> 16 : (short)m;
        switch (op)
        {
            case ThumbOp.Smulxy:
                WriteRegBranch(cpu, x.Rd, (uint)(nHalf * mHalf));
                return;
            case ThumbOp.Smlaxy:
                WriteSaturating(cpu, x.Rd, (long)nHalf * mHalf + (int)Reg(cpu, x.Ra, pc));
                return;
            case ThumbOp.Smulwy:
                WriteRegBranch(cpu, x.Rd, (uint)(((long)(int)n * mHalf) >> 16));
                return;
            case ThumbOp.Smlawy:
                WriteSaturating(cpu, x.Rd, (((long)(int)n * mHalf) >> 16) + (int)Reg(cpu, x.Ra, pc));
                return;
            case ThumbOp.Smlalxy:
                WriteLongDsp(cpu, in x, ReadLong(cpu, in x) + (ulong)((long)nHalf * mHalf));
                return;
            case ThumbOp.Smuad:
                WriteSaturating(cpu, x.Rd, bottom + top);
                return;
            case ThumbOp.Smlad:
                WriteSaturating(cpu, x.Rd, bottom + top + (int)Reg(cpu, x.Ra, pc));
                return;
            case ThumbOp.Smusd:
                WriteRegBranch(cpu, x.Rd, (uint)(bottom - top));
                return;
            case ThumbOp.Smlsd:
                WriteSaturating(cpu, x.Rd, bottom - top + (int)Reg(cpu, x.Ra, pc));
                return;
            case ThumbOp.Smlald:
                WriteLongDsp(cpu, in x, ReadLong(cpu, in x) + (ulong)(bottom + top));
                return;
            case ThumbOp.Smlsld:
                WriteLongDsp(cpu, in x, ReadLong(cpu, in x) + (ulong)(bottom - top));
                return;
            default:
                {
                    // SMMUL/SMMLA/SMMLS: the top word of (Ra:0 ± Rn×Rm), rounded when R is set.
                    var product = (long)(int)n * (int)m;
                    var accumulate = op != ThumbOp.Smmul && x.Ra != 15 ? (long)((ulong)Reg(cpu, x.Ra, pc) << 32) : 0;
                    var value = op == ThumbOp.Smmls && x.Ra != 15 ? accumulate - product : accumulate + product;
                    if ((selector & 1) != 0)
                    {
                        value += 0x8000_0000;
                    }

                    WriteRegBranch(cpu, x.Rd, (uint)(value >> 32));
                    return;
                }
        }
    }

    /// <summary>Writes the low word of a full-precision result; sets Q when it does not fit in 32 bits.</summary>
    private static void WriteSaturating(ArmCpu cpu, int d, long value)
    {
        if (value != (int)value)
        {
            cpu.Q = true;
        }

        WriteRegBranch(cpu, d, (uint)value);
    }

    private static void WriteLongDsp(ArmCpu cpu, in DecodedInsn x, ulong value)
    {
        WriteRegBranch(cpu, x.Ra, (uint)value);
        WriteRegBranch(cpu, x.Rd, (uint)(value >> 32));
    }

    private static uint ExtendAdd(ThumbOp op, uint n, uint rotated) => op switch
    {
        ThumbOp.Sxtab => n + (uint)(sbyte)rotated,
        ThumbOp.Sxtah => n + (uint)(short)rotated,
        ThumbOp.Uxtab => n + (rotated & 0xFF),
        ThumbOp.Uxtah => n + (rotated & 0xFFFF),
        ThumbOp.Sxtab16 => (((n & 0xFFFF) + (uint)(sbyte)rotated) & 0xFFFF)
            | (((n >> 16) + (uint)(sbyte)(rotated >> 16)) << 16),
        ThumbOp.Uxtab16 => (((n & 0xFFFF) + (rotated & 0xFF)) & 0xFFFF)
            | (((n >> 16) + ((rotated >> 16) & 0xFF)) << 16),
        ThumbOp.Sxtb16 => ((uint)(sbyte)rotated & 0xFFFF) | ((uint)(sbyte)(rotated >> 16) << 16),
        _ => rotated & 0x00FF00FF,
    };
}
