using Nemu.Hw.ArmSse;
using Nemu.Hw.Tests.Misc;
using static Nemu.Hw.Tests.Misc.TestMachine;

namespace Nemu.Hw.Tests.ArmSse;

/// <summary>mprofile.md §6.4: CPU_IDENTITY tells each CPU its number.</summary>
public sealed class ArmsseCpuidTests
{
    [Fact]
    public void CpuidReadsTheProperty()
    {
        var machine = new TestMachine();
        var cpuid = machine.Create<ArmsseCpuid>(ArmsseCpuid.TypeName, ("CPUID", "1"));

        Assert.Equal(1u, Read(cpuid, 0x0));
        Assert.Equal(0xb1u, Read(cpuid, 0xffc));
    }
}
