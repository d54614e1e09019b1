// Watchpoints of ArmCpu as a debug target (ArmCpu.Debug.cs; QEMU 7.2 cpu_check_watchpoint with the Arm CPU's
// BP_STOP_BEFORE_ACCESS, gdb-loop-72.log): the CPU stops before the access with the PC at the instruction, and the
// stop names the watchpoint's address and kind; stepping the instruction then performs the access; overlaps count byte-wise; exception stacking is not a watched access (QEMU writes frames with
// address_space_stl_le on the physical address, which bypasses watchpoints).
using Nemu.Arm.Exceptions;
using Nemu.Arm.Tests.Support;
using Nemu.Core.Debug;

namespace Nemu.Arm.Tests.Debug;

public sealed class WatchpointTests
{
    // 16-bit instructions from 0x200: str at 0x204, ldr at 0x208, strh (unaligned) at 0x20C.
    private const string Accesses = @"
.org 0x200
.thumb_func
start:
    ldr r0, =0x20000100
    movs r1, #0x55
    str r1, [r0]
    movs r2, #1
    ldr r3, [r0, #4]
    movs r4, #2
    strh r1, [r0, r5]
    movs r6, #3
done: b done
";

    [Fact]
    public void WriteWatchpointStopsBeforeTheStoreWithTheWatchedAddress()
    {
        var m = Machine();
        var stops = BreakpointTests.Record(m);
        m.Cpu.AddWatchpoint(0x2000_0100, 4, WatchpointKind.Write);

        m.Cpu.RunSlice(1000);

        Assert.Equal([new DebugStop(DebugStopKind.Watchpoint, 0x2000_0100, WatchpointKind.Write)], stops);
        Assert.Equal(0x204u, m.Cpu.Pc);
        Assert.Equal(0u, m.Read32(0x2000_0100));

        // What gdb does next: remove the watchpoint, step the store, insert it again.
        m.Cpu.RemoveWatchpoint(0x2000_0100, 4, WatchpointKind.Write);
        Assert.Equal(new DebugStop(DebugStopKind.Step), m.Cpu.Step(StepFlags.Default));
        Assert.Equal(0x206u, m.Cpu.Pc);
        Assert.Equal(0x55u, m.Read32(0x2000_0100));
        Assert.Equal(0u, m.R(2));
    }

    [Fact]
    public void ContinuingWithoutSteppingHitsTheSameWatchpointAgain()
    {
        var m = Machine();
        var stops = BreakpointTests.Record(m);
        m.Cpu.AddWatchpoint(0x2000_0100, 4, WatchpointKind.Write);

        m.Cpu.RunSlice(1000);
        m.Cpu.RunSlice(1000);

        Assert.Equal(2, stops.Count);
        Assert.Equal(0x204u, m.Cpu.Pc);
        Assert.Equal(0u, m.Read32(0x2000_0100));
    }

    [Fact]
    public void ReadWatchpointIgnoresWritesAndStopsBeforeTheLoad()
    {
        var m = Machine();
        m.Write32(0x2000_0104, 0x1234);
        var stops = BreakpointTests.Record(m);
        m.Cpu.AddWatchpoint(0x2000_0104, 4, WatchpointKind.Read);
        m.Cpu.AddWatchpoint(0x2000_0100, 4, WatchpointKind.Read);

        m.Cpu.RunSlice(1000);

        Assert.Equal([new DebugStop(DebugStopKind.Watchpoint, 0x2000_0104, WatchpointKind.Read)], stops);
        Assert.Equal(0x208u, m.Cpu.Pc);
        Assert.Equal(0u, m.R(3));
    }

    [Fact]
    public void AccessWatchpointStopsOnWriteThenOnRead()
    {
        var m = Machine();
        var stops = BreakpointTests.Record(m);
        m.Cpu.AddWatchpoint(0x2000_0100, 8, WatchpointKind.Access);

        m.Cpu.RunSlice(1000);
        Assert.Equal(0x204u, m.Cpu.Pc);
        StepOver(m, 0x2000_0100, 8, WatchpointKind.Access);
        m.Cpu.RunSlice(1000);
        Assert.Equal(0x208u, m.Cpu.Pc);

        Assert.Equal(2, stops.Count);
        Assert.All(stops, s => Assert.Equal(new DebugStop(DebugStopKind.Watchpoint, 0x2000_0100, WatchpointKind.Access), s));
    }

    [Theory]
    [InlineData(0x2000_0103ul, 1ul, true)]
    [InlineData(0x2000_00FFul, 2ul, true)]
    [InlineData(0x2000_00FCul, 4ul, false)]
    [InlineData(0x2000_0104ul, 4ul, false)]
    public void PartialOverlapOfAWordStoreTriggers(ulong address, ulong length, bool hits)
    {
        var m = Machine();
        var stops = BreakpointTests.Record(m);
        m.Cpu.AddWatchpoint(address, length, WatchpointKind.Write);

        m.Cpu.RunSlice(6);

        Assert.Equal(hits ? [new DebugStop(DebugStopKind.Watchpoint, address, WatchpointKind.Write)] : [], stops);
        Assert.Equal(hits ? 0x204u : 0x20Cu, m.Cpu.Pc);
    }

    [Fact]
    public void UnalignedStoreIntoTheNextWordTriggers()
    {
        var m = Machine();
        var stops = BreakpointTests.Record(m);
        m.Cpu.SetRegister(5, 3);
        m.Cpu.RunSlice(6);
        m.Cpu.AddWatchpoint(0x2000_0104, 1, WatchpointKind.Write);

        m.Cpu.RunSlice(1000);

        Assert.Single(stops);
        Assert.Equal(0x20Cu, m.Cpu.Pc);
        StepOver(m, 0x2000_0104, 1, WatchpointKind.Write);
        Assert.Equal(0x20Eu, m.Cpu.Pc);
        Assert.Equal(0x55u, m.Read32(0x2000_0100) >> 24);
    }

    [Fact]
    public void RemovedWatchpointNoLongerStops()
    {
        var m = Machine();
        var stops = BreakpointTests.Record(m);
        m.Cpu.AddWatchpoint(0x2000_0100, 4, WatchpointKind.Write);
        Assert.False(m.Cpu.RemoveWatchpoint(0x2000_0100, 4, WatchpointKind.Read));
        Assert.True(m.Cpu.RemoveWatchpoint(0x2000_0100, 4, WatchpointKind.Write));

        m.Cpu.RunSlice(1000);

        Assert.Empty(stops);
        Assert.Equal(3u, m.R(6));
    }

    [Fact]
    public void WatchpointHitDuringAStepIsTheStepsResult()
    {
        var m = Machine();
        var stops = BreakpointTests.Record(m);
        m.Cpu.AddWatchpoint(0x2000_0100, 4, WatchpointKind.Write);
        m.Cpu.Step(StepFlags.Default);
        m.Cpu.Step(StepFlags.Default);

        var stop = m.Cpu.Step(StepFlags.Default);

        Assert.Equal(new DebugStop(DebugStopKind.Watchpoint, 0x2000_0100, WatchpointKind.Write), stop);
        Assert.Equal(0x204u, m.Cpu.Pc);
        Assert.Empty(stops);

        // The step's stop does not leak into the next run.
        StepOver(m, 0x2000_0100, 4, WatchpointKind.Write);
        m.Cpu.RunSlice(2);
        Assert.Equal(0x20Au, m.Cpu.Pc);
    }

    [Fact]
    public void ExceptionStackingIntoAWatchedRangeDoesNotStopAsInQemu()
    {
        var m = new TestMachine();
        m.LoadProgram(@"
.thumb_func
start:
    svc #0
done: b done
.thumb_func
svc_handler:
    movs r5, #1
    ldr r0, =0x20000000
    str r5, [r0]
spin: b spin
", new Dictionary<int, string> { [ExceptionNumber.SvCall] = "svc_handler" });
        var stops = BreakpointTests.Record(m);
        m.Cpu.AddWatchpoint(TestMachine.StackTop - 0x20, 0x20, WatchpointKind.Access);
        m.Cpu.AddWatchpoint(0x2000_0000, 4, WatchpointKind.Write);

        m.Cpu.RunSlice(1000);

        Assert.Equal([new DebugStop(DebugStopKind.Watchpoint, 0x2000_0000, WatchpointKind.Write)], stops);
        Assert.Equal(ExceptionNumber.SvCall, m.Cpu.Ipsr);
        Assert.Equal(1u, m.R(5));
        Assert.Equal(0u, m.Read32(0x2000_0000));
    }

    // gdb's handling of a non-steppable watchpoint: remove it, step the instruction, insert it again.
    private static void StepOver(TestMachine m, ulong address, ulong length, WatchpointKind kind)
    {
        Assert.True(m.Cpu.RemoveWatchpoint(address, length, kind));
        Assert.Equal(new DebugStop(DebugStopKind.Step), m.Cpu.Step(StepFlags.Default));
        m.Cpu.AddWatchpoint(address, length, kind);
    }

    private static TestMachine Machine()
    {
        var m = new TestMachine();
        m.LoadProgram(Accesses);
        return m;
    }
}
