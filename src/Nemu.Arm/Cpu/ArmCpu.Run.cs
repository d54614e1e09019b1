// The execution loop of the CPU (the main loop's ICpuRunner.RunSlice; QEMU's cpu_exec loop without translation
// blocks). Between exception checks the slice runs an inner loop that fetches from the decoded page of the
// previous fetch and calls the instruction's handler; anything that needs the outer loop's attention (a pending
// exception, a device access that may have moved a deadline, sleep, lockup, tracing, EPSR.T cleared) sets
// _stopSlice, the only per-instruction check besides the budget.
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Nemu.Arm.Exceptions;
using Nemu.Arm.Interpreter;

namespace Nemu.Arm.Cpu;

public sealed partial class ArmCpu
{
    /// <summary>ICpuRunner.RunSlice: executes up to <paramref name="instructionBudget"/> instructions.</summary>
    public void RunSlice(long instructionBudget)
    {
        var remaining = instructionBudget;
        _stopSlice = false;
        UpdateTracing();

        // The page of the last fetch lives in a register for the whole slice (see RunFast).
        var page = _pages.Current;
        while (remaining > 0 && State == ArmCpuRunState.Running)
        {
            if (_checkExceptions)
            {
                _checkExceptions = false;
                if (Nvic.CanTakePending())
                {
                    TakePendingException();
                    continue;
                }
            }

            if (_slowStep)
            {
                ExecuteNext(ref page);
                remaining--;
            }
            else
            {
                remaining = RunFast(ref page, remaining);
            }

            if (_stopSlice)
            {
                _stopSlice = false;
                if (_endSlice)
                {
                    _endSlice = false;
                    break;
                }

                FlushInstructionCount();
                if (Counter is { } counter)
                {
                    remaining = Math.Min(remaining, counter.InstructionBudgetUntilNextDeadline());
                }
            }
        }

        FlushInstructionCount();
    }

    /// <summary>Executes exactly one instruction (or takes one exception entry), for tests and single-stepping.</summary>
    public void Step()
    {
        var page = _pages.Current;
        ExecuteNext(ref page);
    }

    // Instructions until the budget is spent or _stopSlice is set; returns the budget left. The PC stays in a
    // register: each handler returns the next one, which is also stored to R15. The common fetch is from the page
    // of the previous fetch, already decoded there: two compares and a load (pc is halfword-aligned, so the
    // unsigned slot index is in range exactly when pc lies in the page).
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private long RunFast(ref DecodedPage page, long remaining)
    {
        var pc = R[15];
        do
        {
            InstructionCount++;
            var index = (pc - page.Address) >> 1;
            if (index < DecodedPage.Size / 2 && page.Valid)
            {
                ref var slot = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(page.Slots), (nint)index);
                if (slot.Length != 0)
                {
                    pc = ThumbInterpreter.Step(this, ref slot, pc);
                    R[15] = pc;
                    continue;
                }
            }

            ExecuteUncached(ref page, pc);
            pc = R[15];
        }
        while (--remaining > 0 && !_stopSlice);
        return remaining;
    }

    // One instruction at R15, with tracing and the EPSR.T check (single-stepping and the slow-step mode).
    private void ExecuteNext(ref DecodedPage page)
    {
        var pc = R[15];
        if (!_slowStep)
        {
            InstructionCount++;
        }
        else if (!SlowStep(pc))
        {
            return;
        }

        var index = (pc - page.Address) >> 1;
        if (index < DecodedPage.Size / 2 && page.Valid)
        {
            ref var slot = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(page.Slots), (nint)index);
            if (slot.Length != 0)
            {
                ThumbInterpreter.Execute(this, ref slot);
                return;
            }
        }

        ExecuteUncached(ref page, pc);
    }

    // An instruction not decoded in the current page yet: another page, a first execution, or uncacheable code.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private void ExecuteUncached(ref DecodedPage page, uint pc)
    {
        ref var insn = ref _pages.FetchSlow(pc, out var fetchOk);
        page = _pages.Current;
        if (fetchOk)
        {
            ThumbInterpreter.Execute(this, ref insn);
        }
    }

    // Tracing and the INVSTATE check, off the fast path; false when the instruction faulted instead of executing.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private bool SlowStep(uint pc)
    {
        if (_tracing)
        {
            OnTrace(pc);
        }

        InstructionCount++;
        if (!Thumb)
        {
            RaiseFault(ExceptionNumber.UsageFault, FaultStatus.InvState);
            return false;
        }

        return true;
    }

    private void UpdateSlowStep() => _slowStep = _tracing || !_thumb;
}
