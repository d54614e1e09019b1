// QEMU_CLOCK_VIRTUAL (softmmu/cpu-timers.c, softmmu/icount.c; management.md §1 -icount).
// - Real-time mode: cpu_get_clock() = offset + host monotonic while ticks are enabled; vm_stop
//   (cpu_disable_ticks) freezes the value and vm_start (cpu_enable_ticks) resumes from it without a jump.
//   Before the first start (prelaunch, -S) the clock reads 0.
// - Icount mode: icount_get() = (executed instructions << shift) + bias; the bias grows only by warps
//   (all CPUs idle → jump to the next virtual deadline, QEMU's sleep=off behaviour).
// - Manual mode: the qtest accelerator's clock, moved only by clock_step/clock_set.
// Not modelled: icount sleep=on (the warp waits for real time to pass; Nemu always warps immediately),
// shift=auto's adaptive shift (treated as the fixed initial shift 3), align=on, record/replay.
namespace Nemu.Core.Time;

/// <summary>
/// The guest's virtual clock in nanoseconds (QEMU_CLOCK_VIRTUAL). Created stopped, reading 0;
/// the System layer calls <see cref="Start"/> on <c>cont</c> and <see cref="Stop"/> on <c>stop</c>.
/// Only the loop thread may change it; <see cref="NowNs"/> may be read from any thread.
/// </summary>
public sealed class VirtualClock : IClock
{
    /// <summary>Largest -icount shift QEMU accepts (MAX_ICOUNT_SHIFT); larger values give "icount: Invalid shift value".</summary>
    public const int MaxIcountShift = 10;

    /// <summary>The shift QEMU starts shift=auto with; Nemu keeps it fixed (adaptation is not modelled).</summary>
    public const int AutoIcountShift = 3;

    private readonly IHostTime _host;
    private long _frozenNs;
    private long _offsetNs;
    private long _biasNs;
    private long _instructions;
    private volatile bool _running;

    private VirtualClock(VirtualClockMode mode, int shift, IHostTime host)
    {
        Mode = mode;
        IcountShift = shift;
        _host = host;
    }

    /// <summary>A clock following host time while running (no -icount).</summary>
    public static VirtualClock CreateRealTime(IHostTime? host = null) =>
        new(VirtualClockMode.RealTime, 0, host ?? SystemHostTime.Instance);

    /// <summary>An -icount clock: one instruction is 2^<paramref name="shift"/> ns (0..<see cref="MaxIcountShift"/>).</summary>
    public static VirtualClock CreateIcount(int shift)
    {
        if (shift < 0 || shift > MaxIcountShift)
        {
            throw new ArgumentOutOfRangeException(nameof(shift), shift, "icount: Invalid shift value");
        }

        return new VirtualClock(VirtualClockMode.Icount, shift, SystemHostTime.Instance);
    }

    /// <summary>A qtest-style clock moved only by <see cref="Warp"/>.</summary>
    public static VirtualClock CreateManual() => new(VirtualClockMode.Manual, 0, SystemHostTime.Instance);

    public ClockType Type => ClockType.Virtual;

    /// <summary>What drives this clock.</summary>
    public VirtualClockMode Mode { get; }

    /// <summary>ns per instruction as a power of two (icount mode only; 0 otherwise).</summary>
    public int IcountShift { get; }

    /// <summary>True between <see cref="Start"/> and <see cref="Stop"/> (QEMU's "ticks enabled").</summary>
    public bool IsRunning => _running;

    /// <summary>Virtual timers fire only while the VM runs (qemu_clock_enable on vm_start/vm_stop).</summary>
    public bool IsEnabled => _running;

    /// <summary>Instructions reported with <see cref="AddExecutedInstructions"/> (all modes).</summary>
    public long InstructionCount => Interlocked.Read(ref _instructions);

    /// <summary>Total warp added in icount/manual mode (QEMU's qemu_icount_bias).</summary>
    public long WarpBiasNs => Interlocked.Read(ref _biasNs);

    public long NowNs => Mode switch
    {
        VirtualClockMode.RealTime => _running ? _host.MonotonicNs + Interlocked.Read(ref _offsetNs) : Interlocked.Read(ref _frozenNs),
        VirtualClockMode.Icount => (InstructionCount << IcountShift) + WarpBiasNs,
        _ => WarpBiasNs,
    };

    /// <summary>Resumes the clock from where it stopped (cpu_enable_ticks). No effect if already running.</summary>
    public void Start()
    {
        if (_running)
        {
            return;
        }

        if (Mode == VirtualClockMode.RealTime)
        {
            Interlocked.Exchange(ref _offsetNs, _frozenNs - _host.MonotonicNs);
        }

        _running = true;
    }

    /// <summary>Freezes the clock (cpu_disable_ticks). No effect if already stopped.</summary>
    public void Stop()
    {
        if (!_running)
        {
            return;
        }

        if (Mode == VirtualClockMode.RealTime)
        {
            Interlocked.Exchange(ref _frozenNs, _host.MonotonicNs + _offsetNs);
        }

        _running = false;
    }

    /// <summary>Records <paramref name="count"/> executed instructions; in icount mode this advances time.</summary>
    public void AddExecutedInstructions(long count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        Interlocked.Add(ref _instructions, count);
    }

    /// <summary>Moves icount/manual time forward by <paramref name="ns"/> without executing instructions.</summary>
    /// <exception cref="InvalidOperationException">In real-time mode, where time follows the host.</exception>
    public void Warp(long ns)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(ns);
        if (Mode == VirtualClockMode.RealTime)
        {
            throw new InvalidOperationException("the virtual clock follows host time without -icount; it cannot be warped");
        }

        Interlocked.Add(ref _biasNs, ns);
    }

    /// <summary>
    /// Instructions to execute so that time reaches at least <paramref name="ns"/> from now
    /// (QEMU's icount_round: rounded up). Icount mode only.
    /// </summary>
    public long InstructionsCovering(long ns) => ns <= 0 ? 0 : ((ns - 1) >> IcountShift) + 1;
}
