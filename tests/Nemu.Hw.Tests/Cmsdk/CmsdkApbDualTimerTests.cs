using Nemu.Hw.Cmsdk;
using Nemu.Hw.Tests.Misc;
using static Nemu.Hw.Tests.Misc.TestMachine;

namespace Nemu.Hw.Tests.Cmsdk;

/// <summary>mprofile.md §6.7: the CMSDK dual timer (TIMCLK 25 MHz: 40 ns per tick).</summary>
public sealed class CmsdkApbDualTimerTests
{
    private const uint Enable = CmsdkApbDualTimer.ControlEnable;
    private const uint IntEn = CmsdkApbDualTimer.ControlIntEn;
    private const uint Periodic = CmsdkApbDualTimer.ControlMode;
    private const uint Size32 = CmsdkApbDualTimer.ControlSize;
    private const uint Oneshot = CmsdkApbDualTimer.ControlOneshot;

    private readonly TestMachine _machine = new();
    private readonly CmsdkApbDualTimer _dual;

    public CmsdkApbDualTimerTests() => _dual = _machine.Create<CmsdkApbDualTimer>("cmsdk-apb-dualtimer", ("TIMCLK", "25000000"));

    [Fact]
    public void ResetIsFreeRunning16BitWithValueAllOnesAndControl0x20()
    {
        foreach (var b in new ulong[] { 0x00, 0x20 })
        {
            Assert.Equal(0x20u, Read(_dual, b + 0x08));
            Assert.Equal(0xffffffffu, Read(_dual, b + 0x04));
            Assert.Equal(0u, Read(_dual, b + 0x00));
        }

        Assert.Equal(0x23u, Read(_dual, 0xfe0));
    }

    [Fact]
    public void FreeRunning16BitWrapsAt0xFFFF()
    {
        Write(_dual, 0x08, Enable | IntEn);
        _machine.Time.Step(40L * 0x10000);
        Assert.Equal(1u, Read(_dual, 0x10));
        Assert.Equal(0xffff0000u, Read(_dual, 0x04) & 0xffff0000u);
    }

    [Fact]
    public void PeriodicModeReloadsFromLoadAndRaisesTimint1AndCombined()
    {
        Write(_dual, 0x08, Size32 | Periodic | IntEn);
        Write(_dual, 0x00, 100);
        Write(_dual, 0x08, Size32 | Periodic | IntEn | Enable);
        _machine.Time.Step(40 * 100);
        Assert.Equal(1u, Read(_dual, 0x10));
        Assert.Equal(1u, Read(_dual, 0x14));
        Assert.True(_dual.GetIrq(0).Level);
        Assert.True(_dual.GetIrq(1).Level);
        Assert.False(_dual.GetIrq(2).Level);
        Write(_dual, 0x0c, 0);
        Assert.Equal(0u, Read(_dual, 0x10));
        Assert.False(_dual.GetIrq(0).Level);
        Assert.Equal(100u, Read(_dual, 0x00));
    }

    [Fact]
    public void OneshotStopsAfterOneExpiry()
    {
        Write(_dual, 0x28, Size32 | Periodic | IntEn | Oneshot);
        Write(_dual, 0x20, 10);
        Write(_dual, 0x28, Size32 | Periodic | IntEn | Oneshot | Enable);
        _machine.Time.Step(40 * 10);
        Assert.Equal(1u, Read(_dual, 0x30));
        Write(_dual, 0x2c, 0);
        _machine.Time.Step(40 * 100);
        Assert.Equal(0u, Read(_dual, 0x30));
        Assert.True(_dual.GetIrq(0).Level == false && _dual.GetIrq(2).Level == false);
    }

    [Fact]
    public void PrescaleDividesTheClock()
    {
        Write(_dual, 0x08, Size32 | Periodic | (1 << 2));
        Write(_dual, 0x00, 1000);
        Write(_dual, 0x08, Size32 | Periodic | (1 << 2) | Enable);
        _machine.Time.Step((40 * 16 * 10) + 320);
        Assert.Equal(990u, Read(_dual, 0x04));
    }

    [Fact]
    public void MaskedInterruptNeedsIntEn()
    {
        Write(_dual, 0x08, Size32 | Periodic);
        Write(_dual, 0x00, 5);
        Write(_dual, 0x08, Size32 | Periodic | Enable);
        _machine.Time.Step(40 * 5);
        Assert.Equal(1u, Read(_dual, 0x10));
        Assert.Equal(0u, Read(_dual, 0x14));
        Assert.False(_dual.GetIrq(0).Level);
    }

    [Fact]
    public void IntegrationTestModeDrivesOutputsFromItop()
    {
        Write(_dual, 0xf00, 1);
        Write(_dual, 0xf04, 2);
        Assert.False(_dual.GetIrq(1).Level);
        Assert.True(_dual.GetIrq(2).Level);
        Assert.True(_dual.GetIrq(0).Level);
        Assert.Equal(1u, Read(_dual, 0xf00));
    }
}
