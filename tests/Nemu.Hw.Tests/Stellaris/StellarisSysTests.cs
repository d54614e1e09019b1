using Nemu.Core.Logging;
using Nemu.Hw.Stellaris;
using Nemu.Hw.Tests.Misc;
using static Nemu.Hw.Tests.Misc.TestMachine;

namespace Nemu.Hw.Tests.Stellaris;

/// <summary>mprofile.md §6.9: the lm3s6965evb system control block (values recorded from QEMU 7.2 with HMP xp).</summary>
public sealed class StellarisSysTests
{
    private readonly TestMachine _machine = new();
    private readonly StellarisSys _sys;

    public StellarisSysTests() => _sys = _machine.Create<StellarisSys>(
        "stellaris-sys",
        ("did0", "0x10010002"),
        ("did1", "0x1073402e"),
        ("dc0", "0x00ff007f"),
        ("dc1", "0x001133ff"),
        ("dc2", "0x030f5317"),
        ("dc3", "0x0f0f87ff"),
        ("dc4", "0x5000007f"));

    [Fact]
    public void IdentificationAndResetValuesMatchQemu()
    {
        Assert.Equal(0x10010002u, Read(_sys, 0x000));
        Assert.Equal(0x1073402eu, Read(_sys, 0x004));
        Assert.Equal(0x00ff007fu, Read(_sys, 0x008));
        Assert.Equal(0x5000007fu, Read(_sys, 0x01c));
        Assert.Equal(0x078e3ac0u, Read(_sys, 0x060));
        Assert.Equal(0x07802810u, Read(_sys, 0x070));
        Assert.Equal(0x7ffdu, Read(_sys, 0x030));
        Assert.Equal(1u, Read(_sys, 0x100));
    }

    [Fact]
    public void ResetRccGivesA12Point5MHzSysclk() => Assert.Equal(12_500_000UL, _sys.Sysclk.Hz);

    [Fact]
    public void Rcc2WithUseRcc2SelectsSysdiv2()
    {
        Write(_sys, 0x070, 0x80000000 | (3u << 23));
        Assert.Equal(50_000_000UL, _sys.Sysclk.Hz);
        Write(_sys, 0x070, 0);
        Write(_sys, 0x060, 1u << 23);
        Assert.Equal(100_000_000UL, _sys.Sysclk.Hz);
    }

    [Fact]
    public void ClearingPwrdnRaisesThePllLockInterrupt()
    {
        Write(_sys, 0x054, 0x40);
        Write(_sys, 0x060, 0x078e3ac0 & ~(1u << 13));
        Assert.Equal(0x40u, Read(_sys, 0x058));
        Assert.True(_sys.GetIrq(0).Level);
        Write(_sys, 0x058, 0x40);
        Assert.False(_sys.GetIrq(0).Level);
    }

    [Fact]
    public void PllcfgComesFromTheFuryTableByCrystal()
    {
        Assert.Equal(0x1902u, Read(_sys, 0x064));
        Assert.Equal(0xb11cu, PllcfgFor(0xf));
    }

    [Fact]
    public void BadOffsetsUseQemuWording()
    {
        using var log = Log.Capture(LogItem.GuestErrors);
        Read(_sys, 0x00c);
        Write(_sys, 0x000, 1);
        Assert.Equal(["SSYS: read at bad offset 0xc", "SSYS: write at bad offset 0x0"], log.Lines);
    }

    private uint PllcfgFor(uint xtal)
    {
        Write(_sys, 0x060, (Read(_sys, 0x060) & ~(0xfu << 6)) | (xtal << 6));
        return Read(_sys, 0x064);
    }
}
