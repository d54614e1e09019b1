// Per-instruction dispatch of the interpreter: when an instruction is decoded into a page, AssignHandler picks a
// handler from its decoded fields (operation, operand kind, setflags, registers) and stores the handler's index in
// DecodedInsn.Handler; executing is then one indirect call through Handlers. The hot operations have specialised
// handlers (generic methods over small operation/operand structs, compiled once per combination); everything
// else, and every operand combination with special cases (R15 operands, writeback forms, RRX), uses handler 0:
// the generic switch of ExecuteOp. IT blocks (A7.3.3) take the slower ExecuteInIt path; there common
// data-processing instructions without flags have handlers that evaluate the condition without a branch. A
// handler returns the address of the next instruction and the run loop keeps the PC in a register between
// instructions. The choice depends on the decoded form only, so DecodedInsn stays plain data a translator can
// read as well.
using System.Runtime.CompilerServices;
using Nemu.Arm.Cpu;
using Nemu.Arm.Decoding;

namespace Nemu.Arm.Interpreter;

internal static unsafe partial class ThumbInterpreter
{
    // Byte-indexed, 256 entries: the JIT drops the bounds check of Handlers[x.Handler].
    private static readonly delegate*<ArmCpu, ref DecodedInsn, uint, uint>[] Handlers =
        new delegate*<ArmCpu, ref DecodedInsn, uint, uint>[256];

    private static int _handlerCount;

    // Handler index by (operation, operand kind, setflags): see HandlerKey.
    private static readonly byte[] HandlerIds = new byte[(int)ThumbOp.Count * OperandKinds * 2];

    // Operand kinds; a B<c> uses its condition (0-14, 14 = always) as its kind.
    private const int OperandKinds = 16;
    private const int KindImm = 0, KindReg = 1, KindLsl = 2, KindLsr = 3, KindAsr = 4, KindRor = 5, KindNone = 15;

    static ThumbInterpreter()
    {
        Handlers[0] = &Generic;
        _handlerCount = 1;
        RegisterDataProcessing();
        RegisterLoadStore();
        RegisterControl();
        RegisterMisc();
        RegisterConditional();
        for (var i = _handlerCount; i < Handlers.Length; i++)
        {
            Handlers[i] = &Generic;
        }
    }

    /// <summary>Chooses the handler of a freshly decoded instruction (<see cref="DecodedInsn.Handler"/>).</summary>
    public static void AssignHandler(ref DecodedInsn x)
    {
        x.Handler = SelectHandler(in x, inIt: false);
        x.HandlerInIt = SelectHandler(in x, inIt: true);
    }

    /// <summary>
    /// The handler of <paramref name="x"/> outside IT blocks, for the run loop's per-page table (whose slots are
    /// consecutive in their page, which IfThenAndFirst relies on).
    /// </summary>
    public static delegate*<ArmCpu, ref DecodedInsn, uint, uint> HandlerOf(in DecodedInsn x) =>
        x.Op == ThumbOp.It && x.Handler != 0 ? &IfThenAndFirst : Handlers[x.Handler];

    /// <summary>Executes <paramref name="x"/> at R15; leaves R15 at the next instruction, a branch target, or (on a fault) unchanged.</summary>
    public static void Execute(ArmCpu cpu, ref DecodedInsn x) => cpu.R[15] = Step(cpu, ref x, cpu.R[15]);

    /// <summary>
    /// Executes <paramref name="x"/> at <paramref name="pc"/> and returns the address of the next instruction (the
    /// fall-through, a branch target, or <paramref name="pc"/> itself after a fault): the caller writes it to R15.
    /// Handlers read the PC of their instruction from the argument, so R15 need not be current while they run;
    /// the generic handlers set it first.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static uint Step(ArmCpu cpu, ref DecodedInsn x, uint pc) =>
        (cpu.ItState & 0xF) != 0 ? ExecuteInIt(cpu, ref x, pc) : Handlers[x.Handler](cpu, ref x, pc);

    // Inside an IT block (A7.3.3): a failed condition skips the instruction; otherwise ITAdvance follows it unless
    // it faulted (the generic handler advances itself, before an exception return restores ITSTATE).
    [MethodImpl(MethodImplOptions.NoInlining)]
    internal static uint ExecuteInIt(ArmCpu cpu, ref DecodedInsn x, uint pc)
    {
        var handler = x.HandlerInIt;
        if (x.Op == ThumbOp.It || handler >= _firstSelfConditional)
        {
            return handler == 0 ? Generic(cpu, ref x, pc) : Handlers[handler](cpu, ref x, pc);
        }

        if (!ConditionPassed(cpu, cpu.ItState >> 4))
        {
            AdvanceIt(cpu);
            return pc + x.Length;
        }

        if (handler == 0)
        {
            return Generic(cpu, ref x, pc);
        }

        var faults = cpu.FaultSequence;
        var next = Handlers[handler](cpu, ref x, pc);
        if (cpu.FaultSequence == faults)
        {
            AdvanceIt(cpu);
        }

        return next;
    }

    // The generic handler: the switch of ExecuteOp with R15 current, then ITAdvance and exception return.
    private static uint Generic(ArmCpu cpu, ref DecodedInsn x, uint pc)
    {
        var inIt = (cpu.ItState & 0xF) != 0;
        cpu.R[15] = pc + x.Length;
        if (!ExecuteOp(cpu, in x, pc, inIt))
        {
            cpu.PendingExceptionReturn = false;
            return pc;
        }

        if (inIt && x.Op != ThumbOp.It)
        {
            AdvanceIt(cpu);
        }

        if (cpu.PendingExceptionReturn)
        {
            cpu.PendingExceptionReturn = false;
            cpu.MagicReturn(cpu.PendingExceptionReturnValue);
        }

        return cpu.R[15];
    }

    /// <summary>Register <paramref name="n"/> without a bounds check: decoded register fields are 4 bits wide.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ref uint Gpr(ArmCpu cpu, int n) => ref Unsafe.Add(ref cpu.R[0], (nint)(uint)n);

    private static byte SelectHandler(in DecodedInsn x, bool inIt)
    {
        var op = x.Op;
        var kind = KindNone;
        var s = x.Has(InsnFlags.SetFlags) || (x.Has(InsnFlags.SetFlagsOutsideIt) && !inIt);
        if (x.Has(InsnFlags.StackCheck))
        {
            // v8-M stack-limit checks happen in the generic handler (ThumbInterpreter.StackLimit.cs).
            return 0;
        }

        if (op is >= ThumbOp.AndImm and <= ThumbOp.CmnReg)
        {
            if (x.Rd == 15 || x.Rn == 15)
            {
                return 0;
            }

            kind = ((op - ThumbOp.AndImm) & 1) == 0 ? KindImm : RegisterKind(in x);
            if (kind != KindImm && x.Rm == 15)
            {
                return 0;
            }
        }
        else if (op is >= ThumbOp.Ldr and <= ThumbOp.Strh)
        {
            // Offset addressing with a positive offset and no writeback, or immediate pre/post-indexed writeback.
            if (x.Rn == 15 || x.Rt == 15 || x.Has(InsnFlags.Unprivileged)
                || (x.Has(InsnFlags.RegisterOperand) && (x.Rm == 15 || x.Has(InsnFlags.WriteBack))))
            {
                return 0;
            }

            var offsetOnly = x.Has(InsnFlags.Index) && x.Has(InsnFlags.Add) && !x.Has(InsnFlags.WriteBack);
            if (!offsetOnly && !x.Has(InsnFlags.WriteBack))
            {
                return 0;
            }

            kind = x.Has(InsnFlags.WriteBack) ? KindNone : x.Has(InsnFlags.RegisterOperand) ? KindReg : KindImm;
            s = false;
        }
        else if (op is ThumbOp.ShiftReg or >= ThumbOp.Mul and <= ThumbOp.Uxth)
        {
            kind = MiscKind(in x);
            s &= op is ThumbOp.ShiftReg or ThumbOp.Mul;
        }
        else if (op == ThumbOp.B)
        {
            kind = Math.Min((int)x.Cond, 0xE);
            s = false;
        }
        else
        {
            s = false;
        }

        if (inIt && !s && kind >= 0 && op is >= ThumbOp.AndImm and <= ThumbOp.CmnReg && ConditionalHandler(op, kind) is var c and not 0)
        {
            return c;
        }

        return HandlerIds[HandlerKey(op, kind, s)];
    }

    private static int RegisterKind(in DecodedInsn x) => x.Shift switch
    {
        ShiftType.Lsl when x.ShiftAmount == 0 => KindReg,
        ShiftType.Lsl when x.ShiftAmount < 32 => KindLsl,
        ShiftType.Lsr when x.ShiftAmount is >= 1 and <= 32 => KindLsr,
        ShiftType.Asr when x.ShiftAmount is >= 1 and <= 32 => KindAsr,
        ShiftType.Ror when x.ShiftAmount is >= 1 and <= 31 => KindRor,
        _ => -1,
    };

    private static int HandlerKey(ThumbOp op, int kind, bool s) =>
        kind < 0 ? 0 : ((((int)op * OperandKinds) + kind) * 2) + (s ? 1 : 0);

    private static void Register(ThumbOp op, int kind, bool s, delegate*<ArmCpu, ref DecodedInsn, uint, uint> handler)
    {
        if (_handlerCount == Handlers.Length)
        {
            throw new InvalidOperationException("the interpreter handler table is full");
        }

        Handlers[_handlerCount] = handler;
        HandlerIds[HandlerKey(op, kind, s)] = (byte)_handlerCount;
        _handlerCount++;
    }
}
