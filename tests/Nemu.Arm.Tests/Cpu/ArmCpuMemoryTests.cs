// The CPU's data access paths (ArmCpu.Memory.cs): RAM and ROM through the SoftTlb without flushing icount, device
// accesses with the instruction count flushed first (QEMU icount semantics), and memory map changes after the TLB
// was filled seen by the next access with exact fault semantics.
using Nemu.Arm.Exceptions;
using Nemu.Arm.Tests.Support;
using Nemu.Core;
using Nemu.Core.Time;
using Nemu.Memory;

namespace Nemu.Arm.Tests.Cpu;

public sealed class ArmCpuMemoryTests
{
    private const string FaultHandlers = @"
.thumb_func
hardfault:
    movs r7, #2
hf: b hf
";

    [Fact]
    public void DeviceLoadSeesEveryInstructionUpToAndIncludingItself()
    {
        var counter = new RecordingCounter();
        var m = new TestMachine(counter: counter);
        var device = new TimeProbe(counter);
        m.Root.AddSubregion(0x4000_0000, MemoryRegion.CreateIo("probe", 0x1000, device));
        m.LoadProgram(@"
.thumb_func
start:
    ldr r0, =0x40000000
    ldr r2, =0x20000000
    str r0, [r2]
    ldr r3, [r2]
    ldr r1, [r0]
done: b done
");
        m.Cpu.RunSlice(5);

        // ldr, ldr, str, ldr (RAM, not flushed), then the device load: the fifth instruction is counted.
        Assert.Equal([5L], device.SeenCounts);
        Assert.Equal(5L, counter.Executed);
    }

    [Fact]
    public void RamAccessesDoNotFlushTheInstructionCount()
    {
        var counter = new RecordingCounter();
        var m = new TestMachine(counter: counter);
        m.LoadProgram(@"
.thumb_func
start:
    ldr r2, =0x20000000
    movs r1, #0
loop:
    str r1, [r2]
    ldr r1, [r2]
    adds r1, #1
    b loop
");
        m.Cpu.RunSlice(1000);

        Assert.Equal(1000L, counter.Executed);
        Assert.Equal(1, counter.Reports);
        Assert.Equal(0, counter.BudgetQueries);
    }

    [Fact]
    public void RamStoreIntoDecodedCodeThroughTheTlbInvalidatesIt()
    {
        var m = new TestMachine();
        m.LoadProgram(@"
.thumb_func
start:
    ldr r0, =target
    ldr r3, =0x2109     @ movs r1, #9
    movs r4, #0
again:
    bl target
    adds r4, #1
    cmp r4, #2
    beq done
    str r1, [r0, #4]    @ warm the TLB entry of the code page with a data store next to the code
    strh r3, [r0]
    b again
done: b done
.align 2
target:
    movs r1, #1
    bx lr
    .word 0
");
        m.RunUntilStuck();
        Assert.Equal(9u, m.R(1));
    }

    [Fact]
    public void RegionDisabledAfterTheTlbWasFilledFaultsWithBfar()
    {
        var m = new TestMachine();
        var extra = MemoryRegion.CreateRam("extra", 0x1000);
        m.Root.AddSubregion(0x3000_0000, extra);
        m.LoadProgram(@"
.thumb_func
start:
    ldr r0, =0x30000000
    ldr r1, [r0]
    ldr r1, [r0]
done: b done
" + FaultHandlers, new Dictionary<int, string> { [ExceptionNumber.HardFault] = "hardfault" });
        m.Cpu.RunSlice(2);
        Assert.Equal(0u, m.Nvic.Cfsr);

        extra.Enabled = false;
        m.RunUntilStuck();

        Assert.Equal(2u, m.R(7));
        Assert.Equal(0x3000_0000u, m.Nvic.Bfar);
        Assert.Equal(FaultStatus.PreciseErr | FaultStatus.BfarValid, m.Nvic.Cfsr);
    }

    [Fact]
    public void RomStoreIsDiscardedAndRomLoadReadsTheImage()
    {
        var m = new TestMachine();
        m.Root.AddSubregion(0x1000_0000, MemoryRegion.CreateRom("rom", 0x1000));
        m.Space.WriteRomBlob(new GuestAddress(0x1000_0000), [0x44, 0x33, 0x22, 0x11]);
        m.LoadProgram(@"
.thumb_func
start:
    ldr r0, =0x10000000
    ldr r1, [r0]
    movs r2, #5
    str r2, [r0]
    ldr r3, [r0]
done: b done
");
        m.RunUntilStuck();

        Assert.Equal(0x11223344u, m.R(1));
        Assert.Equal(0x11223344u, m.R(3));
        Assert.Equal(0u, m.Nvic.Cfsr);
    }

    /// <summary>Counts reports and budget queries; the budget is never the limit.</summary>
    private sealed class RecordingCounter : IInstructionCounter
    {
        public long Executed { get; private set; }

        public int Reports { get; private set; }

        public int BudgetQueries { get; private set; }

        public long NowNs => Executed;

        public long InstructionBudgetUntilNextDeadline()
        {
            BudgetQueries++;
            return long.MaxValue;
        }

        public void AddExecutedInstructions(long count)
        {
            Executed += count;
            Reports++;
        }
    }

    /// <summary>A device that records the executed-instruction count it sees when read.</summary>
    private sealed class TimeProbe(RecordingCounter counter) : IMemoryRegionOps
    {
        public List<long> SeenCounts { get; } = [];

        public AccessConstraints Constraints { get; } = AccessConstraints.Default;

        public MemTxResult Read(ulong offset, uint size, MemTxAttrs attrs, out ulong value)
        {
            SeenCounts.Add(counter.Executed);
            value = 0;
            return MemTxResult.Ok;
        }

        public MemTxResult Write(ulong offset, ulong value, uint size, MemTxAttrs attrs) => MemTxResult.Ok;
    }
}
