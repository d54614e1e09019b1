using Nemu.Arm.Cpu;
using Nemu.Arm.Exceptions;
using Nemu.Arm.Tests.Support;

namespace Nemu.Arm.Tests.Devices;

public sealed class SysTickTests
{
    private const string Program = @"
.thumb_func
start:
    ldr r0, =0xE000E010
    ldr r1, =99
    str r1, [r0, #4]
    movs r1, #0
    str r1, [r0, #8]
    movs r1, #7
    str r1, [r0]
spin:
    b spin
.thumb_func
systick:
    ldr r0, =0xE000E010
    movs r1, #0
    str r1, [r0]
    ldr r0, [r0]
done: b done
";

    [Fact]
    public void SysTickFiresAtTheSameInstructionAsQemuUnderIcount()
    {
        // The program ran on qemu-system-arm 7.2 (-M mps2-an385 -icount shift=0, UART instead of the RAM store)
        // printed r4 = 0x536: 100 ticks of 40 ns after the CSR store, counting that store as executed.
        using var m = new Armv7mMachine(cpuClockHz: 25_000_000);
        m.Load(Support.Assembler.Assemble(TestMachine.ProgramSource(@"
.thumb_func
start:
    ldr r0, =0x20000000
    movs r1, #1
    str r1, [r0, #8]
    movs r4, #0
    movs r5, #0
    ldr r0, =0xE000E010
    ldr r1, =99
    str r1, [r0, #4]
    movs r1, #0
    str r1, [r0, #8]
    movs r1, #7
    str r1, [r0]
spin:
    adds r4, #1
    nop
    b spin
.thumb_func
systick:
    ldr r0, =0x20000000
    str r4, [r0]
done:
    wfi
    b done
", new Dictionary<int, string> { [ExceptionNumber.SysTick] = "systick" })));
        long enteredAt = -1, enteredNs = -1;
        m.Cpu.TraceHook = (cpu, pc) =>
        {
            if (enteredAt < 0 && cpu.Ipsr == ExceptionNumber.SysTick)
            {
                enteredAt = cpu.InstructionCount;
                enteredNs = m.Time.NowNs;
            }
        };
        m.Start();
        Assert.True(m.Loop.RunUntil(() => m.Read32(0x20000000) != 0, TimeSpan.FromSeconds(30)));
        Assert.Equal(0x536u, m.Read32(0x20000000));
        Assert.Equal(12 + 4000, enteredAt);
        Assert.Equal(12 + 4000, enteredNs);
    }

    [Fact]
    public void CountFlagIsSetOnExpiryAndClearedByReading()
    {
        using var m = new Armv7mMachine(cpuClockHz: 1_000_000_000);
        m.Load(Support.Assembler.Assemble(TestMachine.ProgramSource(Program, new Dictionary<int, string> { [ExceptionNumber.SysTick] = "systick" })));
        m.Start();
        Assert.True(m.Loop.RunUntil(() => m.Cpu.Ipsr == ExceptionNumber.SysTick && m.Cpu.GetRegister(0) != 0xE000E010, TimeSpan.FromSeconds(30)));
        Assert.Equal(1u << 16, m.Cpu.GetRegister(0) & (1u << 16));
        Assert.Equal(0u, m.Read32(0xE000E010) & (1u << 16));
    }

    [Fact]
    public void WaitForInterruptSleepsUntilTheTimerWakesTheCore()
    {
        using var m = new Armv7mMachine(cpuClockHz: 1_000_000_000);
        m.Load(Support.Assembler.Assemble(TestMachine.ProgramSource(Program.Replace("spin:\n    b spin", "spin:\n    wfi\n    b spin", StringComparison.Ordinal), new Dictionary<int, string> { [ExceptionNumber.SysTick] = "systick" })));
        m.Start();
        Assert.True(m.Loop.RunUntil(() => m.Cpu.State == ArmCpuRunState.WaitingForInterrupt, TimeSpan.FromSeconds(30)));
        Assert.False(m.Cpu.HasWork);
        var sleptAt = m.Cpu.InstructionCount;
        long wokeAt = -1;
        m.Cpu.TraceHook = (cpu, _) => wokeAt = wokeAt < 0 ? cpu.InstructionCount : wokeAt;
        Assert.True(m.Loop.RunUntil(() => m.Cpu.Ipsr == ExceptionNumber.SysTick, TimeSpan.FromSeconds(30)));
        Assert.Equal(sleptAt, wokeAt);
        Assert.True(m.Time.NowNs >= 107, $"time {m.Time.NowNs}");
    }
}
