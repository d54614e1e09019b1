// Conversions of the Arm FP pseudocode (Armv7-M ARM A2.5.9, A7.7.22-A7.7.26, and the FPv5 additions): FPToFixed
// (float to integer or fixed point, saturating with IOC, IXC when inexact), FixedToFP, FPConvert between
// half/single/double (NaN payloads kept, quieted; AHP half has no NaN or infinity: IOC and zero / max value) and
// FPRoundInt (VRINT). Half-precision operands are never flushed to zero; single and double ones are under FZ.
namespace Nemu.Arm.Fp;

/// <summary>Format-generic FP conversions.</summary>
public static class FpConvert
{
    /// <summary>
    /// FPToFixed: <paramref name="op"/> * 2^<paramref name="fractionBits"/> rounded to an integer and saturated to
    /// <paramref name="bits"/> bits (signed or unsigned); the result is sign- or zero-extended.
    /// </summary>
    public static long ToFixed(ulong op, FpFormat f, int fractionBits, int bits, bool unsigned, FpRounding rounding, ref uint fpscr)
    {
        var v = FpCore.Unpack(op, f, ref fpscr);
        if (v.IsNaN)
        {
            fpscr |= FpscrFlags.Ioc;
            return 0;
        }

        var max = unsigned ? (long)((1ul << bits) - 1) : (1L << (bits - 1)) - 1;
        var min = unsigned ? 0 : -(1L << (bits - 1));
        if (v.IsInfinity)
        {
            fpscr |= FpscrFlags.Ioc;
            return v.Sign ? min : max;
        }

        if (v.IsZero)
        {
            return 0;
        }

        var exp = v.Exp + fractionBits;
        ulong magnitude;
        int error;
        if (exp >= 0)
        {
            if (exp + FpCore.Msb(v.Mant) >= 63)
            {
                fpscr |= FpscrFlags.Ioc;
                return v.Sign ? min : max;
            }

            magnitude = v.Mant << exp;
            error = 0;
        }
        else
        {
            magnitude = Shift(v.Mant, -exp, out error);
        }

        if (RoundUp(rounding, error, magnitude, v.Sign))
        {
            magnitude++;
        }

        var value = v.Sign ? -(long)magnitude : (long)magnitude;
        if (value > max || value < min)
        {
            fpscr |= FpscrFlags.Ioc;
            return value > max ? max : min;
        }

        if (error != 0)
        {
            fpscr |= FpscrFlags.Ixc;
        }

        return value;
    }

    /// <summary>FixedToFP: the integer <paramref name="value"/> / 2^<paramref name="fractionBits"/>, rounded.</summary>
    public static ulong FromFixed(long value, int fractionBits, FpFormat f, FpRounding rounding, ref uint fpscr)
    {
        if (value == 0)
        {
            return f.Zero(false);
        }

        var sign = value < 0;
        var magnitude = sign ? (ulong)-value : (ulong)value;
        return FpCore.Round(sign, magnitude, -fractionBits, false, f, rounding, ref fpscr);
    }

    /// <summary>FixedToFP for an unsigned 64-bit-wide source (UInt32 inputs all fit in <see cref="long"/>; kept for clarity).</summary>
    public static ulong FromUnsigned(ulong value, int fractionBits, FpFormat f, FpRounding rounding, ref uint fpscr) =>
        value == 0 ? f.Zero(false) : FpCore.Round(false, value, -fractionBits, false, f, rounding, ref fpscr);

    /// <summary>FPConvert between formats, with FPSCR rounding (AHP applies when either side is half precision).</summary>
    public static ulong Convert(ulong op, FpFormat from, FpFormat to, ref uint fpscr)
    {
        var v = FpCore.Unpack(op, from, ref fpscr);
        var altHp = to.N == 16 && (fpscr & FpscrFlags.Ahp) != 0;
        switch (v.Type)
        {
            case FpType.QNaN or FpType.SNaN:
                ulong result;
                if (altHp)
                {
                    result = to.Zero(v.Sign);
                }
                else if ((fpscr & FpscrFlags.Dn) != 0)
                {
                    result = to.DefaultNaN;
                }
                else
                {
                    // FPConvertNaN: sign, then the payload's top bits, quieted.
                    var frac = op & from.FracMask;
                    var payload = from.F >= to.F ? frac >> (from.F - to.F) : frac << (to.F - from.F);
                    result = to.Zero(v.Sign) | (to.ExpMax << to.F) | to.QuietBit | (payload & to.FracMask);
                }

                if (v.Type == FpType.SNaN || altHp)
                {
                    fpscr |= FpscrFlags.Ioc;
                }

                return result;
            case FpType.Infinity:
                if (altHp)
                {
                    fpscr |= FpscrFlags.Ioc;
                    return to.Zero(v.Sign) | (to.SignBit - 1);
                }

                return to.Infinity(v.Sign);
            case FpType.Zero:
                return to.Zero(v.Sign);
            default:
                return FpCore.Round(v.Sign, v.Mant, v.Exp, false, to, FpscrFlags.Rounding(fpscr), ref fpscr);
        }
    }

    /// <summary>FPRoundInt: rounds to an integral value in the same format; IXC only when <paramref name="exact"/> (VRINTX).</summary>
    public static ulong RoundInt(ulong op, FpFormat f, FpRounding rounding, bool exact, ref uint fpscr)
    {
        var v = FpCore.Unpack(op, f, ref fpscr);
        if (v.IsNaN)
        {
            return FpCore.ProcessNaN(in v, f, ref fpscr);
        }

        if (v.IsInfinity)
        {
            return f.Infinity(v.Sign);
        }

        if (v.IsZero)
        {
            return f.Zero(v.Sign);
        }

        if (v.Exp >= 0)
        {
            return op;
        }

        var magnitude = Shift(v.Mant, -v.Exp, out var error);
        if (RoundUp(rounding, error, magnitude, v.Sign))
        {
            magnitude++;
        }

        if (exact && error != 0)
        {
            fpscr |= FpscrFlags.Ixc;
        }

        if (magnitude == 0)
        {
            return f.Zero(v.Sign);
        }

        var ignored = 0u;
        return FpCore.Round(v.Sign, magnitude, 0, false, f, FpRounding.Zero, ref ignored);
    }

    /// <summary>mant >> shift with the discarded part classified: 0 none, 1 below half, 2 half, 3 above half.</summary>
    private static ulong Shift(ulong mant, int shift, out int error)
    {
        if (shift > 64)
        {
            error = 1;
            return 0;
        }

        var rest = shift == 64 ? mant : mant & ((1ul << shift) - 1);
        var half = 1ul << (shift - 1);
        error = rest == 0 ? 0 : rest < half ? 1 : rest == half ? 2 : 3;
        return shift == 64 ? 0 : mant >> shift;
    }

    private static bool RoundUp(FpRounding rounding, int error, ulong magnitude, bool sign) => rounding switch
    {
        FpRounding.TieEven => error == 3 || (error == 2 && (magnitude & 1) != 0),
        FpRounding.TieAway => error >= 2,
        FpRounding.PosInf => error != 0 && !sign,
        FpRounding.NegInf => error != 0 && sign,
        _ => false,
    };
}
