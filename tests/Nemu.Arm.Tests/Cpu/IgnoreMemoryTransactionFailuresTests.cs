// QEMU's ignore_memory_transaction_failures (lm3s6965evb): failed data accesses and instruction fetches complete as
// read-as-zero / write-ignored instead of BusFaults; without the flag the same program takes a precise BusFault.
using Nemu.Arm.Exceptions;
using Nemu.Arm.Tests.Support;

namespace Nemu.Arm.Tests.Cpu;

public sealed class IgnoreMemoryTransactionFailuresTests
{
    private const string Program = @"
.thumb_func
start:
    ldr r0, =0x50000000
    ldr r1, =0x12345678
    str r1, [r0]
    ldr r2, [r0]
    movs r3, #1
done: b done

.thumb_func
hardfault:
    movs r7, #2
hf: b hf
";

    [Fact]
    public void UnmappedLoadReadsZeroAndStoreIsIgnoredWithTheFlag()
    {
        var m = new TestMachine();
        m.Cpu.IgnoreMemoryTransactionFailures = true;
        m.LoadProgram(Program, new Dictionary<int, string> { [ExceptionNumber.HardFault] = "hardfault" });

        m.RunUntilStuck();

        Assert.Equal(0u, m.R(2));
        Assert.Equal(1u, m.R(3));
        Assert.Equal(0u, m.R(7));
        Assert.Equal(0u, m.Nvic.Cfsr);
    }

    [Fact]
    public void UnmappedStoreIsAPreciseBusFaultWithoutTheFlag()
    {
        var m = new TestMachine();
        m.LoadProgram(Program, new Dictionary<int, string> { [ExceptionNumber.HardFault] = "hardfault" });

        m.RunUntilStuck();

        Assert.Equal(2u, m.R(7));
        Assert.Equal(0x5000_0000u, m.Nvic.Bfar);
        Assert.Equal(FaultStatus.PreciseErr | FaultStatus.BfarValid, m.Nvic.Cfsr);
    }

    [Fact]
    public void FetchFromUnmappedMemoryExecutesZeroHalfwordsWithTheFlag()
    {
        // 0x0000 is MOVS r0, r0 (LSL #0): the core runs on through the unmapped region instead of taking IBUSERR
        // (0x30000000: executable in the default memory map, unlike the peripheral region at 0x40000000).
        var m = new TestMachine();
        m.Cpu.IgnoreMemoryTransactionFailures = true;
        m.LoadProgram(@"
.thumb_func
start:
    ldr r0, =0x30000001
    bx r0
.thumb_func
hardfault:
    movs r7, #2
hf: b hf
", new Dictionary<int, string> { [ExceptionNumber.HardFault] = "hardfault" });

        for (var i = 0; i < 100; i++)
        {
            m.Cpu.Step();
        }

        Assert.Equal(0u, m.Nvic.Cfsr);
        Assert.Equal(0u, m.R(7));
        Assert.InRange(m.Cpu.Pc, 0x3000_0000u, 0x3000_0100u);
    }
}
