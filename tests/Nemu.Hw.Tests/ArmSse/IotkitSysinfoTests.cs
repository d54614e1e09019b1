using Nemu.Hw.ArmSse;
using Nemu.Hw.Tests.Misc;
using static Nemu.Hw.Tests.Misc.TestMachine;

namespace Nemu.Hw.Tests.ArmSse;

/// <summary>mprofile.md §6.4: the system information block reads its properties and ignores writes.</summary>
public sealed class IotkitSysinfoTests
{
    [Fact]
    public void VersionAndConfigComeFromPropertiesAndAreReadOnly()
    {
        var machine = new TestMachine();
        var sysinfo = machine.Create<IotkitSysinfo>(IotkitSysinfo.TypeName, ("SYS_VERSION", "0x22041743"), ("SYS_CONFIG", "0x223004f4"), ("sse-version", "200"));
        Write(sysinfo, 0x0, 0);

        Assert.Equal(0x22041743u, Read(sysinfo, 0x0));
        Assert.Equal(0x223004f4u, Read(sysinfo, 0x4));
        Assert.Equal(0x58u, Read(sysinfo, 0xfe0));
    }
}
