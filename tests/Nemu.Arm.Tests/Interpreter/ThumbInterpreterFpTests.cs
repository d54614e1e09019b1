// The FP instructions on the CPU (ThumbInterpreter.Fp.cs): access control through CPACR (NOCP), per-core
// availability (cortex-m3 NOCP, cortex-m4 UNDEFINED for double precision and FPv5, as QEMU), and cortex-m7 double
// precision and FPv5 results (expected values from host IEEE double arithmetic, which is exact in round-to-nearest).
using Nemu.Arm.Exceptions;
using Nemu.Arm.Tests.Support;

namespace Nemu.Arm.Tests.Interpreter;

public sealed class ThumbInterpreterFpTests
{
    private static TestMachine Run(string code, string cpu, bool enableFpu = true, uint fpdscr = 0)
    {
        var m = new TestMachine(cpu);
        m.LoadProgram(".fpu fpv5-d16\n.thumb_func\nstart:\n" + code + "\ndone: b done\n", cpu: cpu);
        if (enableFpu)
        {
            // What startup code does through the SCS (CPACR CP10/CP11 full access); the test machine maps no SCS.
            m.Cpu.CpacrValue = 0x00F0_0000;
            m.Cpu.FpdscrValue = fpdscr;
        }

        m.RunUntilStuck();
        return m;
    }

    private static ulong D(TestMachine m, int n) => m.Cpu.GetDouble(n);

    private static ulong Bits(double d) => BitConverter.DoubleToUInt64Bits(d);

    [Fact]
    public void FpInstructionWithoutCpacrAccessRaisesNoCp()
    {
        var m = Run("vadd.f32 s0, s1, s2\n", "cortex-m4", enableFpu: false);
        Assert.NotEqual(0u, m.Nvic.Cfsr & FaultStatus.NoCp);
    }

    [Fact]
    public void CortexM3KeepsNoCpEvenWithCpacrWritten()
    {
        var m = Run("vadd.f32 s0, s1, s2\n", "cortex-m3");
        Assert.NotEqual(0u, m.Nvic.Cfsr & FaultStatus.NoCp);
        Assert.Equal(0u, m.Cpu.CpacrValue);
    }

    [Fact]
    public void CortexM4TreatsDoublePrecisionArithmeticAsUndefined()
    {
        var m = Run("vadd.f64 d0, d1, d2\n", "cortex-m4");
        Assert.NotEqual(0u, m.Nvic.Cfsr & FaultStatus.UndefInstr);
    }

    [Fact]
    public void CortexM4MovesDoubleRegistersWithoutDoubleArithmetic()
    {
        var m = Run("ldr r2, =0x11223344\n ldr r3, =0x55667788\n vmov d3, r2, r3\n vmov r4, r5, d3\n vmov.f32 s0, #1.5\n vmov r6, s0\n", "cortex-m4");
        Assert.Equal(0x11223344u, m.R(4));
        Assert.Equal(0x55667788u, m.R(5));
        Assert.Equal(0x3FC00000u, m.R(6));
    }

    [Fact]
    public void CortexM7ComputesDoublePrecision()
    {
        var m = Run("vmov.f64 d1, #1.5\n vmov.f64 d2, #10.0\n vdiv.f64 d0, d1, d2\n vsqrt.f64 d3, d2\n vcvt.f32.f64 s8, d0\n vcvt.f64.f32 d5, s8\n vfma.f64 d1, d2, d2\n", "cortex-m7");
        Assert.Equal(Bits(1.5 / 10.0), D(m, 0));
        Assert.Equal(Bits(Math.Sqrt(10.0)), D(m, 3));
        Assert.Equal(BitConverter.SingleToUInt32Bits(0.15f), m.Cpu.GetSingle(8));
        Assert.Equal(Bits(0.15f), D(m, 5));
        Assert.Equal(Bits(101.5), D(m, 1));
    }

    [Fact]
    public void CortexM7Fpv5RoundingSelectAndMaxNum()
    {
        var m = Run("vmov.f64 d1, #2.5\n vrinta.f64 d2, d1\n vrintn.f64 d3, d1\n vcvtm.s32.f64 s20, d1\n"
            + "movs r0, #0\n cmp r0, #0\n vmov.f64 d4, #-1.0\n vseleq.f64 d5, d1, d4\n vmaxnm.f64 d6, d1, d4\n vminnm.f64 d7, d1, d4\n", "cortex-m7");
        Assert.Equal(Bits(3.0), D(m, 2));
        Assert.Equal(Bits(2.0), D(m, 3));
        Assert.Equal(2u, m.Cpu.GetSingle(20));
        Assert.Equal(Bits(2.5), D(m, 5));
        Assert.Equal(Bits(2.5), D(m, 6));
        Assert.Equal(Bits(-1.0), D(m, 7));
    }

    [Fact]
    public void VcmpThenVmrsCopiesTheFlagsToApsr()
    {
        var m = Run("vmov.f32 s0, #1.0\n vmov.f32 s1, #2.0\n vcmp.f32 s0, s1\n vmrs APSR_nzcv, fpscr\n", "cortex-m4");
        Assert.Equal(0x8u, m.Cpu.Xpsr >> 28);
    }

    [Fact]
    public void FirstFpInstructionSetsFpcaAndLoadsFpdscr()
    {
        var m = Run("vmov.f32 s0, #1.0\n vmrs r2, fpscr\n mrs r3, control\n", "cortex-m4", fpdscr: 0x03C0_0000);
        Assert.Equal(0x03C00000u, m.R(2));
        Assert.Equal(4u, m.R(3) & 4);
    }

    [Fact]
    public void VpushAndVpopRoundTripDoubleRegisters()
    {
        var m = Run("ldr r2, =0xCAFEF00D\n vmov s16, r2\n vmov s17, r2\n vpush {d8}\n vmov.f32 s16, #1.0\n vpop {d8}\n vmov r3, s16\n", "cortex-m4");
        Assert.Equal(0xCAFEF00Du, m.R(3));
    }
}
