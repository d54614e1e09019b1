using Nemu.Hw.ArmSse;
using Nemu.Hw.Tests.Misc;
using static Nemu.Hw.Tests.Misc.TestMachine;

namespace Nemu.Hw.Tests.ArmSse;

/// <summary>mprofile.md §6.4: CPUWAIT releases CPUs, INITSVTORn set the next reset's vector table, SWRESET.</summary>
public sealed class IotkitSysctlTests
{
    private readonly TestMachine _machine = new();
    private readonly IotkitSysctl _sysctl;

    public IotkitSysctlTests()
    {
        _sysctl = _machine.Create<IotkitSysctl>(IotkitSysctl.TypeName, ("sse-version", "200"), ("CPUWAIT_RST", "2"));
    }

    [Fact]
    public void ResetValuesComeFromTheProperties()
    {
        Assert.Equal(2u, Read(_sysctl, 0x118));
        Assert.Equal(0x10000000u, Read(_sysctl, 0x110));
        Assert.Equal(0x10000000u, Read(_sysctl, 0x114));
        Assert.Equal(1u, Read(_sysctl, 0x100));
        Assert.Equal(0x7fu, Read(_sysctl, 0x200));
        Assert.Equal(0x1bu, Read(_sysctl, 0xfe8));
    }

    [Fact]
    public void ClearingACpuWaitBitPowersThatCpuOn()
    {
        var powered = new List<int>();
        _sysctl.CpuPowerOnRequested += powered.Add;
        Write(_sysctl, 0x118, 2);
        Write(_sysctl, 0x118, 0);
        Write(_sysctl, 0x118, 0);

        Assert.Equal([1], powered);
        Assert.Equal(0u, Read(_sysctl, 0x118));
    }

    [Fact]
    public void InitSvtorWritesReachTheCpu()
    {
        var seen = new List<(int, uint)>();
        _sysctl.InitSvtorChanged += (cpu, vtor) => seen.Add((cpu, vtor));
        Write(_sysctl, 0x114, 0x10080000);
        Write(_sysctl, 0x110, 0x10000400);

        Assert.Equal([(1, 0x10080000u), (0, 0x10000400u)], seen);
        Assert.Equal(0x10080000u, Read(_sysctl, 0x114));
    }

    [Fact]
    public void SwResetBit9RequestsASystemReset()
    {
        var resets = 0;
        _sysctl.SystemResetRequested += () => resets++;
        Write(_sysctl, 0x108, 1 << 8);
        Write(_sysctl, 0x108, 1 << 9);

        Assert.Equal(1, resets);
    }

    [Fact]
    public void IotkitHasNoInitSvtor1AndBuswaitReadsZero()
    {
        var iotkit = _machine.Create<IotkitSysctl>(IotkitSysctl.TypeName);
        Write(iotkit, 0x114, 0x1234);
        Write(iotkit, 0x11c, 0xff);

        Assert.Equal(0u, Read(iotkit, 0x114));
        Assert.Equal(0u, Read(iotkit, 0x11c));
        Assert.Equal(0x0bu, Read(iotkit, 0xfe8));
    }

    [Fact]
    public void OtherRegistersReadAsWritten()
    {
        Write(_sysctl, 0x10c, 0xdead);
        Write(_sysctl, 0x004, 0x5);
        Write(_sysctl, 0x008, 0x1);

        Assert.Equal(0xdeadu, Read(_sysctl, 0x10c));
        Assert.Equal(0x4u, Read(_sysctl, 0x000));
    }
}
