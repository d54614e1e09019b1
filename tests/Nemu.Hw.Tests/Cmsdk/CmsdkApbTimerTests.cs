using Nemu.Core.Logging;
using Nemu.Hw.Cmsdk;
using Nemu.Hw.Tests.Misc;
using static Nemu.Hw.Tests.Misc.TestMachine;

namespace Nemu.Hw.Tests.Cmsdk;

/// <summary>mprofile.md §6.6: the CMSDK APB timer on virtual time (25 MHz PCLK: 40 ns per tick).</summary>
public sealed class CmsdkApbTimerTests
{
    private readonly TestMachine _machine = new();
    private readonly CmsdkApbTimer _timer;

    public CmsdkApbTimerTests() => _timer = _machine.Create<CmsdkApbTimer>("cmsdk-apb-timer", ("pclk", "25000000"));

    [Fact]
    public void ResetValuesAreZeroWithTimerIdRegisters()
    {
        Assert.Equal(0u, Read(_timer, 0x00));
        Assert.Equal(0u, Read(_timer, 0x04));
        Assert.Equal(0u, Read(_timer, 0x08));
        Assert.Equal(0u, Read(_timer, 0x0c));
        Assert.Equal(0x22u, Read(_timer, 0xfe0));
        Assert.Equal(0xb1u, Read(_timer, 0xffc));
    }

    [Fact]
    public void ReloadWriteSetsValueAndCountsDownAtPclk()
    {
        Write(_timer, 0x08, 1000);
        Assert.Equal(1000u, Read(_timer, 0x04));
        Write(_timer, 0x00, CmsdkApbTimer.CtrlEn);
        // Mid-tick, so the reading does not depend on QEMU's round-up at exact tick boundaries.
        _machine.Time.Step((40 * 100) + 20);
        Assert.Equal(900u, Read(_timer, 0x04));
    }

    [Fact]
    public void InterruptFiresOnTheOneToZeroTransitionWhenEnabledAndIsWriteOneToClear()
    {
        Write(_timer, 0x08, 10);
        Write(_timer, 0x00, CmsdkApbTimer.CtrlEn | CmsdkApbTimer.CtrlIrqEn);
        _machine.Time.Step(40 * 9);
        Assert.Equal(0u, Read(_timer, 0x0c));
        _machine.Time.Step(40);
        Assert.Equal(1u, Read(_timer, 0x0c));
        Assert.True(_timer.GetIrq(0).Level);
        Write(_timer, 0x0c, 1);
        Assert.Equal(0u, Read(_timer, 0x0c));
        Assert.False(_timer.GetIrq(0).Level);
    }

    [Fact]
    public void CounterHoldsZeroForOneTickThenReloadsAndInterruptsEveryPeriodPlusOne()
    {
        Write(_timer, 0x08, 10);
        Write(_timer, 0x00, CmsdkApbTimer.CtrlEn | CmsdkApbTimer.CtrlIrqEn);
        _machine.Time.Step(40 * 10);
        Write(_timer, 0x0c, 1);
        _machine.Time.Step(20);
        Assert.Equal(0u, Read(_timer, 0x04));
        _machine.Time.Step(40);
        Assert.Equal(10u, Read(_timer, 0x04));
        _machine.Time.Step((40 * 10) - 30);
        Assert.Equal(0u, Read(_timer, 0x0c));
        _machine.Time.Step(10);
        Assert.Equal(1u, Read(_timer, 0x0c));
    }

    [Fact]
    public void NoInterruptWithoutIrqEn()
    {
        Write(_timer, 0x08, 5);
        Write(_timer, 0x00, CmsdkApbTimer.CtrlEn);
        _machine.Time.Step(40 * 20);
        Assert.Equal(0u, Read(_timer, 0x0c));
    }

    [Fact]
    public void ReloadZeroStopsTheTimerAndNoFurtherInterruptsOccur()
    {
        Write(_timer, 0x08, 10);
        Write(_timer, 0x00, CmsdkApbTimer.CtrlEn | CmsdkApbTimer.CtrlIrqEn);
        _machine.Time.Step(40 * 5);
        Write(_timer, 0x08, 0);
        _machine.Time.Step(40 * 100);
        Assert.Equal(0u, Read(_timer, 0x0c));
        Assert.Equal(0u, Read(_timer, 0x04));
    }

    [Fact]
    public void ExtinSelectionIsLoggedAsUnimplementedAndCtrlKeepsFourBits()
    {
        using var log = Log.Capture(LogItem.Unimp | LogItem.GuestErrors);
        Write(_timer, 0x00, 0xff);
        Read(_timer, 0x10);
        Assert.Equal(0xfu, Read(_timer, 0x00));
        Assert.Equal(["CMSDK APB timer: EXTIN input not supported", "CMSDK APB timer read: bad offset 10"], log.Lines);
    }

    [Fact]
    public void RealizeWithoutPclkFailsWithQemuMessage()
    {
        var timer = _machine.Tree.Create("cmsdk-apb-timer");
        Assert.Equal("CMSDK APB timer: pclk clock must be connected", Assert.Throws<Nemu.Qdev.QdevException>(timer.Realize).Message);
    }
}
