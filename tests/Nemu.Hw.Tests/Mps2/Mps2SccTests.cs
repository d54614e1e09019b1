using Nemu.Core.Logging;
using Nemu.Hw.Mps2;
using Nemu.Hw.Tests.Misc;
using static Nemu.Hw.Tests.Misc.TestMachine;

namespace Nemu.Hw.Tests.Mps2;

/// <summary>mprofile.md §6.3/§6.8: the SCC as the AN385 board configures it.</summary>
public sealed class Mps2SccTests
{
    private readonly TestMachine _machine = new();
    private readonly Mps2Scc _scc;

    public Mps2SccTests()
    {
        _scc = _machine.Tree.Create<Mps2Scc>("mps2-scc");
        _scc.SetProperty("scc-id", "0x41043850");
        _scc.SetProperty("scc-aid", "0x00200008");
        _scc.SetProperty("scc-cfg4", "2");
        _scc.SetOscclk(50_000_000, 24_576_000, 25_000_000);
        _scc.Realize();
        _scc.Reset();
    }

    [Fact]
    public void ResetValuesMatchQemuForAn385()
    {
        Assert.Equal(0x41043850u, Read(_scc, 0xffc));
        Assert.Equal(0x00200008u, Read(_scc, 0xff8));
        Assert.Equal(2u, Read(_scc, 0x10));
        Assert.Equal(0x100000u, Read(_scc, 0xa8));
        Assert.Equal(0xffff0001u, Read(_scc, 0x100));
        Assert.Equal(0u, Read(_scc, 0x0c));
        Assert.Equal("3 (0x3)", _scc.PrintProperty("len-oscclk"));
    }

    [Fact]
    public void CfgCtrlStartReadsOscclkAtOnce()
    {
        Write(_scc, 0xa8, 0x80000000 | (1 << 20) | 2);
        Assert.Equal(1u, Read(_scc, 0xac));
        Assert.Equal(25_000_000u, Read(_scc, 0xa0));
        Assert.Equal((1u << 20) | 2, Read(_scc, 0xa8));
    }

    [Fact]
    public void CfgCtrlStartWritesOscclk()
    {
        Write(_scc, 0xa4, 12345);
        Write(_scc, 0xa8, 0xc0000000 | (1 << 20) | 1);
        Write(_scc, 0xa8, 0x80000000 | (1 << 20) | 1);
        Assert.Equal(12345u, Read(_scc, 0xa0));
    }

    [Fact]
    public void BadFunctionOrDeviceSetsCfgStatError()
    {
        using var log = Log.Capture(LogItem.GuestErrors);
        Write(_scc, 0xa8, 0x80000000 | (2 << 20));
        Assert.Equal(3u, Read(_scc, 0xac));
        Write(_scc, 0xa8, 0xc0000000 | (1 << 20) | 3);
        Assert.Equal(3u, Read(_scc, 0xac));
        Write(_scc, 0xa8, 0);
        Assert.Equal(0u, Read(_scc, 0xac));
        Assert.Equal(["MPS2 SCC config read: bad function 2 device 0", "MPS2 SCC config write: bad function 1 device 3"], log.Lines);
    }

    [Fact]
    public void Cfg0Bit0DrivesRemapAndDllKeepsOnlyTheLockMask()
    {
        var remap = false;
        _scc.GetGpioOut("remap", 0).Connect(level => remap = level);
        Write(_scc, 0x00, 1);
        Assert.True(remap);
        Write(_scc, 0x100, 0x12345678);
        Assert.Equal(0x12ff0001u, Read(_scc, 0x100));
    }

    [Fact]
    public void Cfg2IsABadOffsetOnAn385()
    {
        using var log = Log.Capture(LogItem.GuestErrors);
        Read(_scc, 0x08);
        Write(_scc, 0x08, 1);
        Assert.Equal(["MPS2 SCC read: bad offset 8", "MPS2 SCC write: bad offset 0x8"], log.Lines);
    }
}
