using Nemu.Arm.Cpu;
using Nemu.Arm.Exceptions;
using Nemu.Arm.Tests.Support;

namespace Nemu.Arm.Tests.Cpu;

/// <summary>Derived exceptions and partial unstacking (seed 000; mprofile.md §2.6, §2.7, §3 step 14).</summary>
public sealed class ExceptionDerivedTests
{
    // VTOR at the last 128 bytes of the 1 MiB code RAM: entries 0-31 are readable, IRQ 16 and up lie past the end.
    private const uint TopTable = 0x000F_FF80;

    [Fact]
    public void VectorLoadBusErrorTakesADerivedHardFaultWithVecttblAndForcedOnTheInterruptedFrame()
    {
        var m = new TestMachine();
        m.LoadProgram(@"
.thumb_func
start:
    movs r4, #0
loop:
    adds r4, #1
    b loop
.thumb_func
hardfault:
    mrs r0, msp
    ldr r1, [r0, #24]
    ldr r2, =0x20000000
    str r1, [r2]
    str lr, [r2, #4]
done: b done
", new Dictionary<int, string> { [ExceptionNumber.HardFault] = "hardfault" });
        for (uint i = 0; i < 16; i++)
        {
            m.Write32(TopTable + (4 * i), m.Read32(4 * i));
        }

        m.Nvic.Vtor = TopTable;
        m.Cpu.RunSlice(5);
        var irq = ExceptionNumber.FirstExternal + 20;
        m.Nvic.Vector(irq).Enabled = true;
        m.Nvic.SetPending(irq);
        m.RunUntilStuck();

        Assert.Equal(ExceptionNumber.HardFault, m.Cpu.Ipsr);
        Assert.Equal(FaultStatus.HfsrVectTbl | FaultStatus.HfsrForced, m.Nvic.Hfsr);
        Assert.True(m.Nvic.Vector(irq).Pending);
        Assert.False(m.Nvic.Vector(irq).Active);
        Assert.Equal(0xFFFFFFF9u, m.Read32(0x20000004));
        var stackedPc = m.Read32(0x20000000);
        Assert.InRange(stackedPc, 2u * 48 * 2, 0x200u);
        Assert.Equal(ArmCpuRunState.Running, m.Cpu.State);
    }

    [Fact]
    public void UnreadableHardFaultVectorLocksUp()
    {
        var m = new TestMachine();
        m.LoadProgram(@"
.thumb_func
start:
    udf #0
done: b done
");
        m.Nvic.Vtor = 0x4000_0000;
        m.RunUntilStuck();
        Assert.Equal(ArmCpuRunState.Lockup, m.Cpu.State);
        Assert.Equal(FaultStatus.HfsrVectTbl | FaultStatus.HfsrForced, m.Nvic.Hfsr & (FaultStatus.HfsrVectTbl | FaultStatus.HfsrForced));
    }

    [Fact]
    public void UnstackingFaultKeepsTheRegistersAlreadyPoppedAndTailChainsInHandlerMode()
    {
        var m = new TestMachine();
        m.LoadProgram(@"
.thumb_func
start:
    svc #0
done: b done
.thumb_func
svc_handler:
    ldr r0, =0x000FFFF4
    ldr r1, =0x11111111
    str r1, [r0]
    ldr r1, =0x22222222
    str r1, [r0, #4]
    ldr r1, =0x33333333
    str r1, [r0, #8]
    msr psp, r0
    movs r0, #0
    movs r1, #0
    movs r2, #0
    ldr r3, =0x44444444
    ldr r0, =0xFFFFFFFD
    bx r0
.thumb_func
busfault:
    b busfault
", new Dictionary<int, string> { [ExceptionNumber.SvCall] = "svc_handler", [ExceptionNumber.BusFault] = "busfault" });
        m.Nvic.Vector(ExceptionNumber.BusFault).Enabled = true;
        for (var i = 0; i < 200 && m.Cpu.Ipsr != ExceptionNumber.BusFault; i++)
        {
            m.Cpu.RunSlice(1);
        }

        Assert.Equal(ExceptionNumber.BusFault, m.Cpu.Ipsr);
        Assert.Equal(0x11111111u, m.R(0));
        Assert.Equal(0x22222222u, m.R(1));
        Assert.Equal(0x33333333u, m.R(2));
        Assert.Equal(0x44444444u, m.R(3));
        Assert.Equal(0xFFFFFFFDu, m.R(14));
        Assert.Equal(FaultStatus.UnstkErr, m.Nvic.Cfsr);
        Assert.Equal(0x000FFFF4u, m.Cpu.Psp);
        Assert.True(m.Cpu.ControlSpsel is false);
    }
}
