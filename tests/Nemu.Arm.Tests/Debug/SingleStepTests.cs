// Debugger single step of ArmCpu (IDebugTarget.Step; QEMU's default sstep flags NOIRQ|NOTIMER): exactly one
// instruction per step, reported to the instruction counter; a pending SysTick is not entered on a NoIrq step but
// is taken as the step without it (landing on the handler's first instruction); a timer that becomes due while the
// debugger steps a stopped machine fires only after the machine continues; WFI does not sleep on a step.
using Nemu.Arm.Cpu;
using Nemu.Arm.Exceptions;
using Nemu.Arm.Tests.Support;
using Nemu.Core.Debug;

namespace Nemu.Arm.Tests.Debug;

public sealed class SingleStepTests
{
    // From 0x200: ldr (16-bit), mov.w (the assembler's form of ldr r1, =0x04000000), the PENDSTSET store at 0x206, then 0x208 and 0x20A.
    private const string PendSysTick = @"
.org 0x200
.thumb_func
start:
    ldr r0, =0xE000ED04
    ldr r1, =0x04000000
    str r1, [r0]
    movs r2, #1
    movs r3, #2
done: b done
.org 0x300
.thumb_func
systick:
    movs r4, #9
spin: b spin
";

    [Fact]
    public void NoIrqStepWithSysTickPendingExecutesTheNextInstruction()
    {
        using var m = Machine(PendSysTick);
        for (var i = 0; i < 3; i++)
        {
            m.Cpu.Step(StepFlags.Default);
        }

        Assert.True(m.Cpu.Nvic.CanTakePending());
        var stop = m.Cpu.Step(StepFlags.Default);

        Assert.Equal(DebugStopKind.Step, stop.Kind);
        Assert.Equal(0x20Au, m.Cpu.Pc);
        Assert.Equal(1u, m.Cpu.GetRegister(2));
        Assert.Equal(0, m.Cpu.Ipsr);
    }

    [Fact]
    public void StepWithoutNoIrqTakesThePendingSysTickAsTheStep()
    {
        using var m = Machine(PendSysTick);
        for (var i = 0; i < 3; i++)
        {
            m.Cpu.Step(StepFlags.Default);
        }

        var count = m.Cpu.InstructionCount;
        var stop = m.Cpu.Step(StepFlags.None);

        Assert.Equal(DebugStopKind.Step, stop.Kind);
        Assert.Equal(ExceptionNumber.SysTick, m.Cpu.Ipsr);
        Assert.Equal(0x300u, m.Cpu.Pc);
        Assert.Equal(0u, m.Cpu.GetRegister(2));
        Assert.Equal(count, m.Cpu.InstructionCount);

        m.Cpu.Step(StepFlags.None);
        Assert.Equal(9u, m.Cpu.GetRegister(4));
    }

    [Fact]
    public void EachStepCountsOneInstructionToTheCounter()
    {
        using var m = Machine(PendSysTick);
        var counted = m.Time.Virtual.InstructionCount;
        for (var i = 1; i <= 5; i++)
        {
            m.Cpu.Step(StepFlags.Default);
            Assert.Equal(i, m.Cpu.InstructionCount);
            Assert.Equal(counted + i, m.Time.Virtual.InstructionCount);
        }
    }

    [Fact]
    public void SysTickDueWhileSteppingFiresOnlyAfterContinue()
    {
        // SysTick on the processor clock with reload 1: due every two ticks (80 ns under icount shift 0 at 25 MHz).
        using var m = Machine(@"
.org 0x200
.thumb_func
start:
    ldr r0, =0xE000E010
    movs r1, #1
    str r1, [r0, #4]
    movs r1, #7
    str r1, [r0]
loop:
    adds r2, #1
    b loop
.org 0x300
.thumb_func
systick:
    movs r4, #9
spin: b spin
");
        for (var i = 0; i < 300; i++)
        {
            m.Cpu.Step(StepFlags.Default);
            Assert.Equal(0, m.Cpu.Ipsr);
        }

        Assert.True(m.Cpu.GetRegister(2) > 100);
        m.Time.Start();
        Assert.True(m.Loop.RunUntil(() => m.Cpu.Ipsr == ExceptionNumber.SysTick, TimeSpan.FromSeconds(30)));
    }

    [Fact]
    public void StepOverWfiDoesNotSleep()
    {
        using var m = Machine(@"
.org 0x200
.thumb_func
start:
    wfi
    movs r0, #1
done: b done
.thumb_func
systick: b systick
");
        m.Cpu.Step(StepFlags.Default);

        Assert.Equal(ArmCpuRunState.Running, m.Cpu.State);
        Assert.Equal(0x202u, m.Cpu.Pc);
        m.Cpu.Step(StepFlags.Default);
        Assert.Equal(1u, m.Cpu.GetRegister(0));
    }

    [Fact]
    public void StepOfAFaultingInstructionLandsOnTheHandler()
    {
        var m = new TestMachine();
        m.LoadProgram(@"
.org 0x200
.thumb_func
start:
    svc #0
done: b done
.org 0x300
.thumb_func
svc_handler:
    movs r4, #9
spin: b spin
", new Dictionary<int, string> { [ExceptionNumber.SvCall] = "svc_handler" });

        m.Cpu.Step(StepFlags.Default);

        Assert.Equal(ExceptionNumber.SvCall, m.Cpu.Ipsr);
        Assert.Equal(0x300u, m.Cpu.Pc);
        Assert.Equal(1, m.Cpu.InstructionCount);
    }

    [Fact]
    public void StepOfAStoppedCoreExecutesNothing()
    {
        using var m = new Armv7mMachine(startPoweredOff: true);
        m.Load(Assembler.Assemble(TestMachine.ProgramSource(".thumb_func\nstart:\n movs r0, #1\ndone: b done\n")));
        m.Armv7m.Reset();
        var pc = m.Cpu.Pc;

        Assert.Equal(DebugStopKind.Step, m.Cpu.Step(StepFlags.Default).Kind);

        Assert.Equal(pc, m.Cpu.Pc);
        Assert.Equal(0, m.Cpu.InstructionCount);
    }

    // The machine as the debugger sees it: reset, virtual time stopped (vm_stop(RUN_STATE_DEBUG)).
    private static Armv7mMachine Machine(string body)
    {
        var m = new Armv7mMachine();
        m.Load(Assembler.Assemble(TestMachine.ProgramSource(body, new Dictionary<int, string> { [ExceptionNumber.SysTick] = "systick" })));
        m.Armv7m.Reset();
        return m;
    }
}
