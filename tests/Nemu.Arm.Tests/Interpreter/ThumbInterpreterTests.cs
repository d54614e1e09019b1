using Nemu.Arm.Tests.Support;

namespace Nemu.Arm.Tests.Interpreter;

public sealed class ThumbInterpreterTests
{
    private static TestMachine Run(string code, string cpu = "cortex-m3")
    {
        var m = new TestMachine(cpu);
        m.LoadProgram(".thumb_func\nstart:\n" + code + "\ndone: b done\n", cpu: cpu);
        m.RunUntilStuck();
        return m;
    }

    private static (bool N, bool Z, bool C, bool V) Flags(TestMachine m)
    {
        var x = m.Cpu.Xpsr;
        return ((x >> 31) != 0, ((x >> 30) & 1) != 0, ((x >> 29) & 1) != 0, ((x >> 28) & 1) != 0);
    }

    [Fact]
    public void AddsSetsCarryAndOverflowExactly()
    {
        var m = Run("ldr r0, =0x7fffffff\n movs r1, #1\n adds r2, r0, r1\n");
        Assert.Equal(0x80000000u, m.R(2));
        Assert.Equal((true, false, false, true), Flags(m));
        m = Run("ldr r0, =0xffffffff\n movs r1, #1\n adds r2, r0, r1\n");
        Assert.Equal(0u, m.R(2));
        Assert.Equal((false, true, true, false), Flags(m));
    }

    [Fact]
    public void SubsCarryIsNotBorrow()
    {
        var m = Run("movs r0, #3\n subs r1, r0, #5\n");
        Assert.Equal(0xFFFFFFFEu, m.R(1));
        Assert.Equal((true, false, false, false), Flags(m));
        m = Run("movs r0, #5\n subs r1, r0, #5\n");
        Assert.Equal((false, true, true, false), Flags(m));
    }

    [Fact]
    public void AdcsAndSbcsUseTheIncomingCarry()
    {
        var m = Run("movs r0, #0\n subs r0, r0, #0\n movs r1, #1\n movs r2, #2\n adcs r1, r2\n");
        Assert.Equal(4u, m.R(1));
        m = Run("movs r0, #1\n lsrs r0, r0, #1\n movs r1, #5\n movs r2, #2\n sbcs r1, r2\n");
        Assert.Equal(5u - 2u, m.R(1));
        m = Run("movs r0, #0\n adds r0, r0, #0\n movs r1, #5\n movs r2, #2\n sbcs r1, r2\n");
        Assert.Equal(2u, m.R(1));
    }

    [Fact]
    public void ShiftsSetCarryFromTheLastBitShiftedOut()
    {
        var m = Run("ldr r0, =0x80000001\n lsls r1, r0, #1\n");
        Assert.Equal(2u, m.R(1));
        Assert.True(Flags(m).C);
        m = Run("movs r0, #3\n lsrs r1, r0, #1\n");
        Assert.True(Flags(m).C);
        m = Run("ldr r0, =0x80000000\n movs r2, #32\n asrs r0, r2\n");
        Assert.Equal(0xFFFFFFFFu, m.R(0));
        Assert.True(Flags(m).C);
        m = Run("movs r0, #1\n movs r2, #33\n lsls r0, r2\n");
        Assert.Equal(0u, m.R(0));
        Assert.False(Flags(m).C);
    }

    [Fact]
    public void ItBlockDataProcessingWritesOnlyWhenItsConditionPasses()
    {
        // ITETE NE: EOR, MOV.W, ADD, SUB.W (the branchless conditional handlers) alternate between pass and fail;
        // none of them changes the flags, so each sees Z from the CMP.
        const string block = "itete ne\n eorne r2, r2, r3\n moveq.w r4, #7\n addne r5, r5, #1\n subeq.w r6, r6, r3, lsl #1\n";
        var m = Run("movs r2, #0xf0\n movs r3, #0x0f\n movs r4, #1\n movs r5, #10\n movs r6, #40\n cmp r3, #1\n" + block);
        Assert.Equal((0xFFu, 1u, 11u, 40u), (m.R(2), m.R(4), m.R(5), m.R(6)));
        Assert.Equal((false, false, true, false), Flags(m));
        m = Run("movs r2, #0xf0\n movs r3, #0x0f\n movs r4, #1\n movs r5, #10\n movs r6, #40\n cmp r3, #0x0f\n" + block);
        Assert.Equal((0xF0u, 7u, 10u, 10u), (m.R(2), m.R(4), m.R(5), m.R(6)));
        Assert.Equal((false, true, true, false), Flags(m));
    }

    [Fact]
    public void MulsSetsNzAndKeepsCarry()
    {
        var m = Run("movs r0, #0\n subs r0, r0, #0\n ldr r1, =0x10000\n ldr r2, =0x10000\n muls r1, r2\n");
        Assert.Equal(0u, m.R(1));
        Assert.Equal((false, true, true, false), Flags(m));
    }

    [Fact]
    public void LongMultipliesAndMlsComputeFullResults()
    {
        var m = Run("ldr r0, =0xffffffff\n ldr r1, =2\n umull r2, r3, r0, r1\n smull r4, r5, r0, r1\n movs r6, #100\n mls r7, r1, r1, r6\n");
        Assert.Equal((0xFFFFFFFEu, 1u), (m.R(2), m.R(3)));
        Assert.Equal((0xFFFFFFFEu, 0xFFFFFFFFu), (m.R(4), m.R(5)));
        Assert.Equal(96u, m.R(7));
    }

    [Fact]
    public void DivisionByZeroGivesZeroWithoutTrap()
    {
        var m = Run("movs r0, #7\n movs r1, #0\n udiv r2, r0, r1\n sdiv r3, r0, r1\n movs r4, #2\n sdiv r5, r0, r4\n");
        Assert.Equal(0u, m.R(2));
        Assert.Equal(0u, m.R(3));
        Assert.Equal(3u, m.R(5));
    }

    [Fact]
    public void StmAndLdmWriteBackTheBase()
    {
        var m = Run("ldr r0, =0x20000100\n movs r1, #1\n movs r2, #2\n movs r3, #3\n stmia r0!, {r1-r3}\n mov r4, r0\n subs r0, #12\n ldmia r0!, {r5-r7}\n");
        Assert.Equal(0x2000010Cu, m.R(4));
        Assert.Equal(0x2000010Cu, m.R(0));
        Assert.Equal((1u, 2u, 3u), (m.R(5), m.R(6), m.R(7)));
        Assert.Equal(2u, m.Read32(0x20000104));
    }

    [Fact]
    public void PushAndPopRoundTripThroughTheStack()
    {
        var m = Run("movs r0, #5\n movs r1, #6\n push {r0, r1}\n mov r2, sp\n pop {r3, r4}\n mov r5, sp\n");
        Assert.Equal(TestMachine.StackTop - 8, m.R(2));
        Assert.Equal(TestMachine.StackTop, m.R(5));
        Assert.Equal((5u, 6u), (m.R(3), m.R(4)));
    }

    [Fact]
    public void ItBlockExecutesOnlyTheInstructionsWhoseConditionHolds()
    {
        var m = Run("movs r0, #1\n cmp r0, #1\n ite eq\n moveq r1, #10\n movne r1, #20\n itt ne\n movne r2, #1\n addne r2, #1\n");
        Assert.Equal(10u, m.R(1));
        Assert.Equal(0u, m.R(2));
    }

    [Fact]
    public void AddInsideItBlockDoesNotSetFlags()
    {
        var m = Run("movs r0, #0\n cmp r0, #0\n it eq\n addeq r0, r0, #0\n");
        Assert.True(Flags(m).Z);
        Assert.True(Flags(m).C);
    }

    [Fact]
    public void CbzAndCbnzBranchOnZero()
    {
        var m = Run("movs r0, #0\n movs r1, #0\n cbz r0, 1f\n movs r1, #1\n1: cbnz r0, 2f\n adds r1, #2\n2:\n");
        Assert.Equal(2u, m.R(1));
    }

    [Fact]
    public void TbbAndTbhBranchThroughTables()
    {
        var m = Run("movs r0, #2\n tbb [pc, r0]\n1: .byte (c0-1b)/2, (c1-1b)/2, (c2-1b)/2, 0\n c0: movs r1, #10\n b 9f\n c1: movs r1, #11\n b 9f\n c2: movs r1, #12\n b 9f\n .align 1\n9:\n"
            + "movs r0, #1\n tbh [pc, r0, lsl #1]\n2: .hword (d0-2b)/2, (d1-2b)/2\n d0: movs r2, #20\n b 8f\n d1: movs r2, #21\n8:\n");
        Assert.Equal(12u, m.R(1));
        Assert.Equal(21u, m.R(2));
    }

    [Fact]
    public void ExclusiveStoreSucceedsOnlyAfterAMatchingLoad()
    {
        var m = Run("ldr r0, =0x20000000\n movs r1, #7\n strex r2, r1, [r0]\n ldrex r3, [r0]\n strex r4, r1, [r0]\n strex r5, r1, [r0]\n ldrex r3, [r0]\n clrex\n strex r6, r1, [r0]\n");
        Assert.Equal(1u, m.R(2));
        Assert.Equal(0u, m.R(4));
        Assert.Equal(1u, m.R(5));
        Assert.Equal(1u, m.R(6));
        Assert.Equal(7u, m.Read32(0x20000000));
    }

    [Fact]
    public void BitfieldAndMiscellaneousInstructions()
    {
        var m = Run("ldr r0, =0x12345678\n ubfx r1, r0, #4, #8\n sbfx r2, r0, #28, #4\n movs r3, #0\n bfi r3, r0, #8, #4\n clz r4, r1\n rbit r5, r0\n rev r6, r0\n uxth r7, r0, ror #8\n movw r8, #0xbeef\n movt r8, #0xdead\n");
        Assert.Equal(0x67u, m.R(1));
        Assert.Equal(1u, m.R(2));
        Assert.Equal(0x800u, m.R(3));
        Assert.Equal(25u, m.R(4));
        Assert.Equal(0x1E6A2C48u, m.R(5));
        Assert.Equal(0x78563412u, m.R(6));
        Assert.Equal(0x3456u, m.R(7));
        Assert.Equal(0xDEADBEEFu, m.R(8));
    }

    [Fact]
    public void LoadStoreAddressingModesUpdateTheBaseAsEncoded()
    {
        var m = Run("ldr r0, =0x20000010\n movs r1, #0xAA\n str r1, [r0, #4]!\n mov r2, r0\n strb r1, [r0], #-4\n mov r3, r0\n ldrsb r4, [r0, #4]\n movs r5, #1\n ldr r6, [r0, r5, lsl #2]\n ldrd r7, r8, [r0, #4]\n");
        Assert.Equal(0x20000014u, m.R(2));
        Assert.Equal(0x20000010u, m.R(3));
        Assert.Equal(0xFFFFFFAAu, m.R(4));
        Assert.Equal(0xAAu, m.R(6));
        Assert.Equal(0xAAu, m.R(7));
    }

    [Fact]
    public void MrsAndMsrAccessSpecialRegisters()
    {
        var m = Run("movs r0, #1\n msr primask, r0\n mrs r1, primask\n movs r0, #0x40\n msr basepri, r0\n mrs r2, basepri\n ldr r0, =0x20001000\n msr psp, r0\n movs r0, #2\n msr control, r0\n isb\n mov r3, sp\n mrs r4, control\n mrs r5, msp\n");
        Assert.Equal(1u, m.R(1));
        Assert.Equal(0x40u, m.R(2));
        Assert.Equal(0x20001000u, m.R(3));
        Assert.Equal(2u, m.R(4));
        Assert.Equal(TestMachine.StackTop, m.R(5));
    }
}
