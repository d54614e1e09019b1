using Nemu.Core.Time;
using Nemu.Hw.Timer;
using Nemu.Qdev;

namespace Nemu.Hw.Tests.Timer;

/// <summary>QEMU 7.2 pl031 facts (issue6-ref/qtest-probe.txt and a qtest probe of the virt RTC).</summary>
public sealed class Pl031Tests
{
    private const long Second = 1_000_000_000;

    [Fact]
    public void PrimeCellIdsAndControlMatchQemu()
    {
        var (rtc, _) = Create();

        uint[] ids = [0x31, 0x10, 0x14, 0x00, 0x0d, 0xf0, 0x05, 0xb1];
        for (var i = 0; i < ids.Length; i++)
        {
            Assert.Equal(ids[i], Misc.TestMachine.Read(rtc, 0xfe0 + ((ulong)i * 4)));
        }

        Assert.Equal(1u, Misc.TestMachine.Read(rtc, Pl031.CrOffset));
        Assert.Equal(0u, Misc.TestMachine.Read(rtc, Pl031.LrOffset));
    }

    [Fact]
    public void DataRegisterCountsHostSecondsFromTheLoadedValue()
    {
        var (rtc, host) = Create();
        host.SetWallClock(1_700_000_000 * Second);
        Assert.Equal(1_700_000_000u, Misc.TestMachine.Read(rtc, Pl031.DrOffset));

        Misc.TestMachine.Write(rtc, Pl031.LrOffset, 0x1000);
        host.SetWallClock((1_700_000_000 + 5) * Second);

        Assert.Equal(0x1000u, Misc.TestMachine.Read(rtc, Pl031.LrOffset));
        Assert.Equal(0x1005u, Misc.TestMachine.Read(rtc, Pl031.DrOffset));
    }

    [Fact]
    public void MatchEqualToTheCountRaisesTheMaskedInterrupt()
    {
        var (rtc, host) = Create();
        host.SetWallClock(100 * Second);
        var irq = ((SysBusDevice)rtc).GetIrq(0);
        Misc.TestMachine.Write(rtc, Pl031.ImscOffset, 3);
        Assert.Equal(1u, Misc.TestMachine.Read(rtc, Pl031.ImscOffset));

        Misc.TestMachine.Write(rtc, Pl031.MrOffset, 100);

        Assert.Equal(1u, Misc.TestMachine.Read(rtc, Pl031.RisOffset));
        Assert.Equal(1u, Misc.TestMachine.Read(rtc, Pl031.MisOffset));
        Assert.True(irq.Level);

        // Any write to ICR clears it (QEMU follows the ARM926 documentation).
        Misc.TestMachine.Write(rtc, Pl031.IcrOffset, 0);
        Assert.Equal(0u, Misc.TestMachine.Read(rtc, Pl031.RisOffset));
        Assert.False(irq.Level);
    }

    [Fact]
    public void ReadOnlyRegistersIgnoreWrites()
    {
        var (rtc, host) = Create();
        host.SetWallClock(0x1000 * Second);

        Misc.TestMachine.Write(rtc, Pl031.DrOffset, 5);

        Assert.Equal(0x1000u, Misc.TestMachine.Read(rtc, Pl031.DrOffset));
    }

    private static (Pl031 Rtc, ManualHostTime Host) Create()
    {
        var host = new ManualHostTime();
        var tree = new QdevTree(DeviceTypeRegistry.Create(HwModule.Register));
        tree.AddService(MachineTime.CreateManual(host));
        var rtc = tree.Create<Pl031>(Pl031.TypeName);
        rtc.Realize();
        rtc.Reset();
        return (rtc, host);
    }
}
