using Nemu.Hw.Intc;
using Nemu.Hw.Tests.Misc;
using Nemu.Memory;

namespace Nemu.Hw.Tests.Intc;

/// <summary>QEMU 7.2 arm_gic (GICv2, 1 CPU, 288 IRQs) register facts, recorded with qemu-system-arm -M virt under qtest.</summary>
public sealed class ArmGicTests
{
    private const int Spi = 48;
    private const int Intid = Spi + 32;

    [Fact]
    public void DistributorIdentificationMatchesQemu()
    {
        var (dist, _, _) = Create();

        Assert.Equal(0x8u, TestMachine.Read(dist, 0x004));
        Assert.Equal(0x43bu, TestMachine.Read(dist, 0x008));
        Assert.Equal(0u, TestMachine.Read(dist, 0x00c));
        uint[] ids = [0x04, 0, 0, 0, 0x90, 0xb4, 0x2b, 0x00, 0x0d, 0xf0, 0x05, 0xb1];
        for (var i = 0; i < ids.Length; i++)
        {
            Assert.Equal(ids[i], TestMachine.Read(dist, 0xfd0 + ((ulong)i * 4)));
        }
    }

    [Fact]
    public void CtlrKeepsBothGroupEnablesAndGroupsAreWritable()
    {
        var (dist, _, _) = Create();

        TestMachine.Write(dist, 0x000, 0xffffffff);
        TestMachine.Write(dist, 0x084, 0x12345678);

        Assert.Equal(3u, TestMachine.Read(dist, 0x000));
        Assert.Equal(0x12345678u, TestMachine.Read(dist, 0x084));
        Assert.Equal(0x0000000800000003UL, ReadQ(dist, 0));
    }

    [Fact]
    public void SgisAreAlwaysEnabledAndEdgeTriggered()
    {
        var (dist, _, _) = Create();

        TestMachine.Write(dist, 0x180, 0xffffffff);
        TestMachine.Write(dist, 0xc00, 0);
        TestMachine.Write(dist, 0xc04, 0xffffffff);

        Assert.Equal(0xffffu, TestMachine.Read(dist, 0x100));
        Assert.Equal(0xaaaaaaaau, TestMachine.Read(dist, 0xc00));
        Assert.Equal(0xaaaaaaaau, TestMachine.Read(dist, 0xc04));
    }

    [Fact]
    public void UniprocessorTargetsAreRazWi()
    {
        var (dist, _, _) = Create();

        TestMachine.Write(dist, 0x820, 0xffffffff);

        Assert.Equal(0u, TestMachine.Read(dist, 0x820));
    }

    [Fact]
    public void SpendsgirSetsSourceBitsAndSgiPending()
    {
        var (dist, _, _) = Create();

        TestMachine.Write(dist, 0xf20, 0x01010101);

        Assert.Equal(0x01010101u, TestMachine.Read(dist, 0xf20));
        Assert.Equal(0x01010101u, TestMachine.Read(dist, 0xf10));
        Assert.Equal(0xfu, TestMachine.Read(dist, 0x200));
    }

    [Fact]
    public void ActiveBitsAreSetAndClearedOnGicV2()
    {
        var (dist, _, _) = Create();

        TestMachine.Write(dist, 0x304, 0xff);
        TestMachine.Write(dist, 0x384, 0x0f);

        Assert.Equal(0xf0u, TestMachine.Read(dist, 0x304));
        Assert.Equal(0xf0u, TestMachine.Read(dist, 0x384));
    }

    [Fact]
    public void LevelSpiIsPendingOnlyWhileItsLineIsHigh()
    {
        var (dist, _, gic) = Create();

        gic.SpiInput(4).Set(true);
        Assert.Equal(0x10u, TestMachine.Read(dist, 0x204));
        Assert.Equal(0u, TestMachine.Read(dist, 0x304));

        gic.SpiInput(4).Set(false);
        Assert.Equal(0u, TestMachine.Read(dist, 0x204));
    }

    [Fact]
    public void AnMsiPulseLeavesTheSpiPendingOnlyAfterIcfgrMakesItEdgeTriggered()
    {
        var (dist, _, gic) = Create();

        gic.SpiInput(Spi).Pulse();
        Assert.Equal(0u, TestMachine.Read(dist, 0x208));

        TestMachine.Write(dist, 0xc14, 0x2);
        Assert.Equal(0x2u, TestMachine.Read(dist, 0xc14));
        gic.SpiInput(Spi).Pulse();

        Assert.Equal(0x10000u, TestMachine.Read(dist, 0x208));
        Assert.Equal(0x10000u, TestMachine.Read(dist, 0x288));
        Assert.Equal(0u, TestMachine.Read(dist, 0x308));
        TestMachine.Write(dist, 0x288, 0x10000);
        Assert.Equal(0u, TestMachine.Read(dist, 0x208));
    }

    [Fact]
    public void CpuInterfaceResetValuesMatchQemu()
    {
        var (_, cpu, _) = Create();

        Assert.Equal(0u, TestMachine.Read(cpu, 0x00));
        Assert.Equal(0u, TestMachine.Read(cpu, 0x04));
        Assert.Equal(0u, TestMachine.Read(cpu, 0x08));
        Assert.Equal(0x3ffu, TestMachine.Read(cpu, 0x0c));
        Assert.Equal(0xffu, TestMachine.Read(cpu, 0x14));
        Assert.Equal(0x3ffu, TestMachine.Read(cpu, 0x18));
        Assert.Equal(1u, TestMachine.Read(cpu, 0x1c));
        Assert.Equal(0x2043bu, TestMachine.Read(cpu, 0xfc));
    }

    [Fact]
    public void CpuInterfaceRegistersKeepOnlyTheirValidBits()
    {
        var (_, cpu, _) = Create();

        TestMachine.Write(cpu, 0x00, 0xffffffff);
        TestMachine.Write(cpu, 0x04, 0xffffffff);
        TestMachine.Write(cpu, 0x08, 0xffffffff);
        TestMachine.Write(cpu, 0x1c, 0);

        Assert.Equal(0x21fu, TestMachine.Read(cpu, 0x00));
        Assert.Equal(0xffu, TestMachine.Read(cpu, 0x04));
        Assert.Equal(7u, TestMachine.Read(cpu, 0x08));
        Assert.Equal(1u, TestMachine.Read(cpu, 0x1c));
    }

    [Fact]
    public void AcknowledgeActivatesAndEndOfInterruptCompletes()
    {
        var (dist, cpu, gic) = Create();
        TestMachine.Write(dist, 0x000, 1);
        TestMachine.Write(cpu, 0x00, 1);
        TestMachine.Write(cpu, 0x04, 0xff);
        TestMachine.Write(dist, 0x100 + ((Intid / 32) * 4), 1u << (Intid % 32));
        TestMachine.Write(dist, 0x400 + Intid, 0x40, 1);
        TestMachine.Write(dist, 0xc14, 0x2);

        gic.SpiInput(Spi).Pulse();

        Assert.True(gic.IrqOutput(0).Level);
        Assert.Equal((uint)Intid, TestMachine.Read(cpu, 0x18));
        Assert.Equal((uint)Intid, TestMachine.Read(cpu, 0x0c));
        Assert.False(gic.IrqOutput(0).Level);
        Assert.Equal(0x40u, TestMachine.Read(cpu, 0x14));
        Assert.Equal(0x10000u, TestMachine.Read(dist, 0x308));
        Assert.Equal(0u, TestMachine.Read(dist, 0x208));
        Assert.Equal(0x3ffu, TestMachine.Read(cpu, 0x0c));

        TestMachine.Write(cpu, 0x10, (uint)Intid);

        Assert.Equal(0xffu, TestMachine.Read(cpu, 0x14));
        Assert.Equal(0u, TestMachine.Read(dist, 0x308));
    }

    [Fact]
    public void Group1InterruptReads1022WithoutAckCtl()
    {
        var (dist, cpu, gic) = Create();
        TestMachine.Write(dist, 0x000, 3);
        TestMachine.Write(cpu, 0x00, 3);
        TestMachine.Write(cpu, 0x04, 0xff);
        TestMachine.Write(dist, 0x080 + ((Intid / 32) * 4), 1u << (Intid % 32));
        TestMachine.Write(dist, 0x100 + ((Intid / 32) * 4), 1u << (Intid % 32));

        gic.SpiInput(Spi).Set(true);

        Assert.True(gic.IrqOutput(0).Level);
        Assert.Equal(1022u, TestMachine.Read(cpu, 0x0c));
        TestMachine.Write(cpu, 0x00, 3 | 4);
        Assert.Equal((uint)Intid, TestMachine.Read(cpu, 0x0c));
    }

    [Fact]
    public void SgirRaisesAnSgiWithItsSourceCpuInIar()
    {
        var (dist, cpu, _) = Create();
        TestMachine.Write(dist, 0x000, 1);
        TestMachine.Write(cpu, 0x00, 1);
        TestMachine.Write(cpu, 0x04, 0xff);

        TestMachine.Write(dist, 0xf00, 0x02000003);

        Assert.Equal(0x8u, TestMachine.Read(dist, 0x200));
        Assert.Equal(3u, TestMachine.Read(cpu, 0x0c));
        Assert.Equal(0u, TestMachine.Read(dist, 0x200));
    }

    [Fact]
    public void StateRoundTripRestoresPendingActiveAndPriorities()
    {
        var (dist, cpu, gic) = Create();
        TestMachine.Write(dist, 0xc14, 0x2);
        TestMachine.Write(dist, 0x430, 0xa0, 1);
        TestMachine.Write(cpu, 0x04, 0xf0);
        TestMachine.Write(dist, 0x304, 0x3);
        gic.SpiInput(Spi).Pulse();
        var saved = gic.VmState!.Save();

        var (dist2, cpu2, gic2) = Create();
        gic2.VmState!.Load(saved, ArmGicState.Vmsd.VersionId);

        Assert.Equal(saved, gic2.VmState.Save());
        Assert.Equal(0x10000u, TestMachine.Read(dist2, 0x208));
        Assert.Equal(0x2u, TestMachine.Read(dist2, 0xc14));
        Assert.Equal(0xa0u, TestMachine.Read(dist2, 0x430) & 0xff);
        Assert.Equal(0xf0u, TestMachine.Read(cpu2, 0x04));
        Assert.Equal(0x3u, TestMachine.Read(dist2, 0x304));
    }

    [Fact]
    public void OutOfRangeInterruptsReadZero()
    {
        var (dist, _, _) = Create();

        Assert.Equal(0u, TestMachine.Read(dist, 0x124));
        Assert.Equal(0u, TestMachine.Read(dist, 0x7fc));
        TestMachine.Write(dist, 0x124, 0xffffffff);
        TestMachine.Write(dist, 0xc7c, 0xffffffff);
    }

    private static ulong ReadQ(IMemoryRegionOps ops, ulong offset) =>
        TestMachine.Read(ops, offset) | ((ulong)TestMachine.Read(ops, offset + 4) << 32);

    private static (IMemoryRegionOps Dist, IMemoryRegionOps Cpu, ArmGic Gic) Create()
    {
        var machine = new TestMachine();
        var gic = machine.Create<ArmGic>(ArmGic.TypeName, ("num-irq", "288"), ("revision", "2"));
        return (gic.Mmio[0].Region!.Ops!, gic.Mmio[1].Region!.Ops!, gic);
    }
}
