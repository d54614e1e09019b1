// Tests of the software FP arithmetic (src/Nemu.Arm/Fp/FpArith.cs) against the Arm pseudocode rules and, in
// round-to-nearest with DN=0/FZ=0, against the host's IEEE 754 float/double arithmetic as an oracle.
using Nemu.Arm.Fp;

namespace Nemu.Arm.Tests.Fp;

public sealed class FpArithTests
{
    private static readonly FpFormat S = FpFormat.Single;
    private static readonly FpFormat D = FpFormat.Double;

    private static uint Bits(float f) => BitConverter.SingleToUInt32Bits(f);

    private static uint Mode(FpRounding r) => (uint)r << FpscrFlags.RModeShift;

    private static uint Add(uint a, uint b, ref uint fpscr) => (uint)FpArith.Add(a, b, S, ref fpscr);

    [Fact]
    public void RandomSingleOperationsMatchHostIeeeRoundToNearest()
    {
        var rng = new Random(1234);
        for (var i = 0; i < 200_000; i++)
        {
            var a = RandomSingle(rng);
            var b = RandomSingle(rng);
            var c = RandomSingle(rng);
            var fa = BitConverter.UInt32BitsToSingle(a);
            var fb = BitConverter.UInt32BitsToSingle(b);
            var fc = BitConverter.UInt32BitsToSingle(c);
            CheckSame(fa + fb, FpArith.Add(a, b, S, ref Unused()), "add", a, b);
            CheckSame(fa - fb, FpArith.Sub(a, b, S, ref Unused()), "sub", a, b);
            CheckSame(fa * fb, FpArith.Mul(a, b, S, ref Unused()), "mul", a, b);
            CheckSame(fa / fb, FpArith.Div(a, b, S, ref Unused()), "div", a, b);
            CheckSame(MathF.Sqrt(fa), FpArith.Sqrt(a, S, ref Unused()), "sqrt", a, a);
            CheckSame(MathF.FusedMultiplyAdd(fb, fc, fa), FpArith.MulAdd(a, b, c, S, ref Unused()), "fma", a, b);
        }
    }

    [Fact]
    public void RandomDoubleOperationsMatchHostIeeeRoundToNearest()
    {
        var rng = new Random(99);
        for (var i = 0; i < 100_000; i++)
        {
            var a = RandomDouble(rng);
            var b = RandomDouble(rng);
            var c = RandomDouble(rng);
            var fa = BitConverter.UInt64BitsToDouble(a);
            var fb = BitConverter.UInt64BitsToDouble(b);
            var fc = BitConverter.UInt64BitsToDouble(c);
            CheckSame(fa + fb, FpArith.Add(a, b, D, ref Unused()), "add", a, b);
            CheckSame(fa * fb, FpArith.Mul(a, b, D, ref Unused()), "mul", a, b);
            CheckSame(fa / fb, FpArith.Div(a, b, D, ref Unused()), "div", a, b);
            CheckSame(Math.Sqrt(fa), FpArith.Sqrt(a, D, ref Unused()), "sqrt", a, a);
            CheckSame(Math.FusedMultiplyAdd(fb, fc, fa), FpArith.MulAdd(a, b, c, D, ref Unused()), "fma", a, b);
            CheckSame((float)fa, FpConvert.Convert(a, D, S, ref Unused()), "f64->f32", a, a);
        }
    }

    [Theory]
    [InlineData(FpRounding.TieEven, 0x3F800000u)]
    [InlineData(FpRounding.PosInf, 0x3F800001u)]
    [InlineData(FpRounding.NegInf, 0x3F800000u)]
    [InlineData(FpRounding.Zero, 0x3F800000u)]
    public void AdditionRoundsInEveryMode(FpRounding mode, uint expected)
    {
        // 1 + 2^-25 is just above 1: only RP rounds it up; IXC in every mode.
        var fpscr = Mode(mode);
        Assert.Equal(expected, Add(0x3F800000, 0x33000000, ref fpscr));
        Assert.Equal(FpscrFlags.Ixc, fpscr & 0x9F);
    }

    [Fact]
    public void NegativeHalfwayCaseRoundsTowardsMinusInfinityInRm()
    {
        var fpscr = Mode(FpRounding.NegInf);
        Assert.Equal(0xBF800001u, Add(0xBF800000, 0xB3000000, ref fpscr));
    }

    [Fact]
    public void ExactZeroSumIsNegativeOnlyInRoundTowardsMinusInfinity()
    {
        var rn = Mode(FpRounding.TieEven);
        Assert.Equal(0u, Add(0x3F800000, 0xBF800000, ref rn));
        var rm = Mode(FpRounding.NegInf);
        Assert.Equal(0x80000000u, Add(0x3F800000, 0xBF800000, ref rm));
    }

    [Fact]
    public void OverflowGivesInfinityOrMaxNormalByMode()
    {
        var rn = 0u;
        Assert.Equal(0x7F800000u, (uint)FpArith.Mul(0x7F7FFFFF, 0x40000000, S, ref rn));
        Assert.Equal(FpscrFlags.Ofc | FpscrFlags.Ixc, rn);
        var rz = Mode(FpRounding.Zero);
        Assert.Equal(0x7F7FFFFFu, (uint)FpArith.Mul(0x7F7FFFFF, 0x40000000, S, ref rz));
        var rm = Mode(FpRounding.NegInf);
        Assert.Equal(0x7F7FFFFFu, (uint)FpArith.Mul(0x7F7FFFFF, 0x40000000, S, ref rm));
    }

    [Fact]
    public void FlushToZeroFlushesDenormalInputsWithIdc()
    {
        var fpscr = FpscrFlags.Fz;
        Assert.Equal(0x3F800000u, Add(0x3F800000, 0x00000001, ref fpscr));
        Assert.Equal(FpscrFlags.Idc | FpscrFlags.Fz, fpscr);
    }

    [Fact]
    public void FlushToZeroFlushesTinyResultsWithUfcBeforeRounding()
    {
        // 2^-126 * 0.5 is tiny before rounding: zero, UFC, no IXC.
        var fpscr = FpscrFlags.Fz;
        Assert.Equal(0u, (uint)FpArith.Mul(0x00800000, 0x3F000000, S, ref fpscr));
        Assert.Equal(FpscrFlags.Ufc | FpscrFlags.Fz, fpscr);

        // (2^-126 - ulp) rounds up to 2^-126 but was tiny before rounding: still flushed.
        var fz = FpscrFlags.Fz;
        Assert.Equal(0u, (uint)FpArith.Mul(0x3F7FFFFF, 0x00800000, S, ref fz));
    }

    [Fact]
    public void UnderflowNeedsTinyAndInexactWithoutFlushToZero()
    {
        var exact = 0u;
        Assert.Equal(0x00400000u, (uint)FpArith.Mul(0x00800000, 0x3F000000, S, ref exact));
        Assert.Equal(0u, exact);
        var inexact = 0u;
        FpArith.Mul(0x00800001, 0x3F000000, S, ref inexact);
        Assert.Equal(FpscrFlags.Ufc | FpscrFlags.Ixc, inexact);
    }

    [Fact]
    public void FirstSignallingNaNWinsAndIsQuieted()
    {
        var fpscr = 0u;
        Assert.Equal(0x7FC00002u, Add(0x7FC00001, 0x7F800002, ref fpscr));
        Assert.Equal(FpscrFlags.Ioc, fpscr);
        var quiet = 0u;
        Assert.Equal(0xFFC00001u, Add(0xFFC00001, 0x7FC00002, ref quiet));
        Assert.Equal(0u, quiet);
    }

    [Fact]
    public void DefaultNaNModeReturnsTheDefaultNaN()
    {
        var fpscr = FpscrFlags.Dn;
        Assert.Equal(0x7FC00000u, Add(0xFFC00001, 0x3F800000, ref fpscr));
        var invalid = FpscrFlags.Dn;
        Assert.Equal(0x7FC00000u, Add(0x7F800000, 0xFF800000, ref invalid));
        Assert.Equal(FpscrFlags.Ioc, invalid & 0x9F);
    }

    [Fact]
    public void MulAddPicksTheAddendNaNFirst()
    {
        var fpscr = 0u;
        Assert.Equal(0x7FC00003u, (uint)FpArith.MulAdd(0x7FC00003, 0x7FC00001, 0x7FC00002, S, ref fpscr));
        Assert.Equal(0u, fpscr);
        var snan = 0u;
        Assert.Equal(0x7FC00001u, (uint)FpArith.MulAdd(0x7FC00003, 0x7F800001, 0x3F800000, S, ref snan));
        Assert.Equal(FpscrFlags.Ioc, snan);
    }

    [Fact]
    public void MulAddOfInfinityTimesZeroWithQuietNaNAddendIsDefaultNaN()
    {
        var fpscr = 0u;
        Assert.Equal(0x7FC00000u, (uint)FpArith.MulAdd(0x7FC00003, 0x7F800000, 0, S, ref fpscr));
        Assert.Equal(FpscrFlags.Ioc, fpscr);
    }

    [Fact]
    public void FusedMultiplyAddRoundsOnce()
    {
        // (1 + 2^-12)^2 - 1 - 2^-11 = 2^-24 exactly, which a separately rounded product would lose.
        var x = 0x3F800800u;
        var fpscr = 0u;
        var r = (uint)FpArith.MulAdd(0xBF801000, x, x, S, ref fpscr);
        Assert.Equal(0x33800000u, r);
        Assert.Equal(0u, fpscr);
    }

    [Fact]
    public void SquareRootIsExactForPerfectSquaresAndSignalsInexactOtherwise()
    {
        var exact = 0u;
        Assert.Equal(Bits(3f), (uint)FpArith.Sqrt(Bits(9f), S, ref exact));
        Assert.Equal(0u, exact);
        var inexact = 0u;
        Assert.Equal(Bits(MathF.Sqrt(2f)), (uint)FpArith.Sqrt(Bits(2f), S, ref inexact));
        Assert.Equal(FpscrFlags.Ixc, inexact);
        var negative = 0u;
        Assert.Equal(0x7FC00000u, (uint)FpArith.Sqrt(Bits(-4f), S, ref negative));
        Assert.Equal(FpscrFlags.Ioc, negative);
        var negZero = 0u;
        Assert.Equal(0x80000000u, (uint)FpArith.Sqrt(0x80000000, S, ref negZero));
    }

    [Fact]
    public void DivisionByZeroSetsDzc()
    {
        var fpscr = 0u;
        Assert.Equal(0xFF800000u, (uint)FpArith.Div(Bits(-1f), 0, S, ref fpscr));
        Assert.Equal(FpscrFlags.Dzc, fpscr);
    }

    [Fact]
    public void SquareRootInDirectedModes()
    {
        var rp = Mode(FpRounding.PosInf);
        Assert.Equal(Bits(MathF.Sqrt(2f)) + 1, (uint)FpArith.Sqrt(Bits(2f), S, ref rp));
        var rz = Mode(FpRounding.Zero);
        Assert.Equal(Bits(MathF.Sqrt(2f)), (uint)FpArith.Sqrt(Bits(2f), S, ref rz));
    }

    private static uint _scratch;

    private static ref uint Unused()
    {
        _scratch = 0;
        return ref _scratch;
    }

    private static void CheckSame(float expected, ulong actual, string op, uint a, uint b)
    {
        var e = BitConverter.SingleToUInt32Bits(expected);
        if (float.IsNaN(expected))
        {
            Assert.True(float.IsNaN(BitConverter.UInt32BitsToSingle((uint)actual)), $"{op} {a:x8} {b:x8}: expected NaN, got {actual:x8}");
            return;
        }

        Assert.True(e == (uint)actual, $"{op} {a:x8} {b:x8}: expected {e:x8}, got {actual:x8}");
    }

    private static void CheckSame(double expected, ulong actual, string op, ulong a, ulong b)
    {
        var e = BitConverter.DoubleToUInt64Bits(expected);
        if (double.IsNaN(expected))
        {
            Assert.True(double.IsNaN(BitConverter.UInt64BitsToDouble(actual)), $"{op} {a:x16} {b:x16}: expected NaN, got {actual:x16}");
            return;
        }

        Assert.True(e == actual, $"{op} {a:x16} {b:x16}: expected {e:x16}, got {actual:x16}");
    }

    private static void CheckSame(float expected, ulong actual, string op, ulong a, ulong b) =>
        CheckSame(expected, actual, op, (uint)a, (uint)b);

    internal static uint RandomSingle(Random rng) => rng.Next(8) switch
    {
        0 => (uint)rng.Next(0, 0x00FFFFFF) | (rng.Next(2) == 0 ? 0u : 0x80000000u),
        1 => (uint)rng.Next(0x7F7FFF00, 0x7FFFFFFF) | ((uint)rng.Next(2) << 31),
        2 => ((uint)rng.Next(110, 140) << 23) | ((uint)rng.Next() & 0x807FFFFF),
        3 => ((uint)rng.Next(126, 128) << 23) | ((uint)rng.Next(0, 16)) | ((uint)rng.Next(2) << 31),
        _ => (uint)rng.NextInt64(0, 1L << 32),
    };

    private static ulong RandomDouble(Random rng) => rng.Next(6) switch
    {
        0 => (ulong)rng.NextInt64() & 0x800F_FFFF_FFFF_FFFF,
        1 => ((ulong)(uint)rng.Next(1000, 1050) << 52) | ((ulong)rng.NextInt64() & 0x800F_FFFF_FFFF_FFFF),
        2 => ((ulong)rng.Next(1022, 1024) << 52) | (uint)rng.Next(0, 16) | ((ulong)(uint)rng.Next(2) << 63),
        _ => (ulong)rng.NextInt64() ^ ((ulong)(uint)rng.Next(2) << 63),
    };
}
