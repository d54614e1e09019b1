using Nemu.Arm.Cpu;
using Nemu.Arm.Exceptions;
using Nemu.Arm.Tests.Support;

namespace Nemu.Arm.Tests.Cpu;

public sealed class ExceptionModelTests
{
    [Fact]
    public void SvcStacksTheNextInstructionAndReturnsThroughExcReturn()
    {
        var m = new TestMachine();
        m.LoadProgram(@"
.thumb_func
start:
    movs r0, #0
    svc #5
after:
    movs r7, #42
done: b done
.thumb_func
svc_handler:
    ldr r0, =0x20000000
    str lr, [r0]
    mov r1, sp
    str r1, [r0, #4]
    ldr r1, [sp, #24]
    str r1, [r0, #8]
    ldr r1, [sp, #28]
    str r1, [r0, #12]
    mrs r1, ipsr
    str r1, [r0, #16]
    bx lr
", new Dictionary<int, string> { [ExceptionNumber.SvCall] = "svc_handler" });
        m.RunUntilStuck();
        Assert.Equal(42u, m.R(7));
        Assert.Equal(0xFFFFFFF9u, m.Read32(0x20000000));
        Assert.Equal(TestMachine.StackTop - 0x20, m.Read32(0x20000004));
        var stackedPc = m.Read32(0x20000008);
        Assert.Equal(0x272Au, m.ReadHalf(stackedPc));
        Assert.Equal(0x41000000u, m.Read32(0x2000000C));
        Assert.Equal((uint)ExceptionNumber.SvCall, m.Read32(0x20000010));
        Assert.Equal(TestMachine.StackTop, m.Cpu.Msp);
        Assert.Equal(0, m.Cpu.Ipsr);
    }

    [Fact]
    public void ExceptionEntryLrDependsOnModeAndStack()
    {
        var m = new TestMachine();
        m.LoadProgram(@"
.thumb_func
start:
    svc #0
    ldr r0, =0x20002000
    msr psp, r0
    movs r0, #2
    msr control, r0
    isb
    svc #0
    ldr r0, =0x20000020
    ldr r4, [r0]
    ldr r5, [r0, #4]
done: b done
.thumb_func
svc_handler:
    ldr r0, =0x20000020
    ldr r1, =0x20000024
    ldr r2, [r0, #8]
    adds r2, #1
    str r2, [r0, #8]
    cmp r2, #1
    it ne
    movne r0, r1
    str lr, [r0]
    bx lr
", new Dictionary<int, string> { [ExceptionNumber.SvCall] = "svc_handler" });
        m.RunUntilStuck();
        Assert.Equal(0xFFFFFFF9u, m.R(4));
        Assert.Equal(0xFFFFFFFDu, m.R(5));
        Assert.Equal(0x20002000u, m.Cpu.Psp);
    }

    [Fact]
    public void FrameIsRealignedWhenSpIsNotEightByteAligned()
    {
        var m = new TestMachine();
        m.LoadProgram(@"
.thumb_func
start:
    sub sp, #4
    svc #0
    mov r6, sp
done: b done
.thumb_func
svc_handler:
    mov r5, sp
    ldr r4, [sp, #28]
    bx lr
", new Dictionary<int, string> { [ExceptionNumber.SvCall] = "svc_handler" });
        m.RunUntilStuck();
        Assert.Equal(TestMachine.StackTop - 4 - 4 - 0x20, m.R(5));
        Assert.Equal(1u << 9, m.R(4) & (1u << 9));
        Assert.Equal(TestMachine.StackTop - 4, m.R(6));
    }

    [Fact]
    public void ExternalInterruptPreemptsThreadCodeAndResumesIt()
    {
        var m = new TestMachine();
        m.LoadProgram(@"
.thumb_func
start:
    movs r4, #0
loop:
    adds r4, #1
    cmp r4, #100
    bne loop
done: b done
.thumb_func
irq3:
    ldr r0, =0x20000000
    str r4, [r0]
    bx lr
", new Dictionary<int, string> { [ExceptionNumber.FirstExternal + 3] = "irq3" });
        m.Nvic.Vector(ExceptionNumber.FirstExternal + 3).Enabled = true;
        for (var i = 0; i < 20; i++)
        {
            m.Cpu.RunSlice(1);
        }

        m.Nvic.IrqInputs[3].Raise();
        m.Nvic.IrqInputs[3].Lower();
        m.RunUntilStuck();
        Assert.Equal(100u, m.R(4));
        var seen = m.Read32(0x20000000);
        Assert.InRange(seen, 1u, 20u);
    }

    [Fact]
    public void PrimaskHoldsOffInterruptsUntilCleared()
    {
        var m = new TestMachine();
        m.LoadProgram(@"
.thumb_func
start:
    cpsid i
    movs r4, #0
    ldr r0, =0x20000000
    str r4, [r0]
    adds r4, #1
    cpsie i
    nop
done: b done
.thumb_func
irq0:
    ldr r0, =0x20000000
    str r4, [r0, #4]
    bx lr
", new Dictionary<int, string> { [ExceptionNumber.FirstExternal] = "irq0" });
        m.Nvic.Vector(ExceptionNumber.FirstExternal).Enabled = true;
        m.Cpu.RunSlice(2);
        m.Nvic.IrqInputs[0].Pulse();
        m.RunUntilStuck();
        Assert.Equal(1u, m.Read32(0x20000004));
    }

    [Theory]
    [InlineData("cortex-m0", true)]
    [InlineData("cortex-m3", false)]
    public void UnalignedWordLoadFaultsOnlyOnArmV6M(string cpu, bool faults)
    {
        var m = new TestMachine(cpu);
        m.LoadProgram(@"
.thumb_func
start:
    ldr r0, =0x20000001
    ldr r1, [r0]
    movs r7, #1
done: b done
.thumb_func
hardfault:
    movs r7, #2
hf: b hf
", new Dictionary<int, string> { [ExceptionNumber.HardFault] = "hardfault" }, cpu: cpu);
        m.RunUntilStuck();
        Assert.Equal(faults ? 2u : 1u, m.R(7));
    }

    [Fact]
    public void LdmFromAnUnalignedAddressFaultsOnArmV7M()
    {
        var m = new TestMachine();
        m.LoadProgram(@"
.thumb_func
start:
    ldr r0, =0x20000002
    ldm r0, {r1, r2}
    movs r7, #1
done: b done
.thumb_func
hardfault:
    movs r7, #2
hf: b hf
", new Dictionary<int, string> { [ExceptionNumber.HardFault] = "hardfault" });
        m.RunUntilStuck();
        Assert.Equal(2u, m.R(7));
        Assert.NotEqual(0u, m.Nvic.Cfsr & FaultStatus.Unaligned);
        Assert.NotEqual(0u, m.Nvic.Hfsr & FaultStatus.HfsrForced);
    }

    [Fact]
    public void DivideByZeroTrapsWhenCcrDiv0TrpIsSetAndUsageFaultEnabled()
    {
        var m = new TestMachine();
        m.LoadProgram(@"
.thumb_func
start:
    movs r0, #1
    movs r1, #0
faulting:
    udiv r2, r0, r1
    movs r7, #1
done: b done
.thumb_func
usagefault:
    ldr r6, [sp, #24]
    movs r7, #3
uf: b uf
", new Dictionary<int, string> { [ExceptionNumber.UsageFault] = "usagefault" });
        m.Nvic.Ccr |= 1u << 4;
        m.Nvic.Vector(ExceptionNumber.UsageFault).Enabled = true;
        m.RunUntilStuck();
        Assert.Equal(3u, m.R(7));
        Assert.NotEqual(0u, m.Nvic.Cfsr & FaultStatus.DivByZero);
        Assert.Equal(0u, m.Nvic.Hfsr);
        Assert.Equal(0xFBB0u, m.ReadHalf(m.R(6)));
    }

    [Fact]
    public void BranchToAnEvenAddressRaisesInvalidState()
    {
        var m = new TestMachine();
        m.LoadProgram(@"
.thumb_func
start:
    ldr r0, =target
    bx r0
target:
    movs r7, #1
done: b done
.thumb_func
hardfault:
    movs r7, #2
hf: b hf
", new Dictionary<int, string> { [ExceptionNumber.HardFault] = "hardfault" });
        m.RunUntilStuck();
        Assert.Equal(2u, m.R(7));
        Assert.NotEqual(0u, m.Nvic.Cfsr & FaultStatus.InvState);
    }

    [Fact]
    public void UndefinedInstructionEscalatesToHardFaultWithForced()
    {
        var m = new TestMachine();
        m.LoadProgram(@"
.thumb_func
start:
    udf #1
done: b done
.thumb_func
hardfault:
    movs r7, #2
hf: b hf
", new Dictionary<int, string> { [ExceptionNumber.HardFault] = "hardfault" });
        m.RunUntilStuck();
        Assert.Equal(2u, m.R(7));
        Assert.NotEqual(0u, m.Nvic.Cfsr & FaultStatus.UndefInstr);
        Assert.NotEqual(0u, m.Nvic.Hfsr & FaultStatus.HfsrForced);
    }

    [Fact]
    public void BusErrorOnDataLoadIsAPreciseBusFaultWithBfar()
    {
        var m = new TestMachine();
        m.LoadProgram(@"
.thumb_func
start:
    ldr r0, =0x30000000
    ldr r1, [r0]
done: b done
.thumb_func
hardfault:
    movs r7, #2
hf: b hf
", new Dictionary<int, string> { [ExceptionNumber.HardFault] = "hardfault" });
        m.RunUntilStuck();
        Assert.Equal(2u, m.R(7));
        Assert.Equal(0x30000000u, m.Nvic.Bfar);
        Assert.Equal(FaultStatus.PreciseErr | FaultStatus.BfarValid, m.Nvic.Cfsr);
    }

    [Fact]
    public void FaultInsideHardFaultLocksUp()
    {
        var m = new TestMachine();
        m.LoadProgram(@"
.thumb_func
start:
    udf #0
done: b done
.thumb_func
hardfault:
    udf #1
hf: b hf
", new Dictionary<int, string> { [ExceptionNumber.HardFault] = "hardfault" });
        m.RunUntilStuck();
        Assert.Equal(ArmCpuRunState.Lockup, m.Cpu.State);
    }
}
