// The hook between the main loop and CPU execution (QEMU runs vCPUs in their own threads, or round-robin in
// one TCG thread under icount; Nemu runs them in slices on the loop thread so time and devices stay on one
// thread and icount runs are deterministic).
namespace Nemu.Core.Threading;

/// <summary>What the main loop needs from the CPUs: whether any can run, and a way to run a bounded slice.</summary>
public interface ICpuRunner
{
    /// <summary>False when every CPU is halted (WFI/WFE, powered off) or stopped: the loop then waits or warps.</summary>
    bool HasWork { get; }

    /// <summary>
    /// Runs at most <paramref name="instructionBudget"/> instructions (more than 0), reporting them to the machine's
    /// <see cref="Time.IInstructionCounter"/> as they execute, and returns early on WFI, an exit request, or when
    /// a device access moved the earliest deadline closer.
    /// </summary>
    void RunSlice(long instructionBudget);
}
