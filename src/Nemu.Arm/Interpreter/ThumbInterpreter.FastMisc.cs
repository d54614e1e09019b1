// Specialised handlers for shifts by a register (A7.7 LSL/LSR/ASR/ROR (register)), the 32-bit multiplies MUL/
// MLA/MLS and the long multiplies UMULL/SMULL, and the extends SXTB/SXTH/UXTB/UXTH (with their ROR rotation).
// Selected only when no operand is R15; the generic Multiply/Miscellaneous keep every other case.
using Nemu.Arm.Cpu;
using Nemu.Arm.Decoding;

namespace Nemu.Arm.Interpreter;

internal static unsafe partial class ThumbInterpreter
{
    private static void RegisterMisc()
    {
        Register(ThumbOp.ShiftReg, KindLsl, false, &ShiftRegister<LslByRegister>);
        Register(ThumbOp.ShiftReg, KindLsr, false, &ShiftRegister<LsrByRegister>);
        Register(ThumbOp.ShiftReg, KindAsr, false, &ShiftRegister<AsrByRegister>);
        Register(ThumbOp.ShiftReg, KindRor, false, &ShiftRegister<RorByRegister>);
        Register(ThumbOp.ShiftReg, KindLsl, true, &ShiftRegisterSetFlags);
        Register(ThumbOp.ShiftReg, KindLsr, true, &ShiftRegisterSetFlags);
        Register(ThumbOp.ShiftReg, KindAsr, true, &ShiftRegisterSetFlags);
        Register(ThumbOp.ShiftReg, KindRor, true, &ShiftRegisterSetFlags);
        Register(ThumbOp.Mul, KindNone, false, &MultiplyLow);
        Register(ThumbOp.Mul, KindNone, true, &MultiplyLowSetFlags);
        Register(ThumbOp.Mla, KindNone, false, &MultiplyAccumulate);
        Register(ThumbOp.Mls, KindNone, false, &MultiplySubtract);
        Register(ThumbOp.Umull, KindNone, false, &MultiplyLongUnsigned);
        Register(ThumbOp.Smull, KindNone, false, &MultiplyLongSigned);
        Register(ThumbOp.Sxtb, KindNone, false, &Extend<SignedByte>);
        Register(ThumbOp.Sxth, KindNone, false, &Extend<SignedHalfword>);
        Register(ThumbOp.Uxtb, KindNone, false, &Extend<UnsignedByte>);
        Register(ThumbOp.Uxth, KindNone, false, &Extend<UnsignedHalfword>);
    }

    // Which of the operations above have a specialised handler, and its operand kind (-1: generic).
    private static int MiscKind(in DecodedInsn x)
    {
        switch (x.Op)
        {
            case ThumbOp.ShiftReg:
                if (x.Rd == 15 || x.Rn == 15 || x.Rm == 15)
                {
                    return -1;
                }

                return x.Shift switch
                {
                    ShiftType.Lsl => KindLsl,
                    ShiftType.Lsr => KindLsr,
                    ShiftType.Asr => KindAsr,
                    ShiftType.Ror => KindRor,
                    _ => -1,
                };
            case ThumbOp.Mul:
                return x.Rd == 15 || x.Rn == 15 || x.Rm == 15 ? -1 : KindNone;
            case ThumbOp.Mla or ThumbOp.Mls or ThumbOp.Umull or ThumbOp.Smull:
                return x.Rd == 15 || x.Rn == 15 || x.Rm == 15 || x.Ra == 15 ? -1 : KindNone;
            case ThumbOp.Sxtb or ThumbOp.Sxth or ThumbOp.Uxtb or ThumbOp.Uxth:
                return x.Rd == 15 || x.Rm == 15 ? -1 : KindNone;
            default:
                return -1;
        }
    }

    private static uint ShiftRegister<TShift>(ArmCpu cpu, ref DecodedInsn x, uint pc)
        where TShift : struct, IRegisterShift
    {
        Gpr(cpu, x.Rd) = TShift.Shift(Gpr(cpu, x.Rn), (int)(Gpr(cpu, x.Rm) & 0xFF));
        return pc + x.Length;
    }

    private static uint ShiftRegisterSetFlags(ArmCpu cpu, ref DecodedInsn x, uint pc)
    {
        var result = Alu.ShiftC(Gpr(cpu, x.Rn), x.Shift, (int)(Gpr(cpu, x.Rm) & 0xFF), cpu.C, out var carry);
        Gpr(cpu, x.Rd) = result;
        cpu.N = (int)result < 0;
        cpu.Z = result == 0;
        cpu.C = carry;
        return pc + x.Length;
    }

    private static uint MultiplyLow(ArmCpu cpu, ref DecodedInsn x, uint pc)
    {
        Gpr(cpu, x.Rd) = Gpr(cpu, x.Rn) * Gpr(cpu, x.Rm);
        return pc + x.Length;
    }

    private static uint MultiplyLowSetFlags(ArmCpu cpu, ref DecodedInsn x, uint pc)
    {
        var result = Gpr(cpu, x.Rn) * Gpr(cpu, x.Rm);
        Gpr(cpu, x.Rd) = result;
        cpu.N = (int)result < 0;
        cpu.Z = result == 0;
        return pc + x.Length;
    }

    private static uint MultiplyAccumulate(ArmCpu cpu, ref DecodedInsn x, uint pc)
    {
        Gpr(cpu, x.Rd) = (Gpr(cpu, x.Rn) * Gpr(cpu, x.Rm)) + Gpr(cpu, x.Ra);
        return pc + x.Length;
    }

    private static uint MultiplySubtract(ArmCpu cpu, ref DecodedInsn x, uint pc)
    {
        Gpr(cpu, x.Rd) = Gpr(cpu, x.Ra) - (Gpr(cpu, x.Rn) * Gpr(cpu, x.Rm));
        return pc + x.Length;
    }

    // RdHi is in Rd, RdLo in Ra (DecodedInsn remarks); RdLo is written first, as in WriteLong.
    private static uint MultiplyLongUnsigned(ArmCpu cpu, ref DecodedInsn x, uint pc)
    {
        var value = (ulong)Gpr(cpu, x.Rn) * Gpr(cpu, x.Rm);
        Gpr(cpu, x.Ra) = (uint)value;
        Gpr(cpu, x.Rd) = (uint)(value >> 32);
        return pc + x.Length;
    }

    private static uint MultiplyLongSigned(ArmCpu cpu, ref DecodedInsn x, uint pc)
    {
        var value = (ulong)((long)(int)Gpr(cpu, x.Rn) * (int)Gpr(cpu, x.Rm));
        Gpr(cpu, x.Ra) = (uint)value;
        Gpr(cpu, x.Rd) = (uint)(value >> 32);
        return pc + x.Length;
    }

    private static uint Extend<TExtend>(ArmCpu cpu, ref DecodedInsn x, uint pc)
        where TExtend : struct, IExtend
    {
        Gpr(cpu, x.Rd) = TExtend.Extend(uint.RotateRight(Gpr(cpu, x.Rm), x.ShiftAmount));
        return pc + x.Length;
    }

    /// <summary>A shift by a register amount (the bottom byte of Rm, 0-255) without the carry out.</summary>
    private interface IRegisterShift
    {
        static abstract uint Shift(uint value, int amount);
    }

    private struct LslByRegister : IRegisterShift
    {
        public static uint Shift(uint value, int amount) => amount < 32 ? value << amount : 0;
    }

    private struct LsrByRegister : IRegisterShift
    {
        public static uint Shift(uint value, int amount) => amount < 32 ? value >> amount : 0;
    }

    private struct AsrByRegister : IRegisterShift
    {
        public static uint Shift(uint value, int amount) => (uint)((int)value >> Math.Min(amount, 31));
    }

    private struct RorByRegister : IRegisterShift
    {
        public static uint Shift(uint value, int amount) => uint.RotateRight(value, amount & 31);
    }

    private interface IExtend
    {
        static abstract uint Extend(uint value);
    }

    private struct SignedByte : IExtend
    {
        public static uint Extend(uint value) => (uint)(sbyte)value;
    }

    private struct SignedHalfword : IExtend
    {
        public static uint Extend(uint value) => (uint)(short)value;
    }

    private struct UnsignedByte : IExtend
    {
        public static uint Extend(uint value) => value & 0xFF;
    }

    private struct UnsignedHalfword : IExtend
    {
        public static uint Extend(uint value) => value & 0xFFFF;
    }
}
