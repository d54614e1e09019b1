// FP context on exception entry and return (ArmCpu.FpContext.cs; mprofile.md §2.3 step 7, §3 step 17, §3.6), driven
// through the entry points the exception code calls (PushFpContext, PopFpContext) and through FP instructions
// (PreserveFpState). Expected FPCCR values are the ones qemu-system-arm 7.2 shows (tests/firmware/mprofile/b23).
using Nemu.Arm.Cpu;
using Nemu.Arm.Exceptions;
using Nemu.Arm.Tests.Support;

namespace Nemu.Arm.Tests.Cpu;

public sealed class ArmCpuFpContextTests
{
    private const uint Frame = TestMachine.RamBase + 0x1000;
    private const uint Sentinel = 0xA5A5A5A5;

    private static TestMachine M4(string body = "done: b done\n")
    {
        var m = new TestMachine("cortex-m4");
        m.LoadProgram(".fpu fpv4-sp-d16\n.thumb_func\nstart:\n" + body, cpu: "cortex-m4");
        m.Cpu.CpacrValue = 0x00F0_0000;
        for (var i = 0; i < 32; i++)
        {
            m.Cpu.SetSingle(i, 0x3F80_0000u + (uint)i);
        }

        m.Cpu.FpscrValue = 0x03C0_0000;
        for (var a = Frame; a < Frame + 0x68; a += 4)
        {
            m.Write32(a, Sentinel);
        }

        return m;
    }

    [Fact]
    public void LazyEntryRecordsTheContextInFpccrAndFpcarWithoutWriting()
    {
        var m = M4();

        Assert.True(m.Cpu.PushFpContext(Frame, privileged: true, negPri: false, stackedOk: true));

        Assert.Equal(0xC000_0019u, m.Cpu.FpccrValue);
        Assert.Equal(Frame + 0x20, m.Cpu.FpcarValue);
        Assert.Equal(Sentinel, m.Read32(Frame + 0x20));
        Assert.Equal(Sentinel, m.Read32(Frame + 0x60));
        Assert.Equal(0x3F80_0000u, m.Cpu.GetSingle(0));
        Assert.Equal(0x03C0_0000u, m.Cpu.FpscrValue);
    }

    [Fact]
    public void LazyEntrySetsReadyBitsOfEnabledFaultsAndUserForUnprivilegedCode()
    {
        var m = M4();
        m.Nvic.Vector(ExceptionNumber.MemManage).Enabled = true;
        m.Nvic.Vector(ExceptionNumber.BusFault).Enabled = true;
        m.Nvic.Vector(ExceptionNumber.UsageFault).Enabled = true;

        m.Cpu.PushFpContext(Frame, privileged: false, negPri: false, stackedOk: true);

        Assert.Equal(0xC000_047Bu, m.Cpu.FpccrValue);
    }

    [Fact]
    public void LazyEntryKeepsAnEarlierStackingFailure()
    {
        var m = M4();

        Assert.False(m.Cpu.PushFpContext(Frame, privileged: true, negPri: false, stackedOk: false));
        Assert.NotEqual(0u, m.Cpu.FpccrValue & ArmCpu.FpccrLspact);
    }

    [Fact]
    public void ImmediateStackingWritesS0ToS15AndFpscrThenZeroesThem()
    {
        var m = M4();
        m.Cpu.FpccrValue = ArmCpu.FpccrAspen;

        Assert.True(m.Cpu.PushFpContext(Frame, privileged: true, negPri: false, stackedOk: true));

        for (var i = 0u; i < 16; i++)
        {
            Assert.Equal(0x3F80_0000u + i, m.Read32(Frame + 0x20 + (4 * i)));
            Assert.Equal(0u, m.Cpu.GetSingle((int)i));
        }

        Assert.Equal(0x03C0_0000u, m.Read32(Frame + 0x60));
        Assert.Equal(Sentinel, m.Read32(Frame + 0x64));
        Assert.Equal(0u, m.Cpu.FpscrValue);
        Assert.Equal(0x3F80_0010u, m.Cpu.GetSingle(16));
        Assert.Equal(0u, m.Cpu.FpccrValue & ArmCpu.FpccrLspact);
    }

    [Fact]
    public void ImmediateStackingWithoutCpacrAccessPendsNoCpAndWritesNothing()
    {
        var m = M4();
        m.Cpu.FpccrValue = ArmCpu.FpccrAspen;
        m.Cpu.CpacrValue = 0x0050_0000;

        Assert.False(m.Cpu.PushFpContext(Frame, privileged: false, negPri: false, stackedOk: true));

        Assert.NotEqual(0u, m.Nvic.Cfsr & FaultStatus.NoCp);
        Assert.True(m.Nvic.Vector(ExceptionNumber.HardFault).Pending);
        Assert.Equal(Sentinel, m.Read32(Frame + 0x20));
        Assert.Equal(0x3F80_0000u, m.Cpu.GetSingle(0));
        Assert.Equal(0x03C0_0000u, m.Cpu.FpscrValue);
    }

    [Fact]
    public void ImmediateStackingAfterAFailedBasicFrameWritesNothingButStillZeroes()
    {
        var m = M4();
        m.Cpu.FpccrValue = ArmCpu.FpccrAspen;

        Assert.False(m.Cpu.PushFpContext(Frame, privileged: true, negPri: false, stackedOk: false));

        Assert.Equal(Sentinel, m.Read32(Frame + 0x20));
        Assert.Equal(0u, m.Cpu.GetSingle(0));
        Assert.Equal(0u, m.Nvic.Cfsr);
    }

    [Fact]
    public void FaultDuringTheFpPushStopsAtTheFirstFailedWordAndPendsOneFault()
    {
        var m = M4();
        m.Cpu.FpccrValue = ArmCpu.FpccrAspen;
        // S0-S3 fit below the end of RAM, S4 is the first word past it.
        var frame = TestMachine.RamBase + TestMachine.RamSize - 0x30;

        Assert.False(m.Cpu.PushFpContext(frame, privileged: true, negPri: false, stackedOk: true));

        Assert.Equal(0x3F80_0003u, m.Read32(frame + 0x2C));
        Assert.Equal(FaultStatus.StkErr, m.Nvic.Cfsr);
        Assert.True(m.Nvic.Vector(ExceptionNumber.HardFault).Pending);
        Assert.Equal(0u, m.Cpu.GetSingle(0));
    }

    [Fact]
    public void ReturnWithLspactSetOnlyClearsIt()
    {
        var m = M4();
        m.Cpu.PushFpContext(Frame, privileged: true, negPri: false, stackedOk: true);

        Assert.True(m.Cpu.PopFpContext(Frame, privileged: true, negPri: false, out _));

        Assert.Equal(0xC000_0018u, m.Cpu.FpccrValue);
        Assert.Equal(0x3F80_0000u, m.Cpu.GetSingle(0));
        Assert.Equal(0x03C0_0000u, m.Cpu.FpscrValue);
    }

    [Fact]
    public void ReturnPopsS0ToS15AndFpscr()
    {
        var m = M4();
        for (var i = 0u; i < 16; i++)
        {
            m.Write32(Frame + 0x20 + (4 * i), 0x4000_0000u + i);
        }

        m.Write32(Frame + 0x60, 0xFFFF_FFFF);

        Assert.True(m.Cpu.PopFpContext(Frame, privileged: true, negPri: false, out _));

        for (var i = 0; i < 16; i++)
        {
            Assert.Equal(0x4000_0000u + (uint)i, m.Cpu.GetSingle(i));
        }

        Assert.Equal(Nemu.Arm.Fp.FpscrFlags.WritableMask, m.Cpu.FpscrValue);
    }

    [Fact]
    public void ReturnWithoutCpacrAccessPendsNoCpAndPopsNothing()
    {
        var m = M4();
        m.Cpu.CpacrValue = 0x0050_0000;

        Assert.False(m.Cpu.PopFpContext(Frame, privileged: false, negPri: false, out _));

        Assert.NotEqual(0u, m.Nvic.Cfsr & FaultStatus.NoCp);
        Assert.Equal(0x3F80_0000u, m.Cpu.GetSingle(0));
    }

    [Fact]
    public void FailedFpPopZeroesTheRegistersAndStillReturns()
    {
        var m = M4();
        var frame = TestMachine.RamBase + TestMachine.RamSize - 0x30;

        Assert.True(m.Cpu.PopFpContext(frame, privileged: true, negPri: false, out _));

        Assert.Equal(FaultStatus.UnstkErr, m.Nvic.Cfsr);
        Assert.Equal(0u, m.Cpu.GetSingle(0));
        Assert.Equal(0u, m.Cpu.GetSingle(15));
        Assert.Equal(0u, m.Cpu.FpscrValue);
    }

    [Fact]
    public void FirstFpInstructionSavesTheLazyContextAtFpcarAndClearsLspact()
    {
        var m = M4("vmov r0, s0\ndone: b done\n");
        m.Cpu.PushFpContext(Frame, privileged: true, negPri: false, stackedOk: true);

        m.RunUntilStuck();

        Assert.Equal(0x3F80_0000u, m.R(0));
        for (var i = 0u; i < 16; i++)
        {
            Assert.Equal(0x3F80_0000u + i, m.Read32(Frame + 0x20 + (4 * i)));
        }

        Assert.Equal(0x03C0_0000u, m.Read32(Frame + 0x60));
        Assert.Equal(Sentinel, m.Read32(Frame + 0x64));
        Assert.Equal(0u, m.Cpu.FpccrValue & ArmCpu.FpccrLspact);
    }

    [Fact]
    public void IntegerInstructionsLeaveTheLazyContextAlone()
    {
        var m = M4("movs r0, #1\ndone: b done\n");
        m.Cpu.PushFpContext(Frame, privileged: true, negPri: false, stackedOk: true);

        m.RunUntilStuck();

        Assert.Equal(Sentinel, m.Read32(Frame + 0x20));
        Assert.NotEqual(0u, m.Cpu.FpccrValue & ArmCpu.FpccrLspact);
    }

    [Fact]
    public void LazySaveBusErrorThatCanPreemptIsTakenBeforeTheInstruction()
    {
        var m = M4("vmrs r0, fpscr\ndone: b done\n");
        var pc = m.Cpu.Pc;
        m.Cpu.PushFpContext(0x3000_0000, privileged: true, negPri: false, stackedOk: true);

        m.Cpu.RunSlice(2);

        Assert.Equal(FaultStatus.LspErr, m.Nvic.Cfsr);
        Assert.Equal(ExceptionNumber.HardFault, m.Cpu.Ipsr);
        Assert.Equal(pc, m.Read32(m.Cpu.GetRegister(13) + 0x18));
        Assert.NotEqual(0u, m.Cpu.FpccrValue & ArmCpu.FpccrLspact);
        Assert.Equal(0u, m.R(0));
    }

    [Fact]
    public void LazySaveChecksCpacrForTheSavedContextsPrivilege()
    {
        var m = M4("vmov r0, s1\ndone: b done\n");
        m.Cpu.PushFpContext(Frame, privileged: false, negPri: false, stackedOk: true);
        m.Cpu.CpacrValue = 0x0050_0000;

        m.Cpu.RunSlice(2);

        Assert.Equal(FaultStatus.NoCp, m.Nvic.Cfsr);
        Assert.Equal(ExceptionNumber.HardFault, m.Cpu.Ipsr);
        Assert.Equal(Sentinel, m.Read32(Frame + 0x20));
    }
}
