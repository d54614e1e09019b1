// RoundRobinCpuRunner and debug stops: a breakpoint on one CPU ends the round, so no other CPU runs after it in the
// same slice (QEMU's rr loop leaves on EXCP_DEBUG).
using Nemu.Arm.Tests.Support;
using Nemu.Core.Debug;
using Nemu.Core.Threading;

namespace Nemu.Arm.Tests.Debug;

public sealed class RoundRobinDebugStopTests
{
    private const string Loop = @"
.org 0x200
.thumb_func
start:
    movs r0, #0
loop:
    adds r0, #1
    b loop
";

    [Fact]
    public void BreakpointOnTheFirstCpuStopsTheRound()
    {
        var a = new TestMachine();
        var b = new TestMachine();
        a.LoadProgram(Loop);
        b.LoadProgram(Loop);
        var runner = new RoundRobinCpuRunner([a.Cpu, b.Cpu], quantum: 100);
        var stops = BreakpointTests.Record(a);
        a.Cpu.AddBreakpoint(0x202);

        runner.RunSlice(1000);

        Assert.Equal([new DebugStop(DebugStopKind.Breakpoint)], stops);
        Assert.Equal(1, a.Cpu.InstructionCount);
        Assert.Equal(0, b.Cpu.InstructionCount);
    }

    [Fact]
    public void BothCpusStopAtTheirBreakpointsInTurn()
    {
        var a = new TestMachine();
        var b = new TestMachine();
        a.LoadProgram(Loop);
        b.LoadProgram(Loop);
        var runner = new RoundRobinCpuRunner([a.Cpu, b.Cpu], quantum: 100);
        var stopsA = BreakpointTests.Record(a);
        var stopsB = BreakpointTests.Record(b);
        b.Cpu.AddBreakpoint(0x204);

        runner.RunSlice(1000);

        Assert.Empty(stopsA);
        Assert.Single(stopsB);
        Assert.Equal(0x204u, b.Cpu.Pc);
        Assert.Equal(100, a.Cpu.InstructionCount);
    }
}
