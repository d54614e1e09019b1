using Nemu.Core.Threading;
using Nemu.Core.Time;

namespace Nemu.Core.Tests.Threading;

/// <summary>A CPU that executes a number of pending instructions and then halts (WFI) until given more.</summary>
internal sealed class FakeCpu(IInstructionCounter counter) : ICpuRunner
{
    public long PendingInstructions { get; set; }

    public int Slices { get; private set; }

    public long LargestBudget { get; private set; }

    public bool HasWork => PendingInstructions > 0;

    public void RunSlice(long instructionBudget)
    {
        Slices++;
        LargestBudget = Math.Max(LargestBudget, instructionBudget);
        var run = Math.Min(instructionBudget, PendingInstructions);
        counter.AddExecutedInstructions(run);
        PendingInstructions -= run;
    }
}
