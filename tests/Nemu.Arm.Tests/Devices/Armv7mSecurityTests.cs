// The armv7m container of an ARMv8-M core (hw/arm/armv7m.c; mprofile.md §4.4, §4.6): the Non-secure SCS and
// SysTick aliases appear under armv7m-container with the names and priorities of qemu-system-arm 7.2's info mtree
// for mps2-an505 (/work/notes/issue5-ref/mtree-mps2-an505.txt), and a Secure SysTick exists next to the Non-secure one.
using Nemu.Arm.Tests.Support;

namespace Nemu.Arm.Tests.Devices;

public sealed class Armv7mSecurityTests
{
    [Fact]
    public void V8ContainerHasTheNonSecureAliasesAsQemuShowsThem()
    {
        using var m = new Armv7mMachine("cortex-m33", bitband: false);
        var mtree = m.System.FormatMtree();
        Assert.Contains("    00000000e000e000-00000000e000efff (prio 0, i/o): nvic_sysregs\n    00000000e000e010-00000000e000e0ef (prio 1, i/o): v7m_systick\n", mtree);
        Assert.Contains("    00000000e002e000-00000000e002efff (prio 0, i/o): nvic_sysregs_ns\n    00000000e002e010-00000000e002e0ef (prio 1, i/o): v7m_systick_ns\n", mtree);
        Assert.NotNull(m.Armv7m.SecureSysTick);
    }

    [Fact]
    public void StartPoweredOffCoreIsPoweredOffAgainByEverySystemReset()
    {
        using var m = new Armv7mMachine("cortex-m33", bitband: false, startPoweredOff: true);
        var cpu = m.Armv7m.Cpu!;
        m.Armv7m.Reset();
        Assert.False(cpu.HasWork);

        cpu.PowerOnAndReset();
        Assert.True(cpu.HasWork);

        m.Armv7m.Reset();
        Assert.True(cpu.PoweredOff);
        Assert.False(cpu.HasWork);
    }

    [Fact]
    public void V7ContainerHasNoNonSecureAliases()
    {
        using var m = new Armv7mMachine("cortex-m4");
        Assert.DoesNotContain("nvic_sysregs_ns", m.System.FormatMtree());
        Assert.Null(m.Armv7m.SecureSysTick);
    }
}
