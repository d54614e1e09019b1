using Nemu.Core.Logging;
using Nemu.Hw.Stellaris;
using Nemu.Hw.Tests.Misc;
using static Nemu.Hw.Tests.Misc.TestMachine;

namespace Nemu.Hw.Tests.Stellaris;

/// <summary>mprofile.md §6.9: the GPTM at 12.5 MHz (80 ns per tick).</summary>
public sealed class StellarisGptmTests
{
    private readonly TestMachine _machine = new();
    private readonly StellarisGptm _gptm;

    public StellarisGptmTests() => _gptm = _machine.Create<StellarisGptm>("stellaris-gptm", ("clk", "12500000"));

    [Fact]
    public void PeriodicCountdownSetsTimeoutStatusEveryLoadTicks()
    {
        Write(_gptm, 0x28, 100);
        Write(_gptm, 0x18, 1);
        Write(_gptm, 0x0c, 1);
        _machine.Time.Step((80 * 100) - 1);
        Assert.Equal(0u, Read(_gptm, 0x1c));
        _machine.Time.Step(1);
        Assert.Equal(1u, Read(_gptm, 0x1c));
        Assert.True(_gptm.GetIrq(0).Level);
        Write(_gptm, 0x24, 1);
        Assert.False(_gptm.GetIrq(0).Level);
        _machine.Time.Step(80 * 100);
        Assert.Equal(1u, Read(_gptm, 0x20));
    }

    [Fact]
    public void OneShotClearsTheEnableBit()
    {
        Write(_gptm, 0x04, 1);
        Write(_gptm, 0x28, 10);
        Write(_gptm, 0x0c, 1);
        _machine.Time.Step(80 * 10);
        Assert.Equal(0u, Read(_gptm, 0x0c));
    }

    [Fact]
    public void BadOffsetMessageKeepsQemusFormatSlip()
    {
        using var log = Log.Capture(LogItem.GuestErrors | LogItem.Unimp);
        Read(_gptm, 0x50);
        Read(_gptm, 0x48);
        Assert.Equal(["GPTM: read at bad offset 0x0250", "GPTM: read of TAR but timer read not supported"], log.Lines);
    }
}
