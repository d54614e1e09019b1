// The ARMv7E-M DSP instructions (Armv7-M ARM A7.7) with known values: saturation and the sticky Q flag,
// the GE bits of the parallel add/subtract family and SEL, the multiplies, packing and extend-and-add; and that
// a core without the DSP extension keeps these encodings UNDEFINED.
using Nemu.Arm.Exceptions;
using Nemu.Arm.Tests.Support;

namespace Nemu.Arm.Tests.Interpreter;

public sealed class ThumbInterpreterDspTests
{
    private const uint QBit = 1u << 27;

    private static TestMachine Run(string code, string cpu = "cortex-m4")
    {
        var m = new TestMachine(cpu);
        m.LoadProgram(".thumb_func\nstart:\n" + code + "\ndone: b done\n", cpu: cpu);
        m.RunUntilStuck();
        return m;
    }

    private static uint Ge(TestMachine m) => (m.Cpu.Xpsr >> 16) & 0xF;

    private static bool Q(TestMachine m) => (m.Cpu.Xpsr & QBit) != 0;

    [Fact]
    public void Uqadd8SaturatesEachByte()
    {
        var m = Run("ldr r0, =0x80FF107F\n ldr r1, =0x80017F01\n uqadd8 r2, r0, r1\n");
        Assert.Equal(0xFFFF8F80u, m.R(2));
        Assert.False(Q(m));
        Assert.Equal(0u, Ge(m));
    }

    [Fact]
    public void Sadd16SetsGePerHalfword()
    {
        var m = Run("ldr r0, =0x7FFF0001\n ldr r1, =0x00018002\n sadd16 r2, r0, r1\n");
        Assert.Equal(0x80008003u, m.R(2));
        Assert.Equal(0b1100u, Ge(m));
    }

    [Fact]
    public void Usub8SetsGeWithoutBorrowAndSelPicksBytesByGe()
    {
        var m = Run("ldr r0, =0x10203040\n ldr r1, =0x20102040\n usub8 r2, r0, r1\n ldr r4, =0xAAAAAAAA\n ldr r5, =0x55555555\n sel r3, r4, r5\n");
        Assert.Equal(0xF0101000u, m.R(2));
        Assert.Equal(0b0111u, Ge(m));
        Assert.Equal(0x55AAAAAAu, m.R(3));
    }

    [Fact]
    public void HalvingFormsKeepTheCarryBit()
    {
        var m = Run("ldr r0, =0x80807F01\n ldr r1, =0x80FF7F03\n shadd8 r2, r0, r1\n ldr r3, =0x00010000\n movs r4, #1\n uhsub16 r5, r3, r4\n");
        Assert.Equal(0x80BF7F02u, m.R(2));
        Assert.Equal(0x0000FFFFu, m.R(5));
    }

    [Fact]
    public void QaddSaturatesAndQStaysSticky()
    {
        var m = Run("ldr r0, =0x7FFFFFFF\n movs r1, #1\n qadd r2, r0, r1\n qadd r3, r1, r1\n qdsub r4, r1, r0\n");
        Assert.Equal(0x7FFFFFFFu, m.R(2));
        Assert.Equal(2u, m.R(3));
        Assert.Equal(0x80000002u, m.R(4));
        Assert.True(Q(m));
    }

    [Fact]
    public void Ssat16AndUsat16SaturateEachHalfAndSetQ()
    {
        var m = Run("ldr r0, =0x7FFF8000\n ssat16 r1, #8, r0\n usat16 r2, #8, r0\n");
        Assert.Equal(0x007FFF80u, m.R(1));
        Assert.Equal(0x00FF0000u, m.R(2));
        Assert.True(Q(m));
    }

    [Fact]
    public void SmlabbSetsQOnOverflow()
    {
        var m = Run("ldr r0, =0x8000\n ldr r1, =0x8000\n ldr r2, =0x40000000\n smlabb r3, r0, r1, r2\n ldr r4, =0x7FFF0000\n ldr r5, =0x80000000\n smultt r6, r4, r5\n");
        Assert.Equal(0x80000000u, m.R(3));
        Assert.True(Q(m));
        Assert.Equal(0xC0008000u, m.R(6));
    }

    [Fact]
    public void SmlawbKeepsTheTop32BitsOfThe48BitProduct()
    {
        var m = Run("ldr r0, =0x80000000\n ldr r1, =0x00000002\n movs r2, #5\n smlawb r3, r0, r1, r2\n smulwt r4, r0, r1\n");
        Assert.Equal(0xFFFF0000u + 5u, m.R(3));
        Assert.Equal(0u, m.R(4));
        Assert.False(Q(m));
    }

    [Fact]
    public void DualMultipliesExchangeHalvesWithX()
    {
        var m = Run("ldr r0, =0x00020003\n ldr r1, =0x00050007\n smuadx r2, r0, r1\n smusd r3, r0, r1\n movs r4, #100\n smlsdx r5, r0, r1, r4\n");
        Assert.Equal(29u, m.R(2));
        Assert.Equal(11u, m.R(3));
        Assert.Equal(100u + 15u - 14u, m.R(5));
    }

    [Fact]
    public void SmladAccumulates64BitsAndSetsQOnOverflow()
    {
        var m = Run("ldr r0, =0x80008000\n ldr r1, =0x80008000\n movs r4, #0\n smlad r5, r0, r1, r4\n");
        Assert.Equal(0x80000000u, m.R(5));
        Assert.True(Q(m));
        m = Run("ldr r0, =0x7FFF7FFF\n ldr r1, =0x7FFF7FFF\n ldr r2, =0xFFFFFFFF\n movs r3, #0\n smlald r2, r3, r0, r1\n");
        Assert.Equal(0x7FFE0001u, m.R(2));
        Assert.Equal(1u, m.R(3));
        Assert.False(Q(m));
    }

    [Fact]
    public void SmmulrRoundsTheTopWord()
    {
        var m = Run("ldr r0, =0x40000000\n movs r1, #3\n smmul r2, r0, r1\n smmulr r3, r0, r1\n movs r5, #5\n smmla r4, r0, r1, r5\n smmls r6, r0, r1, r5\n");
        Assert.Equal(0u, m.R(2));
        Assert.Equal(1u, m.R(3));
        Assert.Equal(5u, m.R(4));
        Assert.Equal(4u, m.R(6));
    }

    [Fact]
    public void SmlalxyAndUmaalAccumulateIntoBothHalves()
    {
        var m = Run("ldr r0, =0xFFFFFFFF\n ldr r1, =0xFFFFFFFF\n ldr r2, =0xFFFFFFFF\n ldr r3, =0xFFFFFFFF\n umaal r2, r3, r0, r1\n" +
                    "ldr r4, =0x80000000\n ldr r5, =0x00000002\n movs r6, #0\n movs r7, #0\n smlaltb r6, r7, r4, r5\n");
        Assert.Equal(0xFFFFFFFFu, m.R(2));
        Assert.Equal(0xFFFFFFFFu, m.R(3));
        Assert.Equal(0xFFFF0000u, m.R(6));
        Assert.Equal(0xFFFFFFFFu, m.R(7));
    }

    [Fact]
    public void PkhbtAndPkhtbPackHalfwords()
    {
        var m = Run("ldr r0, =0x12345678\n ldr r1, =0xABCDEF01\n pkhbt r2, r0, r1, lsl #16\n pkhtb r3, r0, r1, asr #16\n");
        Assert.Equal(0xEF015678u, m.R(2));
        Assert.Equal(0x1234ABCDu, m.R(3));
    }

    [Fact]
    public void Sxtab16AddsSignExtendedBytesPerHalfword()
    {
        var m = Run("ldr r0, =0x00010002\n ldr r1, =0x80FF7F80\n sxtab16 r2, r0, r1, ror #8\n uxtb16 r3, r1\n uxtah r4, r0, r1, ror #16\n");
        Assert.Equal(0xFF810081u, m.R(2));
        Assert.Equal(0x00FF0080u, m.R(3));
        Assert.Equal(0x00010002u + 0x80FFu, m.R(4));
    }

    [Fact]
    public void Usada8SumsAbsoluteByteDifferences()
    {
        var m = Run("ldr r0, =0x01FF0010\n ldr r1, =0xFF000020\n ldr r2, =1000\n usada8 r3, r0, r1, r2\n usad8 r4, r0, r1\n");
        Assert.Equal(1525u, m.R(3));
        Assert.Equal(525u, m.R(4));
    }

    [Fact]
    public void MsrApsrGWritesOnlyGeAndMrsReadsIt()
    {
        // movs clears the Z flag that reset leaves set (as QEMU does).
        var m = Run("movs r3, #1\n ldr r0, =0xF80F0000\n msr APSR_g, r0\n mrs r1, apsr\n msr APSR_nzcvq, r0\n mrs r2, apsr\n");
        Assert.Equal(0x000F0000u, m.R(1));
        Assert.Equal(0xF80F0000u, m.R(2));
    }

    [Fact]
    public void UnpredictableFormsBehaveAsQemu()
    {
        // Observed on qemu-system-arm 7.2 (mps2-an386): SMMLS with Ra = PC ignores the accumulator (SMMUL);
        // SSAT16/USAT16 take a 5-bit saturate immediate (bit 4 set: no halfword saturates signed, negative ones
        // clamp to 0 unsigned).
        var m = Run("ldr r0, =0x7FFFFFFF\n ldr r1, =0x7FFFFFFF\n .inst.w 0xfb60f501\n ldr r0, =0x7FFF8000\n .inst.w 0xf3200611\n .inst.w 0xf3a00711\n");
        Assert.Equal(0x3FFFFFFFu, m.R(5));
        Assert.Equal(0x7FFF8000u, m.R(6));
        Assert.Equal(0x7FFF0000u, m.R(7));
        Assert.True(Q(m));
    }

    [Theory]
    [InlineData("cortex-m3")]
    [InlineData("cortex-m0")]
    public void DspEncodingsAreUndefinedWithoutTheDspExtension(string cpu)
    {
        // sadd16 r0, r1, r2 as raw halfwords: the assembler refuses it for these cores.
        var m = Run(".inst.w 0xfa91f002\n movs r7, #1\n", cpu);
        Assert.NotEqual(1u, m.R(7));
        if (cpu == "cortex-m3")
        {
            Assert.NotEqual(0u, m.Nvic.Cfsr & FaultStatus.UndefInstr);
        }

        Assert.Equal(ExceptionNumber.HardFault, m.Cpu.Ipsr);
    }
}
