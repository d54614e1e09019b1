// Specialised handlers for single loads and stores (Armv7-M ARM A7.7 LDR/LDRB/LDRH/LDRSB/LDRSH/STR/STRB/STRH:
// immediate and register offset addressing, immediate pre/post-indexed writeback) and for the common branches
// (B<c> per condition, B, BL, CBZ/CBNZ) and IT. Literal (Rn = R15) and PC-destination forms, unprivileged
// accesses and register-offset writeback stay in the generic handlers of ThumbInterpreter.Memory.cs/.Control.cs.
using Nemu.Arm.Cpu;
using Nemu.Arm.Decoding;

namespace Nemu.Arm.Interpreter;

internal static unsafe partial class ThumbInterpreter
{
    private static void RegisterLoadStore()
    {
        RegisterSingle<LdrAccess>(ThumbOp.Ldr);
        RegisterSingle<LdrbAccess>(ThumbOp.Ldrb);
        RegisterSingle<LdrhAccess>(ThumbOp.Ldrh);
        RegisterSingle<LdrsbAccess>(ThumbOp.Ldrsb);
        RegisterSingle<LdrshAccess>(ThumbOp.Ldrsh);
        RegisterSingle<StrAccess>(ThumbOp.Str);
        RegisterSingle<StrbAccess>(ThumbOp.Strb);
        RegisterSingle<StrhAccess>(ThumbOp.Strh);
    }

    private static void RegisterSingle<TAccess>(ThumbOp op)
        where TAccess : struct, IAccess
    {
        Register(op, KindImm, false, &SingleOffset<TAccess, ImmOperand>);
        Register(op, KindReg, false, &SingleOffset<TAccess, LslOffset>);
        Register(op, KindNone, false, &SingleWriteBack<TAccess>);
    }

    private static void RegisterControl()
    {
        Register(ThumbOp.B, 0, false, &BranchIf<CondEq>);
        Register(ThumbOp.B, 1, false, &BranchIf<CondNe>);
        Register(ThumbOp.B, 2, false, &BranchIf<CondCs>);
        Register(ThumbOp.B, 3, false, &BranchIf<CondCc>);
        Register(ThumbOp.B, 4, false, &BranchIf<CondMi>);
        Register(ThumbOp.B, 5, false, &BranchIf<CondPl>);
        Register(ThumbOp.B, 6, false, &BranchIf<CondVs>);
        Register(ThumbOp.B, 7, false, &BranchIf<CondVc>);
        Register(ThumbOp.B, 8, false, &BranchIf<CondHi>);
        Register(ThumbOp.B, 9, false, &BranchIf<CondLs>);
        Register(ThumbOp.B, 10, false, &BranchIf<CondGe>);
        Register(ThumbOp.B, 11, false, &BranchIf<CondLt>);
        Register(ThumbOp.B, 12, false, &BranchIf<CondGt>);
        Register(ThumbOp.B, 13, false, &BranchIf<CondLe>);
        Register(ThumbOp.B, 14, false, &BranchAlways);
        Register(ThumbOp.Bl, KindNone, false, &BranchLink);
        Register(ThumbOp.Cbz, KindNone, false, &CompareBranch);
        Register(ThumbOp.It, KindNone, false, &IfThen);
        Register(ThumbOp.Nop, KindNone, false, &NoOperation);
    }

    // Offset addressing: address = Rn + offset, no writeback.
    private static uint SingleOffset<TAccess, TOffset>(ArmCpu cpu, ref DecodedInsn x, uint pc)
        where TAccess : struct, IAccess
        where TOffset : struct, IOperand2
    {
        var address = Gpr(cpu, x.Rn) + TOffset.Value(cpu, ref x);
        if (TAccess.IsStore)
        {
            return cpu.Store(address, TAccess.Size, Gpr(cpu, x.Rt)) ? pc + x.Length : pc;
        }

        if (!cpu.Load(address, TAccess.Size, out var value))
        {
            return pc;
        }

        Gpr(cpu, x.Rt) = TAccess.Extend(value);
        return pc + x.Length;
    }

    // Immediate pre-indexed or post-indexed with writeback (the base is written after the access succeeded).
    private static uint SingleWriteBack<TAccess>(ArmCpu cpu, ref DecodedInsn x, uint pc)
        where TAccess : struct, IAccess
    {
        var rn = Gpr(cpu, x.Rn);
        var offsetAddress = x.Has(InsnFlags.Add) ? rn + x.Imm : rn - x.Imm;
        var address = x.Has(InsnFlags.Index) ? offsetAddress : rn;
        if (TAccess.IsStore)
        {
            if (!cpu.Store(address, TAccess.Size, Gpr(cpu, x.Rt)))
            {
                return pc;
            }

            Gpr(cpu, x.Rn) = offsetAddress;
            return pc + x.Length;
        }

        if (!cpu.Load(address, TAccess.Size, out var value))
        {
            return pc;
        }

        Gpr(cpu, x.Rn) = offsetAddress;
        Gpr(cpu, x.Rt) = TAccess.Extend(value);
        return pc + x.Length;
    }

    private static uint BranchIf<TCond>(ArmCpu cpu, ref DecodedInsn x, uint pc)
        where TCond : struct, ICondition
    {
        return TCond.Passed(cpu) ? pc + 4 + x.Imm : pc + x.Length;
    }

    private static uint BranchAlways(ArmCpu cpu, ref DecodedInsn x, uint pc) => pc + 4 + x.Imm;

    private static uint BranchLink(ArmCpu cpu, ref DecodedInsn x, uint pc)
    {
        cpu.R[14] = (pc + 4) | 1;
        return pc + 4 + x.Imm;
    }

    private static uint CompareBranch(ArmCpu cpu, ref DecodedInsn x, uint pc)
    {
        return (Gpr(cpu, x.Rn) == 0) != x.Has(InsnFlags.Variant) ? pc + 4 + x.Imm : pc + x.Length;
    }

    private static uint IfThen(ArmCpu cpu, ref DecodedInsn x, uint pc)
    {
        cpu.ItState = (byte)((x.Cond << 4) | x.Extra);
        return pc + x.Length;
    }

    private static uint NoOperation(ArmCpu cpu, ref DecodedInsn x, uint pc) => pc + x.Length;

    // Register offset: Rm LSL ShiftAmount (0-3).
    private struct LslOffset : IOperand2
    {
        public static uint Value(ArmCpu cpu, ref DecodedInsn x) => Gpr(cpu, x.Rm) << x.ShiftAmount;

        public static uint ValueC(ArmCpu cpu, ref DecodedInsn x, out bool carry) => throw new NotSupportedException();
    }

    /// <summary>A single load or store: access size, direction and the extension of a loaded value.</summary>
    private interface IAccess
    {
        static abstract uint Size { get; }

        static abstract bool IsStore { get; }

        static abstract uint Extend(uint value);
    }

    private struct LdrAccess : IAccess
    {
        public static uint Size => 4;

        public static bool IsStore => false;

        public static uint Extend(uint value) => value;
    }

    private struct LdrbAccess : IAccess
    {
        public static uint Size => 1;

        public static bool IsStore => false;

        public static uint Extend(uint value) => value;
    }

    private struct LdrhAccess : IAccess
    {
        public static uint Size => 2;

        public static bool IsStore => false;

        public static uint Extend(uint value) => value;
    }

    private struct LdrsbAccess : IAccess
    {
        public static uint Size => 1;

        public static bool IsStore => false;

        public static uint Extend(uint value) => (uint)(sbyte)value;
    }

    private struct LdrshAccess : IAccess
    {
        public static uint Size => 2;

        public static bool IsStore => false;

        public static uint Extend(uint value) => (uint)(short)value;
    }

    private struct StrAccess : IAccess
    {
        public static uint Size => 4;

        public static bool IsStore => true;

        public static uint Extend(uint value) => value;
    }

    private struct StrbAccess : IAccess
    {
        public static uint Size => 1;

        public static bool IsStore => true;

        public static uint Extend(uint value) => value;
    }

    private struct StrhAccess : IAccess
    {
        public static uint Size => 2;

        public static bool IsStore => true;

        public static uint Extend(uint value) => value;
    }
}
