using Nemu.Core.Logging;
using Nemu.Hw.Mps2;
using Nemu.Hw.Tests.Misc;
using static Nemu.Hw.Tests.Misc.TestMachine;

namespace Nemu.Hw.Tests.Mps2;

/// <summary>mprofile.md §6.8: FPGAIO counters follow virtual time (AN385: prescale-clk 25 MHz).</summary>
public sealed class Mps2FpgaioTests
{
    private readonly TestMachine _machine = new();
    private readonly Mps2Fpgaio _fpgaio;

    public Mps2FpgaioTests() => _fpgaio = _machine.Create<Mps2Fpgaio>("mps2-fpgaio", ("prescale-clk", "25000000"));

    [Fact]
    public void Clk1HzAndClk100HzCountFromReset()
    {
        _machine.Time.Step(2_345_000_000);
        Assert.Equal(2u, Read(_fpgaio, 0x10));
        Assert.Equal(234u, Read(_fpgaio, 0x14));
    }

    [Fact]
    public void WritingClk100HzRebasesTheCounter()
    {
        _machine.Time.Step(1_000_000_000);
        Write(_fpgaio, 0x14, 1000);
        _machine.Time.Step(50_000_000);
        Assert.Equal(1005u, Read(_fpgaio, 0x14));
    }

    [Fact]
    public void PscntrCountsDownAndCounterIncrementsOneTickAfterZero()
    {
        Write(_fpgaio, 0x1c, 4);
        Write(_fpgaio, 0x20, 4);
        _machine.Time.Step(40 * 4);
        Assert.Equal(0u, Read(_fpgaio, 0x20));
        Assert.Equal(0u, Read(_fpgaio, 0x18));
        _machine.Time.Step(40);
        Assert.Equal(4u, Read(_fpgaio, 0x20));
        Assert.Equal(1u, Read(_fpgaio, 0x18));
        _machine.Time.Step(40 * 5 * 10);
        Assert.Equal(11u, Read(_fpgaio, 0x18));
    }

    [Fact]
    public void ZeroPrescaleIncrementsCounterEveryTick()
    {
        _machine.Time.Step(40 * 7);
        Assert.Equal(7u, Read(_fpgaio, 0x18));
    }

    [Fact]
    public void Led0KeepsNumLedsBitsAndButtonReadsZero()
    {
        Write(_fpgaio, 0x00, 0xff);
        Assert.Equal(3u, Read(_fpgaio, 0x00));
        Assert.Equal(0u, Read(_fpgaio, 0x08));
    }

    [Fact]
    public void OptionalRegistersAreBadOffsetsWhenAbsent()
    {
        using var log = Log.Capture(LogItem.GuestErrors | LogItem.Unimp);
        Read(_fpgaio, 0x04);
        Read(_fpgaio, 0x28);
        Write(_fpgaio, 0x4c, 5);
        Write(_fpgaio, 0x24, 5);
        Assert.Equal(5u, Read(_fpgaio, 0x4c));
        Assert.Equal(
            ["MPS2 FPGAIO read: bad offset 4", "MPS2 FPGAIO read: bad offset 28", "MPS2 FPGAIO: MISC control bits unimplemented", "MPS2 FPGAIO write: bad offset 0x24"],
            log.Lines);
    }
}
