using Nemu.Core.Threading;
using Nemu.Core.Time;

namespace Nemu.Core.Tests.Threading;

/// <summary>Round-robin scheduling of several CPUs on the loop thread (QEMU's RR TCG mode).</summary>
public sealed class RoundRobinCpuRunnerTests
{
    private readonly MachineTime _time = MachineTime.CreateIcount(0);

    public RoundRobinCpuRunnerTests() => _time.Start();

    [Fact]
    public void HasWorkWhenAnyCpuHasWork()
    {
        var a = new FakeCpu(_time);
        var b = new FakeCpu(_time);
        var rr = new RoundRobinCpuRunner([a, b]);

        Assert.False(rr.HasWork);
        b.PendingInstructions = 1;
        Assert.True(rr.HasWork);
    }

    [Fact]
    public void EveryCpuWithWorkRunsEachSliceAndSharesNeverExceedTheBudget()
    {
        var a = new FakeCpu(_time) { PendingInstructions = 1_000 };
        var b = new FakeCpu(_time) { PendingInstructions = 1_000 };
        var rr = new RoundRobinCpuRunner([a, b]);

        rr.RunSlice(100);

        Assert.Equal(950, a.PendingInstructions);
        Assert.Equal(950, b.PendingInstructions);
        Assert.Equal(100, _time.Virtual.InstructionCount);
    }

    [Fact]
    public void IdleCpusAreSkippedAndTheWorkingOneGetsTheWholeBudget()
    {
        var a = new FakeCpu(_time);
        var b = new FakeCpu(_time) { PendingInstructions = 1_000 };
        var rr = new RoundRobinCpuRunner([a, b]);

        rr.RunSlice(300);

        Assert.Equal(0, a.Slices);
        Assert.Equal(700, b.PendingInstructions);
    }

    [Fact]
    public void ATurnIsCappedByTheQuantum()
    {
        var a = new FakeCpu(_time) { PendingInstructions = 1_000 };
        var rr = new RoundRobinCpuRunner([a], quantum: 64);

        rr.RunSlice(1_000);

        Assert.Equal(64, a.LargestBudget);
    }

    [Fact]
    public void TheFirstCpuRotatesSoABudgetOfOneReachesEveryCpu()
    {
        var a = new FakeCpu(_time) { PendingInstructions = 10 };
        var b = new FakeCpu(_time) { PendingInstructions = 10 };
        var rr = new RoundRobinCpuRunner([a, b]);

        rr.RunSlice(1);
        rr.RunSlice(1);

        Assert.Equal(1, a.Slices);
        Assert.Equal(1, b.Slices);
    }

    [Fact]
    public void MainLoopRunsBothCpusToCompletion()
    {
        var a = new FakeCpu(_time) { PendingInstructions = 25_000 };
        var b = new FakeCpu(_time) { PendingInstructions = 7_000 };
        using var loop = new MainLoop(_time) { CpuRunner = new RoundRobinCpuRunner([a, b]) };

        Assert.True(loop.RunUntil(() => !a.HasWork && !b.HasWork, TimeSpan.FromSeconds(60)));

        Assert.Equal(32_000, _time.Virtual.InstructionCount);
    }
}
