// Several CPUs on the one loop thread, QEMU's round-robin TCG scheduling (accel/tcg/tcg-accel-ops-rr.c): each
// slice gives every CPU that has work a turn, in rotating order, with a share of the loop's instruction budget,
// so the shares never add up to more than the budget to the next deadline (icount stays exact per slice) and
// no CPU can starve another. A powered-off or halted CPU reports no work and is skipped.
// A debug stop of one CPU (a breakpoint or watchpoint, IDebugTarget.DebugStopped) ends the round: no further CPU
// runs in it (QEMU's rr loop leaves on EXCP_DEBUG; the debugger's listener then stops the machine).
// Not modelled: QEMU's MTTCG (one host thread per vCPU), which QEMU 7.2 uses for mps2-an521 by default;
// guest-visible interleaving therefore differs, which multi-core firmware must not depend on.
using Nemu.Core.Debug;

namespace Nemu.Core.Threading;

/// <summary>An <see cref="ICpuRunner"/> that runs several CPUs in turn.</summary>
public sealed class RoundRobinCpuRunner : ICpuRunner
{
    /// <summary>The most instructions one CPU runs per turn (QEMU's RR uses a similar small time slice).</summary>
    public const long DefaultQuantum = 10_000;

    private readonly ICpuRunner[] _cpus;
    private readonly long _quantum;
    private int _next;
    private bool _debugStopped;

    /// <summary>Runs <paramref name="cpus"/> in turn, at most <paramref name="quantum"/> instructions each per turn.</summary>
    public RoundRobinCpuRunner(IReadOnlyList<ICpuRunner> cpus, long quantum = DefaultQuantum)
    {
        ArgumentNullException.ThrowIfNull(cpus);
        if (cpus.Count == 0)
        {
            throw new ArgumentException("at least one CPU is needed", nameof(cpus));
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(quantum, 1);
        _cpus = [.. cpus];
        _quantum = quantum;
        foreach (var cpu in _cpus)
        {
            if (cpu is IDebugTarget target)
            {
                target.DebugStopped += _ => _debugStopped = true;
            }
        }
    }

    /// <summary>The CPUs, in index order.</summary>
    public IReadOnlyList<ICpuRunner> Cpus => _cpus;

    /// <summary>True when any CPU can run.</summary>
    public bool HasWork
    {
        get
        {
            foreach (var cpu in _cpus)
            {
                if (cpu.HasWork)
                {
                    return true;
                }
            }

            return false;
        }
    }

    /// <summary>One round: each CPU with work runs up to its share of <paramref name="instructionBudget"/>.</summary>
    public void RunSlice(long instructionBudget)
    {
        var working = 0;
        foreach (var cpu in _cpus)
        {
            if (cpu.HasWork)
            {
                working++;
            }
        }

        if (working == 0 || instructionBudget <= 0)
        {
            return;
        }

        var share = Math.Max(1, Math.Min(_quantum, instructionBudget / working));
        var remaining = instructionBudget;
        var n = _cpus.Length;
        _debugStopped = false;
        for (var i = 0; i < n && remaining > 0 && !_debugStopped; i++)
        {
            var cpu = _cpus[(_next + i) % n];
            if (!cpu.HasWork)
            {
                continue;
            }

            var budget = Math.Min(share, remaining);
            cpu.RunSlice(budget);
            remaining -= budget;
        }

        // The next round starts with the next CPU, so an early CPU never takes every short budget.
        _next = (_next + 1) % n;
    }
}
