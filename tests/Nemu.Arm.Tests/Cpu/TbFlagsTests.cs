// QEMU's TB flags as "-d exec" prints them (TbFlags.cs): the FP-related bits of cs_base (TBFLAG_M32).
using Nemu.Arm.Cpu;
using Nemu.Arm.Tests.Support;

namespace Nemu.Arm.Tests.Cpu;

public sealed class TbFlagsTests
{
    [Fact]
    public void LazyFpContextSetsTheLspactBitOfCsBase()
    {
        var m = new TestMachine("cortex-m4");
        m.LoadProgram(".thumb_func\nstart:\ndone: b done\n", cpu: "cortex-m4");
        m.Cpu.ControlFpca = true;
        var before = TbFlags.CsBase(m.Cpu);

        m.Cpu.PushFpContext(TestMachine.RamBase + 0x100, privileged: true, negPri: false, stackedOk: true);

        Assert.Equal(0u, before & 4);
        Assert.Equal(before | 4, TbFlags.CsBase(m.Cpu));
    }
}
