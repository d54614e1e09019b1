// Specialised handlers for the data-processing instructions (Armv7-M ARM A7.7: AND/BIC/ORR/ORN/EOR/MOV/MVN/
// TST/TEQ and ADD/ADC/SUB/SBC/RSB/CMP/CMN, immediate and register forms). One generic method per family,
// instantiated per operation, second-operand kind (immediate, register, register shifted by an immediate LSL/LSR/
// ASR/ROR, each with Shift_C's carry) and setflags, so each instance is straight-line code. Only selected when no
// operand is R15 (PC reads and ALUWritePC stay in the generic DataProcessing); RRX stays there too.
using System.Runtime.CompilerServices;
using Nemu.Arm.Cpu;
using Nemu.Arm.Decoding;

namespace Nemu.Arm.Interpreter;

internal static unsafe partial class ThumbInterpreter
{
    private static void RegisterDataProcessing()
    {
        RegisterLogical<AndOp>(ThumbOp.AndImm, ThumbOp.AndReg);
        RegisterLogical<BicOp>(ThumbOp.BicImm, ThumbOp.BicReg);
        RegisterLogical<OrrOp>(ThumbOp.OrrImm, ThumbOp.OrrReg);
        RegisterLogical<OrnOp>(ThumbOp.OrnImm, ThumbOp.OrnReg);
        RegisterLogical<EorOp>(ThumbOp.EorImm, ThumbOp.EorReg);
        RegisterLogical<MovOp>(ThumbOp.MovImm, ThumbOp.MovReg);
        RegisterLogical<MvnOp>(ThumbOp.MvnImm, ThumbOp.MvnReg);
        RegisterLogical<TstOp>(ThumbOp.TstImm, ThumbOp.TstReg);
        RegisterLogical<TeqOp>(ThumbOp.TeqImm, ThumbOp.TeqReg);
        RegisterArithmetic<AddOp>(ThumbOp.AddImm, ThumbOp.AddReg);
        RegisterArithmetic<AdcOp>(ThumbOp.AdcImm, ThumbOp.AdcReg);
        RegisterArithmetic<SubOp>(ThumbOp.SubImm, ThumbOp.SubReg);
        RegisterArithmetic<SbcOp>(ThumbOp.SbcImm, ThumbOp.SbcReg);
        RegisterArithmetic<RsbOp>(ThumbOp.RsbImm, ThumbOp.RsbReg);
        RegisterArithmetic<CmpOp>(ThumbOp.CmpImm, ThumbOp.CmpReg);
        RegisterArithmetic<CmnOp>(ThumbOp.CmnImm, ThumbOp.CmnReg);
    }

    private static void RegisterLogical<TOp>(ThumbOp imm, ThumbOp reg)
        where TOp : struct, ILogicalOp
    {
        // TST/TEQ always set flags; the others have both forms.
        for (var s = TOp.Writes ? 0 : 1; s < 2; s++)
        {
            var flags = s != 0;
            Register(imm, KindImm, flags, flags ? &Logical<TOp, ImmOperand, SetFlags> : &Logical<TOp, ImmOperand, KeepFlags>);
            Register(reg, KindReg, flags, flags ? &Logical<TOp, RegOperand, SetFlags> : &Logical<TOp, RegOperand, KeepFlags>);
            Register(reg, KindLsl, flags, flags ? &Logical<TOp, LslOperand, SetFlags> : &Logical<TOp, LslOperand, KeepFlags>);
            Register(reg, KindLsr, flags, flags ? &Logical<TOp, LsrOperand, SetFlags> : &Logical<TOp, LsrOperand, KeepFlags>);
            Register(reg, KindAsr, flags, flags ? &Logical<TOp, AsrOperand, SetFlags> : &Logical<TOp, AsrOperand, KeepFlags>);
            Register(reg, KindRor, flags, flags ? &Logical<TOp, RorOperand, SetFlags> : &Logical<TOp, RorOperand, KeepFlags>);
        }
    }

    private static void RegisterArithmetic<TOp>(ThumbOp imm, ThumbOp reg)
        where TOp : struct, IArithmeticOp
    {
        for (var s = TOp.Writes ? 0 : 1; s < 2; s++)
        {
            var flags = s != 0;
            Register(imm, KindImm, flags, flags ? &Arithmetic<TOp, ImmOperand, SetFlags> : &Arithmetic<TOp, ImmOperand, KeepFlags>);
            Register(reg, KindReg, flags, flags ? &Arithmetic<TOp, RegOperand, SetFlags> : &Arithmetic<TOp, RegOperand, KeepFlags>);
            Register(reg, KindLsl, flags, flags ? &Arithmetic<TOp, LslOperand, SetFlags> : &Arithmetic<TOp, LslOperand, KeepFlags>);
            Register(reg, KindLsr, flags, flags ? &Arithmetic<TOp, LsrOperand, SetFlags> : &Arithmetic<TOp, LsrOperand, KeepFlags>);
            Register(reg, KindAsr, flags, flags ? &Arithmetic<TOp, AsrOperand, SetFlags> : &Arithmetic<TOp, AsrOperand, KeepFlags>);
            Register(reg, KindRor, flags, flags ? &Arithmetic<TOp, RorOperand, SetFlags> : &Arithmetic<TOp, RorOperand, KeepFlags>);
        }
    }

    private static uint Logical<TOp, TOperand, TFlags>(ArmCpu cpu, ref DecodedInsn x, uint pc)
        where TOp : struct, ILogicalOp
        where TOperand : struct, IOperand2
        where TFlags : struct, IFlagsMode
    {
        if (TFlags.Set)
        {
            var m = TOperand.ValueC(cpu, ref x, out var carry);
            var result = TOp.Compute(Gpr(cpu, x.Rn), m);
            if (TOp.Writes)
            {
                Gpr(cpu, x.Rd) = result;
            }

            cpu.N = (int)result < 0;
            cpu.Z = result == 0;
            cpu.C = carry;
        }
        else
        {
            Gpr(cpu, x.Rd) = TOp.Compute(Gpr(cpu, x.Rn), TOperand.Value(cpu, ref x));
        }

        return pc + x.Length;
    }

    private static uint Arithmetic<TOp, TOperand, TFlags>(ArmCpu cpu, ref DecodedInsn x, uint pc)
        where TOp : struct, IArithmeticOp
        where TOperand : struct, IOperand2
        where TFlags : struct, IFlagsMode
    {
        var m = TOperand.Value(cpu, ref x);
        var n = Gpr(cpu, x.Rn);
        if (TFlags.Set)
        {
            var result = TOp.Compute(n, m, cpu.C, out var carry, out var overflow);
            if (TOp.Writes)
            {
                Gpr(cpu, x.Rd) = result;
            }

            cpu.N = (int)result < 0;
            cpu.Z = result == 0;
            cpu.C = carry;
            cpu.V = overflow;
        }
        else
        {
            Gpr(cpu, x.Rd) = TOp.Compute(n, m, cpu.C, out _, out _);
        }

        return pc + x.Length;
    }

    private interface IFlagsMode
    {
        static abstract bool Set { get; }
    }

    private struct SetFlags : IFlagsMode
    {
        public static bool Set => true;
    }

    private struct KeepFlags : IFlagsMode
    {
        public static bool Set => false;
    }

    /// <summary>The second operand: its value, and with Shift_C's carry out for flag-setting logical operations.</summary>
    private interface IOperand2
    {
        static abstract uint Value(ArmCpu cpu, ref DecodedInsn x);

        static abstract uint ValueC(ArmCpu cpu, ref DecodedInsn x, out bool carry);
    }

    private struct ImmOperand : IOperand2
    {
        public static uint Value(ArmCpu cpu, ref DecodedInsn x) => x.Imm;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static uint ValueC(ArmCpu cpu, ref DecodedInsn x, out bool carry)
        {
            carry = x.Has(InsnFlags.ImmCarryValid) ? x.Has(InsnFlags.ImmCarry) : cpu.C;
            return x.Imm;
        }
    }

    private struct RegOperand : IOperand2
    {
        public static uint Value(ArmCpu cpu, ref DecodedInsn x) => Gpr(cpu, x.Rm);

        public static uint ValueC(ArmCpu cpu, ref DecodedInsn x, out bool carry)
        {
            carry = cpu.C;
            return Gpr(cpu, x.Rm);
        }
    }

    // Amount 1-31.
    private struct LslOperand : IOperand2
    {
        public static uint Value(ArmCpu cpu, ref DecodedInsn x) => Gpr(cpu, x.Rm) << x.ShiftAmount;

        public static uint ValueC(ArmCpu cpu, ref DecodedInsn x, out bool carry)
        {
            var v = Gpr(cpu, x.Rm);
            carry = ((v >> (32 - x.ShiftAmount)) & 1) != 0;
            return v << x.ShiftAmount;
        }
    }

    // Amount 1-32.
    private struct LsrOperand : IOperand2
    {
        public static uint Value(ArmCpu cpu, ref DecodedInsn x) => (uint)((ulong)Gpr(cpu, x.Rm) >> x.ShiftAmount);

        public static uint ValueC(ArmCpu cpu, ref DecodedInsn x, out bool carry)
        {
            var v = Gpr(cpu, x.Rm);
            carry = ((v >> (x.ShiftAmount - 1)) & 1) != 0;
            return (uint)((ulong)v >> x.ShiftAmount);
        }
    }

    // Amount 1-32.
    private struct AsrOperand : IOperand2
    {
        public static uint Value(ArmCpu cpu, ref DecodedInsn x) => (uint)((int)Gpr(cpu, x.Rm) >> Math.Min((int)x.ShiftAmount, 31));

        public static uint ValueC(ArmCpu cpu, ref DecodedInsn x, out bool carry)
        {
            var v = (int)Gpr(cpu, x.Rm);
            carry = ((v >> (x.ShiftAmount - 1)) & 1) != 0;
            return (uint)(v >> Math.Min((int)x.ShiftAmount, 31));
        }
    }

    // Amount 1-31.
    private struct RorOperand : IOperand2
    {
        public static uint Value(ArmCpu cpu, ref DecodedInsn x) => uint.RotateRight(Gpr(cpu, x.Rm), x.ShiftAmount);

        public static uint ValueC(ArmCpu cpu, ref DecodedInsn x, out bool carry)
        {
            var result = uint.RotateRight(Gpr(cpu, x.Rm), x.ShiftAmount);
            carry = (result >> 31) != 0;
            return result;
        }
    }

    private interface ILogicalOp
    {
        /// <summary>False for TST/TEQ, which only set flags.</summary>
        static abstract bool Writes { get; }

        static abstract uint Compute(uint n, uint m);
    }

    private struct AndOp : ILogicalOp
    {
        public static bool Writes => true;

        public static uint Compute(uint n, uint m) => n & m;
    }

    private struct BicOp : ILogicalOp
    {
        public static bool Writes => true;

        public static uint Compute(uint n, uint m) => n & ~m;
    }

    private struct OrrOp : ILogicalOp
    {
        public static bool Writes => true;

        public static uint Compute(uint n, uint m) => n | m;
    }

    private struct OrnOp : ILogicalOp
    {
        public static bool Writes => true;

        public static uint Compute(uint n, uint m) => n | ~m;
    }

    private struct EorOp : ILogicalOp
    {
        public static bool Writes => true;

        public static uint Compute(uint n, uint m) => n ^ m;
    }

    private struct MovOp : ILogicalOp
    {
        public static bool Writes => true;

        public static uint Compute(uint n, uint m) => m;
    }

    private struct MvnOp : ILogicalOp
    {
        public static bool Writes => true;

        public static uint Compute(uint n, uint m) => ~m;
    }

    private struct TstOp : ILogicalOp
    {
        public static bool Writes => false;

        public static uint Compute(uint n, uint m) => n & m;
    }

    private struct TeqOp : ILogicalOp
    {
        public static bool Writes => false;

        public static uint Compute(uint n, uint m) => n ^ m;
    }

    /// <summary>An AddWithCarry-based operation: result, carry out and overflow.</summary>
    private interface IArithmeticOp
    {
        /// <summary>False for CMP/CMN, which only set flags.</summary>
        static abstract bool Writes { get; }

        static abstract uint Compute(uint n, uint m, bool carryIn, out bool carry, out bool overflow);
    }

    private struct AddOp : IArithmeticOp
    {
        public static bool Writes => true;

        public static uint Compute(uint n, uint m, bool carryIn, out bool carry, out bool overflow) =>
            Alu.AddWithCarry(n, m, false, out carry, out overflow);
    }

    private struct AdcOp : IArithmeticOp
    {
        public static bool Writes => true;

        public static uint Compute(uint n, uint m, bool carryIn, out bool carry, out bool overflow) =>
            Alu.AddWithCarry(n, m, carryIn, out carry, out overflow);
    }

    private struct SubOp : IArithmeticOp
    {
        public static bool Writes => true;

        public static uint Compute(uint n, uint m, bool carryIn, out bool carry, out bool overflow) =>
            Alu.AddWithCarry(n, ~m, true, out carry, out overflow);
    }

    private struct SbcOp : IArithmeticOp
    {
        public static bool Writes => true;

        public static uint Compute(uint n, uint m, bool carryIn, out bool carry, out bool overflow) =>
            Alu.AddWithCarry(n, ~m, carryIn, out carry, out overflow);
    }

    private struct RsbOp : IArithmeticOp
    {
        public static bool Writes => true;

        public static uint Compute(uint n, uint m, bool carryIn, out bool carry, out bool overflow) =>
            Alu.AddWithCarry(~n, m, true, out carry, out overflow);
    }

    private struct CmpOp : IArithmeticOp
    {
        public static bool Writes => false;

        public static uint Compute(uint n, uint m, bool carryIn, out bool carry, out bool overflow) =>
            Alu.AddWithCarry(n, ~m, true, out carry, out overflow);
    }

    private struct CmnOp : IArithmeticOp
    {
        public static bool Writes => false;

        public static uint Compute(uint n, uint m, bool carryIn, out bool carry, out bool overflow) =>
            Alu.AddWithCarry(n, m, false, out carry, out overflow);
    }
}
