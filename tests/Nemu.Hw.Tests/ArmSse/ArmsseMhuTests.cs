using Nemu.Core.Irq;
using Nemu.Hw.ArmSse;
using Nemu.Hw.Tests.Misc;
using static Nemu.Hw.Tests.Misc.TestMachine;

namespace Nemu.Hw.Tests.ArmSse;

/// <summary>mprofile.md §6.4: the MHU's per-CPU doorbell bits and interrupts.</summary>
public sealed class ArmsseMhuTests
{
    [Fact]
    public void SetAndClearDriveEachCpusInterrupt()
    {
        var machine = new TestMachine();
        var mhu = machine.Create<ArmsseMhu>(ArmsseMhu.TypeName);
        var cpu1 = new IrqLine("cpu1");
        mhu.ConnectIrq(1, cpu1);

        Write(mhu, 0x14, 0xFF);
        Assert.Equal(0xFu, Read(mhu, 0x10));
        Assert.True(cpu1.Level);
        Write(mhu, 0x18, 0xF);
        Assert.False(cpu1.Level);
        Assert.Equal(0u, Read(mhu, 0x00));
    }
}
