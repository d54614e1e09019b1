using Nemu.Arm.Cpu;
using Nemu.Arm.Devices;
using Nemu.Arm.Exceptions;
using Nemu.Arm.Tests.Support;
using Nemu.Core.State;

namespace Nemu.Arm.Tests.Devices;

/// <summary>
/// The armv7m state description (Armv7mState): the dedicated round trip the generic DeviceStateTests cannot do
/// (armv7m needs the board's memory link to realize), and save-mid-run/restore determinism.
/// </summary>
public sealed class Armv7mStateTests
{
    private const uint Counters = 0x2000_0000;

    // SysTick every 10 cycles (400 instructions at 25 MHz under icount shift 0), IRQ0 enabled and pended by software on the 50th loop iteration; both handlers
    // use the stack and count their entries in RAM.
    private const string Program = @"
.thumb_func
start:
    ldr r0, =0xE000E100
    movs r1, #1
    str r1, [r0]
    ldr r0, =0xE000E010
    ldr r1, =9
    str r1, [r0, #4]
    movs r1, #0
    str r1, [r0, #8]
    movs r1, #7
    str r1, [r0]
    movs r4, #0
    movs r5, #0
    ldr r6, =0x20000000
loop:
    adds r4, #1
    eors r5, r4
    lsls r7, r4, #3
    cmp r4, #50
    bne skip
    ldr r0, =0xE000E200
    movs r1, #1
    str r1, [r0]
skip:
    b loop
.thumb_func
systick:
    push {r4, lr}
    ldr r0, [r6]
    adds r0, #1
    str r0, [r6]
    pop {r4, pc}
.thumb_func
irq0:
    ldr r0, [r6, #4]
    adds r0, #1
    str r0, [r6, #4]
    bx lr
";

    private static Armv7mMachine StartedMachine()
    {
        var m = new Armv7mMachine();
        m.Load(Support.Assembler.Assemble(TestMachine.ProgramSource(Program, new Dictionary<int, string>
        {
            [ExceptionNumber.SysTick] = "systick",
            [ExceptionNumber.FirstExternal] = "irq0",
        })));
        m.Start();
        return m;
    }

    /// <summary>Runs exactly <paramref name="count"/> instructions, firing timers at their icount deadlines.</summary>
    private static void Run(Armv7mMachine m, long count)
    {
        var target = m.Cpu.InstructionCount + count;
        while (m.Cpu.InstructionCount < target && m.Cpu.State == ArmCpuRunState.Running)
        {
            var budget = Math.Min(target - m.Cpu.InstructionCount, Math.Max(1, m.Time.InstructionBudgetUntilNextDeadline()));
            m.Cpu.RunSlice(budget);
            m.Time.RunExpiredTimers();
        }
    }

    /// <summary>Guest RAM is migrated separately (the RAM section); copy the parts the program uses.</summary>
    private static void CopyRam(Armv7mMachine from, Armv7mMachine to)
    {
        for (var a = Counters; a < Counters + 0x100; a += 4)
        {
            to.Write(a, from.Read32(a));
        }

        for (var a = TestMachine.StackTop - 0x1000; a < TestMachine.StackTop; a += 4)
        {
            to.Write(a, from.Read32(a));
        }
    }

    private static Armv7mMachine Restore(Armv7mMachine original, byte[] saved)
    {
        var copy = StartedMachine();
        copy.Time.SetVirtualNs(original.Time.NowNs);
        CopyRam(original, copy);
        copy.Armv7m.VmState!.Load(saved, Armv7mState.Vmsd.VersionId);
        return copy;
    }

    private static List<string> Trace(Armv7mMachine m, long count)
    {
        var trace = new List<string>();
        m.Cpu.TraceHook = (cpu, pc) =>
        {
            var regs = string.Join(' ', Enumerable.Range(0, 16).Select(i => cpu.GetRegister(i).ToString("x8")));
            trace.Add($"{pc:x8} {cpu.Xpsr:x8} {cpu.Msp:x8} {cpu.Psp:x8} {regs} @{m.Time.NowNs}");
        };
        Run(m, count);
        m.Cpu.TraceHook = null;
        return trace;
    }

    [Fact]
    public void StateSavedAfterLoadIsByteIdenticalAndRestoresTheRegisters()
    {
        using var m = StartedMachine();
        Run(m, 2000);
        Assert.True(m.Read32(Counters) > 0, "SysTick handler never ran");
        Assert.Equal(1u, m.Read32(Counters + 4));
        m.Armv7m.IrqInput(3).Raise();
        var saved = m.Armv7m.VmState!.Save();

        using var copy = Restore(m, saved);
        var resaved = copy.Armv7m.VmState!.Save();
        Assert.Equal(saved, resaved);
        for (var i = 0; i < 16; i++)
        {
            Assert.Equal(m.Cpu.GetRegister(i), copy.Cpu.GetRegister(i));
        }

        Assert.Equal(m.Cpu.Xpsr, copy.Cpu.Xpsr);
        Assert.True(copy.Armv7m.Nvic!.Vector(ExceptionNumber.FirstExternal + 3).Pending);
        Assert.True(copy.Armv7m.Nvic!.Vector(ExceptionNumber.FirstExternal + 3).Level);
        Assert.True(copy.Armv7m.Nvic!.Vector(ExceptionNumber.FirstExternal).Enabled);
        Assert.Equal(m.Armv7m.Nvic!.VectPending, copy.Armv7m.Nvic!.VectPending);
        Assert.Equal(m.Read32(0xE000E018), copy.Read32(0xE000E018));
        Assert.Contains("\"armv7m_nvic\"", Armv7mState.Vmsd.DescribeJson(), StringComparison.Ordinal);
    }

    [Fact]
    public void RestoredMachineContinuesWithAnIdenticalRegisterTrace()
    {
        using var m = StartedMachine();
        Run(m, 1234);
        Assert.True(m.Read32(Counters) > 0, "SysTick handler never ran before the save point");
        var saved = m.Armv7m.VmState!.Save();
        using var copy = Restore(m, saved);

        var expected = Trace(m, 3000);
        var actual = Trace(copy, 3000);
        Assert.Equal(expected, actual);
        Assert.True(m.Read32(Counters) >= 10, "SysTick did not keep firing after the save point");
        Assert.Equal(m.Read32(Counters), copy.Read32(Counters));
    }

    [Fact]
    public void MpuRegionsSurviveARoundTripAndTheRunContinuesIdentically()
    {
        using var m = StartedMachine();
        Run(m, 300);
        m.Write(0xE000ED9C, 0x2000_0000 | 0x10 | 1);      // MPU_RBAR: VALID, region 1
        m.Write(0xE000EDA0, (3u << 24) | (16u << 1) | 1); // MPU_RASR: AP=3, 128 KiB, enabled
        m.Write(0xE000ED98, 5);                            // MPU_RNR
        m.Write(0xE000ED94, 5);                            // MPU_CTRL: ENABLE | PRIVDEFENA
        Run(m, 300);
        var saved = m.Armv7m.VmState!.Save();

        using var copy = Restore(m, saved);
        Assert.Equal(saved, copy.Armv7m.VmState!.Save());
        foreach (var offset in new uint[] { 0xE000ED90, 0xE000ED94, 0xE000ED98 })
        {
            Assert.Equal(m.Read32(offset), copy.Read32(offset));
        }

        copy.Write(0xE000ED98, 1);
        Assert.Equal(0x2000_0001u, copy.Read32(0xE000ED9C));
        Assert.Equal((3u << 24) | (16u << 1) | 1, copy.Read32(0xE000EDA0));
        Assert.Equal(Trace(m, 500), Trace(copy, 500));
    }

    [Fact]
    public void ResetAfterLoadMatchesResetOfTheOriginal()
    {
        using var m = StartedMachine();
        Run(m, 500);
        var saved = m.Armv7m.VmState!.Save();
        using var copy = Restore(m, saved);
        m.Armv7m.Reset();
        copy.Armv7m.Reset();
        Assert.Equal(m.Armv7m.VmState!.Save(), copy.Armv7m.VmState!.Save());
        Assert.Equal(ArmCpuRunState.Running, copy.Cpu.State);
        Assert.Equal(0, copy.Armv7m.Nvic!.VectPending);
    }

    [Fact]
    public void LoadingStateForAbsentVectorsIsRejected()
    {
        using var m = StartedMachine();
        var state = new Armv7mState();
        state.Nvic.Vectors[NvicState.MaxVectors - 1].Enabled = true;
        var bytes = Armv7mState.Vmsd.Save(state);
        Assert.Throws<StateLoadException>(() => m.Armv7m.VmState!.Load(bytes, Armv7mState.Vmsd.VersionId));
    }
}
