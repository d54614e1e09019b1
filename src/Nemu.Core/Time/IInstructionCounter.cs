// The CPU side of QEMU's icount (accel/tcg/tcg-accel-ops-icount.c: icount_prepare_for_run/icount_process_data,
// icount_get_limit). The CPU asks how many instructions it may run before the earliest virtual timer is due,
// runs at most that many, and reports what it executed.
namespace Nemu.Core.Time;

/// <summary>What a CPU runner needs from virtual time: its budget, its reporting, and the current time.</summary>
public interface IInstructionCounter
{
    /// <summary>Current virtual time in ns.</summary>
    long NowNs { get; }

    /// <summary>
    /// How many instructions the CPU may execute before the earliest virtual timer is due (icount: rounded up;
    /// real-time mode: a fixed slice). 0 means a timer is already due and the CPU must return to the loop.
    /// Cheap to call: a CPU should re-ask after any device access, since devices may arm earlier timers.
    /// </summary>
    long InstructionBudgetUntilNextDeadline();

    /// <summary>
    /// Reports <paramref name="count"/> executed instructions. Under icount this advances time, so a CPU must
    /// report before it performs a device access for the device to see the exact time.
    /// </summary>
    void AddExecutedInstructions(long count);
}
