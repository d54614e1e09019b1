// The execution loop of the CPU (the main loop's ICpuRunner.RunSlice; QEMU's cpu_exec loop without translation
// blocks). Between exception checks the slice runs an inner loop that fetches from the decoded page of the
// previous fetch and calls the instruction's handler; anything that needs the outer loop's attention (a pending
// exception, a device access that may have moved a deadline, sleep, lockup, tracing, EPSR.T cleared) sets
// _stopSlice, the only per-instruction check besides the budget. Debugger breakpoints live in the decoded slots
// (ArmCpu.Debug.cs); a debug stop ends the slice and is reported when it returns.
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Nemu.Arm.Decoding;
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
        if (State == ArmCpuRunState.Lockup && _nvic is { CanExitLockup: true })
        {
            // An NMI that was already pending when the core locked up.
            ExitLockup();
            _checkExceptions = true;
        }

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
                ExecuteNext();
                remaining--;
            }
            else
            {
                remaining = RunFast(remaining);
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
        if (_hasDebugStop)
        {
            RaiseDebugStop();
        }
    }

    /// <summary>Executes exactly one instruction (or takes one exception entry), for tests and single-stepping.</summary>
    public void Step() => ExecuteNext();

    // Instructions until the budget is spent or _stopSlice is set; returns the budget left. The PC stays in a
    // register: each handler returns the next one, which is also stored to R15. The common fetch is from the page
    // of the previous fetch, already decoded there: a compare and a load of the slot's handler (pc is
    // halfword-aligned, so the unsigned slot index is in range exactly when pc lies in the page; an invalidated
    // page has no handlers). The budget is counted down in _countLeft, which is also the instruction count.
    private unsafe long RunFast(long remaining)
    {
        _countBase += remaining + 1;
        _countLeft = remaining;
        // The page's address and arrays live in registers, reloaded only when the page changes.
        var page = _pages.Current;
        var pageAddress = page.Address;
        ref var handlers = ref MemoryMarshal.GetArrayDataReference(page.Handlers);
        ref var slots = ref MemoryMarshal.GetArrayDataReference(page.Slots);
        var pc = R[15];
        do
        {
            var index = (nint)((pc - pageAddress) >> 1);
            if ((nuint)index < DecodedPage.Size / 2)
            {
                var handler = (delegate*<ArmCpu, ref DecodedInsn, uint, uint>)Unsafe.Add(ref handlers, index);
                if (handler != null)
                {
                    ref var slot = ref Unsafe.Add(ref slots, index);
                    // In an IT block the handler is bypassed, except a breakpoint's (a compare only inside IT blocks).
                    pc = (ItState & 0xF) != 0 && (nint)handler != BreakpointHandlerPointer
                        ? ThumbInterpreter.ExecuteInIt(this, ref slot, pc)
                        : handler(this, ref slot, pc);
                    R[15] = pc;
                    continue;
                }
            }

            if (_breakpointsArmed && StopsAtBreakpoint(pc))
            {
                // Not executed, so not counted: leave before the loop's decrement.
                break;
            }

            page = ExecuteUncached(pc);
            pageAddress = page.Address;
            handlers = ref MemoryMarshal.GetArrayDataReference(page.Handlers);
            slots = ref MemoryMarshal.GetArrayDataReference(page.Slots);
            pc = R[15];
        }
        while (--_countLeft > 0 && !_stopSlice);

        var left = _countLeft;
        _countBase -= left + 1;
        _countLeft = 0;
        return left;
    }

    // For a handler that executes the next instruction itself (ThumbInterpreter.IfThenAndFirst): true, and the
    // instruction is counted, when the run loop's budget has one beyond the current instruction; always false
    // outside RunFast (_countLeft is 0), so single steps and traced execution go one instruction at a time, and
    // while breakpoints exist (the next instruction's slot may hold one).
    internal bool TakeNextFromBudget()
    {
        if (_countLeft > 1 && !_breakpointsArmed)
        {
            _countLeft--;
            return true;
        }

        return false;
    }

    // One instruction at R15, with tracing and the EPSR.T check (single-stepping and the slow-step mode); a
    // breakpoint at R15 stops before it.
    private void ExecuteNext()
    {
        var pc = R[15];
        if (_breakpointsArmed && StopsAtBreakpoint(pc))
        {
            return;
        }

        var page = _pages.Current;
        if (!_slowStep)
        {
            _countBase++;
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

        ExecuteUncached(pc);
    }

    // An instruction not decoded in the current page yet: another page, a first execution, or uncacheable code.
    // Returns the page of this fetch, the run loop's next current page.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private DecodedPage ExecuteUncached(uint pc)
    {
        ref var insn = ref _pages.FetchSlow(pc, out var fetchOk);
        var page = _pages.Current;
        if (fetchOk)
        {
            ThumbInterpreter.Execute(this, ref insn);
        }

        return page;
    }

    // Tracing and the INVSTATE check, off the fast path; false when the instruction faulted instead of executing.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private bool SlowStep(uint pc)
    {
        if (_tracing)
        {
            OnTrace(pc);
        }

        _countBase++;
        if (!Thumb)
        {
            RaiseFault(ExceptionNumber.UsageFault, FaultStatus.InvState);
            return false;
        }

        return true;
    }

    private void UpdateSlowStep() => _slowStep = _tracing || !_thumb;
}
