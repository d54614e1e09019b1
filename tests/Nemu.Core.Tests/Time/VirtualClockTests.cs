using Nemu.Core.Time;

namespace Nemu.Core.Tests.Time;

public sealed class VirtualClockTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    [InlineData(6)]
    [InlineData(7)]
    [InlineData(8)]
    [InlineData(9)]
    [InlineData(10)]
    public void IcountTimeIsInstructionCountShiftedLeftByShift(int shift)
    {
        var clock = VirtualClock.CreateIcount(shift);
        clock.Start();

        clock.AddExecutedInstructions(1);
        Assert.Equal(1L << shift, clock.NowNs);
        clock.AddExecutedInstructions(999);
        Assert.Equal(1000L << shift, clock.NowNs);
    }

    [Fact]
    public void IcountTimeAddsTheWarpBias()
    {
        var clock = VirtualClock.CreateIcount(2);
        clock.AddExecutedInstructions(10);
        clock.Warp(7);

        Assert.Equal((10 << 2) + 7, clock.NowNs);
        Assert.Equal(7, clock.WarpBiasNs);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(11)]
    public void IcountShiftOutsideZeroToTenIsRejectedWithQemuMessage(int shift)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => VirtualClock.CreateIcount(shift));
        Assert.Contains("icount: Invalid shift value", error.Message);
    }

    [Theory]
    [InlineData(0, 0, 0)]
    [InlineData(3, 1, 1)]
    [InlineData(3, 8, 1)]
    [InlineData(3, 9, 2)]
    [InlineData(0, 5, 5)]
    [InlineData(10, 1025, 2)]
    public void InstructionsCoveringRoundsUp(int shift, long ns, long instructions)
    {
        Assert.Equal(instructions, VirtualClock.CreateIcount(shift).InstructionsCovering(ns));
    }

    [Fact]
    public void RealTimeClockReadsZeroBeforeTheVmStarts()
    {
        var host = new ManualHostTime(monotonicNs: 5_000_000);
        var clock = VirtualClock.CreateRealTime(host);
        host.Advance(1000);

        Assert.Equal(0, clock.NowNs);
        Assert.False(clock.IsEnabled);
    }

    [Fact]
    public void RealTimeClockFreezesWhilePausedAndResumesWithoutAJump()
    {
        var host = new ManualHostTime(monotonicNs: 123_456);
        var clock = VirtualClock.CreateRealTime(host);
        clock.Start();
        host.Advance(1000);
        Assert.Equal(1000, clock.NowNs);

        clock.Stop();
        host.Advance(50_000);
        Assert.Equal(1000, clock.NowNs);

        clock.Start();
        Assert.Equal(1000, clock.NowNs);
        host.Advance(10);
        Assert.Equal(1010, clock.NowNs);
    }

    [Fact]
    public void RealTimeClockOnTheHostIsMonotonicAndFrozenWhenPaused()
    {
        var clock = VirtualClock.CreateRealTime();
        clock.Start();
        var previous = clock.NowNs;
        for (var i = 0; i < 1000; i++)
        {
            var now = clock.NowNs;
            Assert.True(now >= previous);
            previous = now;
        }

        clock.Stop();
        var frozen = clock.NowNs;
        Thread.Yield();
        Assert.Equal(frozen, clock.NowNs);
        Assert.True(frozen >= previous);
        clock.Start();
        Assert.True(clock.NowNs >= frozen);
    }

    [Fact]
    public void RealTimeClockCannotBeWarped()
    {
        var clock = VirtualClock.CreateRealTime(new ManualHostTime());
        Assert.Throws<InvalidOperationException>(() => clock.Warp(1));
    }

    [Fact]
    public void ManualClockMovesOnlyByWarp()
    {
        var clock = VirtualClock.CreateManual();
        clock.Start();
        clock.AddExecutedInstructions(100);
        Assert.Equal(0, clock.NowNs);
        clock.Warp(42);
        Assert.Equal(42, clock.NowNs);
    }
}
