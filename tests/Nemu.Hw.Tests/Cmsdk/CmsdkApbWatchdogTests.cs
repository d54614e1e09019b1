using Nemu.Core.Logging;
using Nemu.Hw.Cmsdk;
using Nemu.Hw.Tests.Misc;
using static Nemu.Hw.Tests.Misc.TestMachine;

namespace Nemu.Hw.Tests.Cmsdk;

/// <summary>mprofile.md §6.8: the CMSDK APB watchdog and its Luminary variant (WDOGCLK 25 MHz).</summary>
public sealed class CmsdkApbWatchdogTests
{
    private readonly TestMachine _machine = new();

    [Fact]
    public void ResetLoadsAllOnesAndIsUnlocked()
    {
        var wdog = _machine.Create<CmsdkApbWatchdog>("cmsdk-apb-watchdog", ("WDOGCLK", "25000000"));
        Assert.Equal(0xffffffffu, Read(wdog, 0x00));
        Assert.Equal(0xffffffffu, Read(wdog, 0x04));
        Assert.Equal(0u, Read(wdog, 0xc00));
        Assert.Equal(0x24u, Read(wdog, 0xfe0));
    }

    [Fact]
    public void FirstExpiryRaisesTheInterruptAndTheSecondRequestsReset()
    {
        var wdog = _machine.Create<CmsdkApbWatchdog>("cmsdk-apb-watchdog", ("WDOGCLK", "25000000"));
        var resets = 0;
        wdog.ResetRequested += () => resets++;
        Write(wdog, 0x00, 100);
        Write(wdog, 0x08, CmsdkApbWatchdog.ControlIntEn | CmsdkApbWatchdog.ControlResEn);
        _machine.Time.Step(40 * 100);
        Assert.True(wdog.GetIrq(0).Level);
        Assert.Equal(1u, Read(wdog, 0x14));
        Assert.Equal(0, resets);
        _machine.Time.Step(40 * 101);
        Assert.Equal(1, resets);
    }

    [Fact]
    public void IntClrReloadsTheCounterAndLowersTheInterrupt()
    {
        var wdog = _machine.Create<CmsdkApbWatchdog>("cmsdk-apb-watchdog", ("WDOGCLK", "25000000"));
        Write(wdog, 0x00, 100);
        Write(wdog, 0x08, CmsdkApbWatchdog.ControlIntEn);
        _machine.Time.Step(40 * 100);
        Write(wdog, 0x0c, 1);
        Assert.False(wdog.GetIrq(0).Level);
        Assert.Equal(100u, Read(wdog, 0x04));
    }

    [Fact]
    public void LockBlocksWritesUntilTheUnlockKey()
    {
        var wdog = _machine.Create<CmsdkApbWatchdog>("cmsdk-apb-watchdog", ("WDOGCLK", "25000000"));
        using var log = Log.Capture(LogItem.GuestErrors);
        Write(wdog, 0xc00, 0);
        Assert.Equal(1u, Read(wdog, 0xc00));
        Write(wdog, 0x00, 5);
        Assert.Equal(0xffffffffu, Read(wdog, 0x00));
        Write(wdog, 0xc00, CmsdkApbWatchdog.UnlockValue);
        Write(wdog, 0x00, 5);
        Assert.Equal(5u, Read(wdog, 0x00));
        Assert.Equal(["CMSDK APB watchdog write: write to locked watchdog"], log.Lines);
    }

    [Fact]
    public void LuminaryVariantHasItsIdsNoIntegrationRegistersAndLatchesControl()
    {
        var wdog = _machine.Create<CmsdkApbWatchdog>("luminary-watchdog", ("WDOGCLK", "12500000"));
        Assert.Equal(0x05u, Read(wdog, 0xfe0));
        Assert.Equal(0x18u, Read(wdog, 0xfe4));
        Assert.Equal(0x01u, Read(wdog, 0xfec));
        using var log = Log.Capture(LogItem.GuestErrors | LogItem.Unimp);
        Read(wdog, 0xf00);
        Read(wdog, 0x418);
        Write(wdog, 0x08, CmsdkApbWatchdog.ControlIntEn);
        Write(wdog, 0x08, 0);
        Assert.Equal(CmsdkApbWatchdog.ControlIntEn, Read(wdog, 0x08));
        Assert.Equal(["CMSDK APB watchdog read: bad offset f00", "Luminary watchdog read: stall not implemented"], log.Lines);
    }
}
