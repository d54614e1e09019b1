// Data-processing instructions inside an IT block (Armv7-M ARM A7.3.3) that write a register and no flags
// (AND/ORR/EOR/MOV and ADD/SUB, immediate, register and LSL forms: the common ones, as the handler table has
// 256 entries): the handler
// evaluates the IT condition itself and selects the old or the new register value without a branch, then does
// ITAdvance. Conditions in IT blocks are often data-dependent (e.g. `it ne; eorne r6, r4` in a CRC loop), and a
// mispredicted branch costs more than the whole instruction. These instructions cannot fault, so ExecuteInIt
// calls them directly (index at or above _firstSelfConditional) without its fault check. Also the IT
// instruction's handler for the run loop, which executes the block's first instruction in the same call.
using System.Runtime.CompilerServices;
using Nemu.Arm.Cpu;
using Nemu.Arm.Decoding;

namespace Nemu.Arm.Interpreter;

internal static unsafe partial class ThumbInterpreter
{
    // Handler index by (operation, operand kind) for the conditional forms; 0: none.
    private static readonly byte[] ConditionalIds = new byte[(int)ThumbOp.Count * OperandKinds];

    // Handlers at or above this index evaluate the IT condition and advance ITSTATE themselves.
    private static int _firstSelfConditional = int.MaxValue;

    private static void RegisterConditional()
    {
        _firstSelfConditional = _handlerCount;
        RegisterConditionalLogical<AndOp>(ThumbOp.AndImm, ThumbOp.AndReg);
        RegisterConditionalLogical<OrrOp>(ThumbOp.OrrImm, ThumbOp.OrrReg);
        RegisterConditionalLogical<EorOp>(ThumbOp.EorImm, ThumbOp.EorReg);
        RegisterConditionalLogical<MovOp>(ThumbOp.MovImm, ThumbOp.MovReg);
        RegisterConditionalArithmetic<AddOp>(ThumbOp.AddImm, ThumbOp.AddReg);
        RegisterConditionalArithmetic<SubOp>(ThumbOp.SubImm, ThumbOp.SubReg);
    }

    private static void RegisterConditionalLogical<TOp>(ThumbOp imm, ThumbOp reg)
        where TOp : struct, ILogicalOp
    {
        RegisterConditional(imm, KindImm, &ConditionalLogical<TOp, ImmOperand>);
        RegisterConditional(reg, KindReg, &ConditionalLogical<TOp, RegOperand>);
        RegisterConditional(reg, KindLsl, &ConditionalLogical<TOp, LslOperand>);
    }

    private static void RegisterConditionalArithmetic<TOp>(ThumbOp imm, ThumbOp reg)
        where TOp : struct, IArithmeticOp
    {
        RegisterConditional(imm, KindImm, &ConditionalArithmetic<TOp, ImmOperand>);
        RegisterConditional(reg, KindReg, &ConditionalArithmetic<TOp, RegOperand>);
        RegisterConditional(reg, KindLsl, &ConditionalArithmetic<TOp, LslOperand>);
    }

    private static void RegisterConditional(ThumbOp op, int kind, delegate*<ArmCpu, ref DecodedInsn, uint, uint> handler)
    {
        if (_handlerCount == Handlers.Length)
        {
            throw new InvalidOperationException("the interpreter handler table is full");
        }

        Handlers[_handlerCount] = handler;
        ConditionalIds[((int)op * OperandKinds) + kind] = (byte)_handlerCount;
        _handlerCount++;
    }

    // The conditional handler of an instruction inside an IT block that sets no flags, or 0.
    private static byte ConditionalHandler(ThumbOp op, int kind) =>
        kind is KindImm or KindReg or KindLsl ? ConditionalIds[((int)op * OperandKinds) + kind] : (byte)0;

    private static uint ConditionalLogical<TOp, TOperand>(ArmCpu cpu, ref DecodedInsn x, uint pc)
        where TOp : struct, ILogicalOp
        where TOperand : struct, IOperand2
    {
        var result = TOp.Compute(Gpr(cpu, x.Rn), TOperand.Value(cpu, ref x));
        SelectAndAdvance(cpu, ref Gpr(cpu, x.Rd), result);
        return pc + x.Length;
    }

    private static uint ConditionalArithmetic<TOp, TOperand>(ArmCpu cpu, ref DecodedInsn x, uint pc)
        where TOp : struct, IArithmeticOp
        where TOperand : struct, IOperand2
    {
        var result = TOp.Compute(Gpr(cpu, x.Rn), TOperand.Value(cpu, ref x), cpu.C, out _, out _);
        SelectAndAdvance(cpu, ref Gpr(cpu, x.Rd), result);
        return pc + x.Length;
    }

    // IT from the run loop's per-page table, so x is a slot of a decoded page: also executes the block's first
    // instruction, the next slot, when it is decoded in the same page and the budget has an instruction left for
    // it (the run loop would only check _stopSlice in between, which IT never sets). Single steps and the other
    // callers use IfThen.
    private static uint IfThenAndFirst(ArmCpu cpu, ref DecodedInsn x, uint pc)
    {
        cpu.ItState = (byte)((x.Cond << 4) | x.Extra);
        var next = pc + 2;
        ref var first = ref Unsafe.Add(ref x, 1);
        if ((next & (DecodedPage.Size - 1)) == 0 || first.Length == 0 || !cpu.TakeNextFromBudget())
        {
            return next;
        }

        cpu.R[15] = next;
        return ExecuteInIt(cpu, ref first, next);
    }

    // d = ConditionPassed() ? result : d, by a mask from the condition table's bit; then ITAdvance.
    private static void SelectAndAdvance(ArmCpu cpu, ref uint d, uint result)
    {
        var mask = 0u - ConditionBit(cpu, cpu.ItState >> 4);
        d = (result & mask) | (d & ~mask);
        AdvanceIt(cpu);
    }
}
