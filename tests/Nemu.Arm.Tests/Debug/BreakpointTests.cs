// Breakpoints of ArmCpu as a debug target (ArmCpu.Debug.cs; QEMU's check_for_breakpoints): the CPU stops before the
// instruction at the address on the fast path (decoded slots), the slow path (tracing), inside IT blocks and after a
// branch into another page; resuming at a breakpoint stops again; removing it runs through.
using Nemu.Arm.Tests.Support;
using Nemu.Core.Debug;

namespace Nemu.Arm.Tests.Debug;

public sealed class BreakpointTests
{
    // 16-bit instructions at fixed addresses (.org): start 0x200, loop 0x202..0x206, after the loop 0x208.
    private const string CountLoop = @"
.org 0x200
.thumb_func
start:
    movs r0, #0
loop:
    adds r0, #1
    cmp r0, #100
    bne loop
    movs r1, #7
done: b done
";

    [Fact]
    public void BreakpointInADecodedPageStopsBeforeTheInstruction()
    {
        var m = new TestMachine();
        m.LoadProgram(CountLoop);
        var stops = Record(m);
        m.Cpu.RunSlice(20);
        Assert.Empty(stops);

        m.Cpu.AddBreakpoint(0x208);
        m.Cpu.RunSlice(100_000);

        Assert.Equal([new DebugStop(DebugStopKind.Breakpoint)], stops);
        Assert.Equal(0x208u, m.Cpu.Pc);
        Assert.Equal(100u, m.R(0));
        Assert.Equal(0u, m.R(1));
        Assert.Equal(1 + (100 * 3), m.Cpu.InstructionCount);
    }

    [Fact]
    public void ResumingAtABreakpointStopsAgainWithoutExecuting()
    {
        var m = new TestMachine();
        m.LoadProgram(CountLoop);
        var stops = Record(m);
        m.Cpu.AddBreakpoint(0x208);
        m.Cpu.RunSlice(100_000);
        var count = m.Cpu.InstructionCount;

        m.Cpu.RunSlice(100_000);

        Assert.Equal(2, stops.Count);
        Assert.Equal(0x208u, m.Cpu.Pc);
        Assert.Equal(count, m.Cpu.InstructionCount);
        Assert.Equal(0u, m.R(1));
    }

    [Fact]
    public void RemovedBreakpointRunsThrough()
    {
        var m = new TestMachine();
        m.LoadProgram(CountLoop);
        var stops = Record(m);
        m.Cpu.AddBreakpoint(0x208);
        m.Cpu.RunSlice(100_000);

        Assert.True(m.Cpu.RemoveBreakpoint(0x208));
        Assert.False(m.Cpu.RemoveBreakpoint(0x208));
        m.Cpu.RunSlice(1000);

        Assert.Single(stops);
        Assert.Equal(7u, m.R(1));
    }

    [Fact]
    public void BreakpointInsideALoopStopsOnEveryPass()
    {
        var m = new TestMachine();
        m.LoadProgram(CountLoop);
        var stops = Record(m);
        m.Cpu.AddBreakpoint(0x204);
        for (var i = 1; i <= 5; i++)
        {
            m.Cpu.RunSlice(100_000);
            Assert.Equal(0x204u, m.Cpu.Pc);
            Assert.Equal((uint)i, m.R(0));

            // What gdb does to continue: remove, step, re-insert.
            m.Cpu.RemoveBreakpoint(0x204);
            Assert.Equal(DebugStopKind.Step, m.Cpu.Step(StepFlags.Default).Kind);
            m.Cpu.AddBreakpoint(0x204);
        }

        Assert.Equal(5, stops.Count);
    }

    [Fact]
    public void BreakpointOnTheSlowPathStopsBeforeTheInstruction()
    {
        var m = new TestMachine();
        m.LoadProgram(CountLoop);
        var stops = Record(m);
        var traced = new List<uint>();
        m.Cpu.TraceHook = (_, pc) => traced.Add(pc);
        m.Cpu.AddBreakpoint(0x208);

        m.Cpu.RunSlice(100_000);

        Assert.Single(stops);
        Assert.Equal(0x208u, m.Cpu.Pc);
        Assert.Equal(0u, m.R(1));
        Assert.DoesNotContain(0x208u, traced);
        Assert.Equal(1 + (100 * 3), m.Cpu.InstructionCount);
    }

    [Fact]
    public void BreakpointAfterABranchIntoAnotherPageStops()
    {
        var m = new TestMachine();
        m.LoadProgram(@"
.org 0x200
.thumb_func
start:
    movs r0, #0
back:
    adds r0, #1
    b far
.org 0x800
far:
    movs r2, #1
    b back
");
        var stops = Record(m);
        m.Cpu.RunSlice(31);

        m.Cpu.AddBreakpoint(0x800);
        m.Cpu.RunSlice(100_000);

        Assert.Single(stops);
        Assert.Equal(0x800u, m.Cpu.Pc);
    }

    [Fact]
    public void BreakpointOnNotYetDecodedCodeStops()
    {
        var m = new TestMachine();
        m.LoadProgram(CountLoop);
        var stops = Record(m);
        m.Cpu.AddBreakpoint(0x202);

        m.Cpu.RunSlice(100_000);

        Assert.Single(stops);
        Assert.Equal(0x202u, m.Cpu.Pc);
        Assert.Equal(1, m.Cpu.InstructionCount);
    }

    // ite eq at 0x206: moveq at 0x208 (first of the block, which the IT handler runs itself on the fast path),
    // movne at 0x20A (second, through the IT-block path).
    private const string ItLoop = @"
.org 0x200
.thumb_func
start:
    movs r0, #0
loop:
    adds r0, #1
    cmp r0, #50
    ite eq
    moveq r1, #1
    movne r1, #2
    bne loop
    movs r2, #5
done: b done
";

    [Theory]
    [InlineData(0x208u)]
    [InlineData(0x20Au)]
    public void BreakpointInAnItBlockStopsBeforeTheInstruction(uint address)
    {
        var m = new TestMachine();
        m.LoadProgram(ItLoop);
        var stops = Record(m);
        m.Cpu.RunSlice(40);
        var passes = m.R(0);

        m.Cpu.AddBreakpoint(address);
        m.Cpu.RunSlice(100_000);

        Assert.Single(stops);
        Assert.Equal(address, m.Cpu.Pc);
        Assert.NotEqual(0, m.Cpu.ItState & 0xF);
        Assert.True(m.R(0) is var r0 && r0 >= passes && r0 <= passes + 1);

        // Run through: the IT state survived the stop, so the block finishes correctly.
        m.Cpu.RemoveBreakpoint(address);
        m.Cpu.RunSlice(100_000);
        Assert.Equal(50u, m.R(0));
        Assert.Equal(1u, m.R(1));
        Assert.Equal(5u, m.R(2));
    }

    [Fact]
    public void BreakpointsDoNotStopADebuggerStep()
    {
        var m = new TestMachine();
        m.LoadProgram(CountLoop);
        var stops = Record(m);
        m.Cpu.AddBreakpoint(0x200);

        var stop = m.Cpu.Step(StepFlags.Default);

        Assert.Equal(DebugStopKind.Step, stop.Kind);
        Assert.Equal(0x202u, m.Cpu.Pc);
        Assert.Empty(stops);
    }

    internal static List<DebugStop> Record(TestMachine m)
    {
        var stops = new List<DebugStop>();
        m.Cpu.DebugStopped += stops.Add;
        return stops;
    }
}
