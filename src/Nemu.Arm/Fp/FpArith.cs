// The arithmetic of the Arm FP pseudocode (Armv7-M ARM A2.5.9 and A7.7): FPAdd, FPSub, FPMul, FPDiv, FPSqrt and the
// fused FPMulAdd, on any FpFormat. Each computes the exact result as an integer significand with a sticky bit and
// rounds once with FpCore.Round, so every rounding mode is exact (no host floating point). NaN selection follows
// FPProcessNaNs/FPProcessNaNs3 with the caller's operand order; FPMulAdd passes the addend first.
namespace Nemu.Arm.Fp;

/// <summary>Format-generic FP arithmetic; raw operands and results in the low bits of a ulong.</summary>
public static class FpArith
{
    /// <summary>Where AddExact normalises significands: leaves room for the carry of a sum below bit 127.</summary>
    private const int Top = 124;

    public static ulong Add(ulong op1, ulong op2, FpFormat f, ref uint fpscr)
    {
        var a = FpCore.Unpack(op1, f, ref fpscr);
        var b = FpCore.Unpack(op2, f, ref fpscr);
        return AddUnpacked(in a, in b, b.Sign, f, ref fpscr);
    }

    public static ulong Sub(ulong op1, ulong op2, FpFormat f, ref uint fpscr)
    {
        var a = FpCore.Unpack(op1, f, ref fpscr);
        var b = FpCore.Unpack(op2, f, ref fpscr);
        return AddUnpacked(in a, in b, !b.Sign, f, ref fpscr);
    }

    private static ulong AddUnpacked(in FpValue a, in FpValue b, bool signB, FpFormat f, ref uint fpscr)
    {
        if (FpCore.ProcessNaNs(in a, in b, f, ref fpscr, out var nan))
        {
            return nan;
        }

        if (a.IsInfinity && b.IsInfinity && a.Sign != signB)
        {
            return FpCore.InvalidNaN(f, ref fpscr);
        }

        if (a.IsInfinity)
        {
            return f.Infinity(a.Sign);
        }

        if (b.IsInfinity)
        {
            return f.Infinity(signB);
        }

        var rounding = FpscrFlags.Rounding(fpscr);
        if (a.IsZero && b.IsZero)
        {
            return a.Sign == signB ? f.Zero(a.Sign) : f.Zero(rounding == FpRounding.NegInf);
        }

        if (a.IsZero || b.IsZero)
        {
            // x + 0 is x exactly; FPRound still runs (it flushes a tiny x under FZ... which Unpack already did).
            var x = a.IsZero ? b : a;
            var sign = a.IsZero ? signB : a.Sign;
            return FpCore.Round(sign, x.Mant, x.Exp, false, f, rounding, ref fpscr);
        }

        return Sum(a.Sign, a.Mant, a.Exp, signB, b.Mant, b.Exp, f, rounding, ref fpscr);
    }

    /// <summary>Rounds the exact sum of two nonzero finite values; an exact zero takes the sign the rounding mode gives.</summary>
    private static ulong Sum(bool signA, UInt128 mantA, int expA, bool signB, UInt128 mantB, int expB, FpFormat f, FpRounding rounding, ref uint fpscr)
    {
        var shiftA = Top - FpCore.Msb(mantA);
        mantA <<= shiftA;
        expA -= shiftA;
        var shiftB = Top - FpCore.Msb(mantB);
        mantB <<= shiftB;
        expB -= shiftB;
        if (expB > expA || (expB == expA && mantB > mantA))
        {
            (signA, mantA, expA, signB, mantB, expB) = (signB, mantB, expB, signA, mantA, expA);
        }

        var d = expA - expB;
        var sticky = false;
        if (d >= 128)
        {
            mantB = 0;
            sticky = true;
        }
        else if (d > 0)
        {
            sticky = (mantB & ((UInt128.One << d) - 1)) != 0;
            mantB >>= d;
        }

        UInt128 result;
        if (signA == signB)
        {
            result = mantA + mantB;
        }
        else
        {
            result = mantA - mantB - (sticky ? UInt128.One : UInt128.Zero);
            if (result == 0 && !sticky)
            {
                return f.Zero(rounding == FpRounding.NegInf);
            }
        }

        return FpCore.Round(signA, result, expA, sticky, f, rounding, ref fpscr);
    }

    public static ulong Mul(ulong op1, ulong op2, FpFormat f, ref uint fpscr)
    {
        var a = FpCore.Unpack(op1, f, ref fpscr);
        var b = FpCore.Unpack(op2, f, ref fpscr);
        if (FpCore.ProcessNaNs(in a, in b, f, ref fpscr, out var nan))
        {
            return nan;
        }

        var sign = a.Sign != b.Sign;
        if ((a.IsInfinity && b.IsZero) || (a.IsZero && b.IsInfinity))
        {
            return FpCore.InvalidNaN(f, ref fpscr);
        }

        if (a.IsInfinity || b.IsInfinity)
        {
            return f.Infinity(sign);
        }

        if (a.IsZero || b.IsZero)
        {
            return f.Zero(sign);
        }

        return FpCore.Round(sign, (UInt128)a.Mant * b.Mant, a.Exp + b.Exp, false, f, FpscrFlags.Rounding(fpscr), ref fpscr);
    }

    public static ulong Div(ulong op1, ulong op2, FpFormat f, ref uint fpscr)
    {
        var a = FpCore.Unpack(op1, f, ref fpscr);
        var b = FpCore.Unpack(op2, f, ref fpscr);
        if (FpCore.ProcessNaNs(in a, in b, f, ref fpscr, out var nan))
        {
            return nan;
        }

        var sign = a.Sign != b.Sign;
        if ((a.IsInfinity && b.IsInfinity) || (a.IsZero && b.IsZero))
        {
            return FpCore.InvalidNaN(f, ref fpscr);
        }

        if (a.IsInfinity || b.IsZero)
        {
            if (!a.IsInfinity)
            {
                fpscr |= FpscrFlags.Dzc;
            }

            return f.Infinity(sign);
        }

        if (a.IsZero || b.IsInfinity)
        {
            return f.Zero(sign);
        }

        // Normalise both significands to F+1 bits, then a quotient of F+3 or F+4 bits plus the remainder as sticky.
        var ma = (UInt128)a.Mant << (f.F - FpCore.Msb(a.Mant));
        var ea = a.Exp - (f.F - FpCore.Msb(a.Mant));
        var mb = (UInt128)b.Mant << (f.F - FpCore.Msb(b.Mant));
        var eb = b.Exp - (f.F - FpCore.Msb(b.Mant));
        var numerator = ma << (f.F + 3);
        var quotient = UInt128.DivRem(numerator, mb);
        return FpCore.Round(sign, quotient.Quotient, ea - eb - (f.F + 3), quotient.Remainder != 0, f, FpscrFlags.Rounding(fpscr), ref fpscr);
    }

    public static ulong Sqrt(ulong op, FpFormat f, ref uint fpscr)
    {
        var a = FpCore.Unpack(op, f, ref fpscr);
        if (a.IsNaN)
        {
            return FpCore.ProcessNaN(in a, f, ref fpscr);
        }

        if (a.IsZero)
        {
            return f.Zero(a.Sign);
        }

        if (a.Sign)
        {
            return FpCore.InvalidNaN(f, ref fpscr);
        }

        if (a.IsInfinity)
        {
            return f.Infinity(false);
        }

        // value = m * 2^e with m scaled to 2F+6 or 2F+7 bits and e even: sqrt = isqrt(m) * 2^(e/2), remainder sticky.
        var shift = (2 * f.F) + 6 - FpCore.Msb(a.Mant);
        if (((a.Exp - shift) & 1) != 0)
        {
            shift++;
        }

        var m = (UInt128)a.Mant << shift;
        var root = IntegerSqrt(m, out var exact);
        return FpCore.Round(false, root, (a.Exp - shift) / 2, !exact, f, FpscrFlags.Rounding(fpscr), ref fpscr);
    }

    private static UInt128 IntegerSqrt(UInt128 n, out bool exact)
    {
        UInt128 result = 0;
        var bit = UInt128.One << (FpCore.Msb(n) & ~1);
        var rest = n;
        while (bit != 0)
        {
            if (rest >= result + bit)
            {
                rest -= result + bit;
                result = (result >> 1) + bit;
            }
            else
            {
                result >>= 1;
            }

            bit >>= 2;
        }

        exact = rest == 0;
        return result;
    }

    /// <summary>FPMulAdd(addend, op1, op2): addend + op1*op2 with a single rounding (VFMA and friends).</summary>
    public static ulong MulAdd(ulong addend, ulong op1, ulong op2, FpFormat f, ref uint fpscr)
    {
        var c = FpCore.Unpack(addend, f, ref fpscr);
        var a = FpCore.Unpack(op1, f, ref fpscr);
        var b = FpCore.Unpack(op2, f, ref fpscr);
        var infZero = (a.IsInfinity && b.IsZero) || (a.IsZero && b.IsInfinity);
        var done = FpCore.ProcessNaNs3(in c, in a, in b, f, ref fpscr, out var result);
        if (c.Type == FpType.QNaN && infZero)
        {
            return FpCore.InvalidNaN(f, ref fpscr);
        }

        if (done)
        {
            return result;
        }

        var signP = a.Sign != b.Sign;
        var infP = a.IsInfinity || b.IsInfinity;
        var zeroP = a.IsZero || b.IsZero;
        if (infZero || (c.IsInfinity && infP && c.Sign != signP))
        {
            return FpCore.InvalidNaN(f, ref fpscr);
        }

        if (c.IsInfinity)
        {
            return f.Infinity(c.Sign);
        }

        if (infP)
        {
            return f.Infinity(signP);
        }

        var rounding = FpscrFlags.Rounding(fpscr);
        if (c.IsZero && zeroP)
        {
            return c.Sign == signP ? f.Zero(c.Sign) : f.Zero(rounding == FpRounding.NegInf);
        }

        if (zeroP)
        {
            return FpCore.Round(c.Sign, c.Mant, c.Exp, false, f, rounding, ref fpscr);
        }

        var product = (UInt128)a.Mant * b.Mant;
        if (c.IsZero)
        {
            return FpCore.Round(signP, product, a.Exp + b.Exp, false, f, rounding, ref fpscr);
        }

        return Sum(c.Sign, c.Mant, c.Exp, signP, product, a.Exp + b.Exp, f, rounding, ref fpscr);
    }

    /// <summary>FPNeg: flips the sign bit (no NaN processing, no flags).</summary>
    public static ulong Neg(ulong op, FpFormat f) => op ^ f.SignBit;

    /// <summary>FPAbs: clears the sign bit.</summary>
    public static ulong Abs(ulong op, FpFormat f) => op & ~f.SignBit;
}
