// The shared machinery of the Arm FP pseudocode (Armv7-M ARM A2.5.9): FPUnpack (with flush-to-zero of input
// denormals and the alternative half-precision format), FPProcessNaN(s), and FPRound on an exact integer
// significand with a sticky bit, in every rounding mode. Underflow is detected before rounding (tininess before
// rounding, as Arm and QEMU's Arm float_status do); FZ flushes results that are tiny before rounding (UFC, no
// IXC). Half precision is never flushed (FZ applies to single and double only). Allocation-free.
using System.Numerics;

namespace Nemu.Arm.Fp;

/// <summary>FPUnpack, NaN handling and FPRound for any <see cref="FpFormat"/>.</summary>
public static class FpCore
{
    /// <summary>FPUnpack: classifies <paramref name="raw"/>; flushes denormals (IDC) when FPSCR.FZ is set, unless half precision.</summary>
    public static FpValue Unpack(ulong raw, FpFormat f, ref uint fpscr)
    {
        var sign = (raw & f.SignBit) != 0;
        var exp = (raw >> f.F) & f.ExpMax;
        var frac = raw & f.FracMask;
        if (exp == 0)
        {
            if (frac == 0)
            {
                return new FpValue(FpType.Zero, sign, 0, 0, raw);
            }

            if (f.N != 16 && (fpscr & FpscrFlags.Fz) != 0)
            {
                fpscr |= FpscrFlags.Idc;
                return new FpValue(FpType.Zero, sign, 0, 0, raw);
            }

            return new FpValue(FpType.Nonzero, sign, frac, f.Emin - f.F, raw);
        }

        if (exp == f.ExpMax && !(f.N == 16 && (fpscr & FpscrFlags.Ahp) != 0))
        {
            if (frac == 0)
            {
                return new FpValue(FpType.Infinity, sign, 0, 0, raw);
            }

            return new FpValue((frac & f.QuietBit) != 0 ? FpType.QNaN : FpType.SNaN, sign, 0, 0, raw);
        }

        return new FpValue(FpType.Nonzero, sign, frac | (1ul << f.F), (int)exp - f.Bias - f.F, raw);
    }

    /// <summary>FPProcessNaN: quiets the NaN (IOC for a signalling one), or the default NaN when FPSCR.DN is set.</summary>
    public static ulong ProcessNaN(in FpValue v, FpFormat f, ref uint fpscr)
    {
        if (v.Type == FpType.SNaN)
        {
            fpscr |= FpscrFlags.Ioc;
        }

        return (fpscr & FpscrFlags.Dn) != 0 ? f.DefaultNaN : v.Raw | f.QuietBit;
    }

    /// <summary>FPProcessNaNs: the first signalling NaN, else the first quiet NaN; false when neither operand is a NaN.</summary>
    public static bool ProcessNaNs(in FpValue a, in FpValue b, FpFormat f, ref uint fpscr, out ulong result)
    {
        if (a.Type == FpType.SNaN)
        {
            result = ProcessNaN(in a, f, ref fpscr);
        }
        else if (b.Type == FpType.SNaN)
        {
            result = ProcessNaN(in b, f, ref fpscr);
        }
        else if (a.Type == FpType.QNaN)
        {
            result = ProcessNaN(in a, f, ref fpscr);
        }
        else if (b.Type == FpType.QNaN)
        {
            result = ProcessNaN(in b, f, ref fpscr);
        }
        else
        {
            result = 0;
            return false;
        }

        return true;
    }

    /// <summary>FPProcessNaNs3 (operand order as the caller passes it: FPMulAdd passes the addend first).</summary>
    public static bool ProcessNaNs3(in FpValue a, in FpValue b, in FpValue c, FpFormat f, ref uint fpscr, out ulong result)
    {
        if (a.Type == FpType.SNaN)
        {
            result = ProcessNaN(in a, f, ref fpscr);
        }
        else if (b.Type == FpType.SNaN)
        {
            result = ProcessNaN(in b, f, ref fpscr);
        }
        else if (c.Type == FpType.SNaN)
        {
            result = ProcessNaN(in c, f, ref fpscr);
        }
        else if (a.Type == FpType.QNaN)
        {
            result = ProcessNaN(in a, f, ref fpscr);
        }
        else if (b.Type == FpType.QNaN)
        {
            result = ProcessNaN(in b, f, ref fpscr);
        }
        else if (c.Type == FpType.QNaN)
        {
            result = ProcessNaN(in c, f, ref fpscr);
        }
        else
        {
            result = 0;
            return false;
        }

        return true;
    }

    /// <summary>FPDefaultNaN with the Invalid Operation exception.</summary>
    public static ulong InvalidNaN(FpFormat f, ref uint fpscr)
    {
        fpscr |= FpscrFlags.Ioc;
        return f.DefaultNaN;
    }

    /// <summary>
    /// FPRound of the nonzero value (<paramref name="mant"/> + (sticky ? a fraction in (0,1) : 0)) * 2^<paramref name="exp"/>
    /// into format <paramref name="f"/>, with FPSCR's FZ/AHP and the given rounding.
    /// </summary>
    public static ulong Round(bool sign, UInt128 mant, int exp, bool sticky, FpFormat f, FpRounding rounding, ref uint fpscr)
    {
        System.Diagnostics.Debug.Assert(mant != 0, "FPRound of zero: callers produce exact zeros themselves");
        var msb = 127 - (int)UInt128.LeadingZeroCount(mant);
        var exponent = exp + msb;
        var ahp = f.N == 16 && (fpscr & FpscrFlags.Ahp) != 0;
        if (f.N != 16 && (fpscr & FpscrFlags.Fz) != 0 && exponent < f.Emin)
        {
            fpscr |= FpscrFlags.Ufc;
            return f.Zero(sign);
        }

        var biased = Math.Max(exponent + f.Bias, 0);
        var lsbExp = biased == 0 ? f.Emin - f.F : exponent - f.F;
        var shift = lsbExp - exp;
        ulong intMant;

        // error: 0 none, 1 below half, 2 exactly half, 3 above half.
        int error;
        if (shift <= 0)
        {
            intMant = (ulong)(mant << -shift);
            error = sticky ? 1 : 0;
        }
        else if (shift > 128)
        {
            intMant = 0;
            error = 1;
        }
        else
        {
            var rest = shift == 128 ? mant : mant & ((UInt128.One << shift) - 1);
            intMant = shift == 128 ? 0 : (ulong)(mant >> shift);
            var half = UInt128.One << (shift - 1);
            error = rest == 0 ? (sticky ? 1 : 0) : rest < half ? 1 : rest == half ? (sticky ? 3 : 2) : 3;
        }

        if (biased == 0 && error != 0)
        {
            fpscr |= FpscrFlags.Ufc;
        }

        bool roundUp;
        bool overflowToInf;
        switch (rounding)
        {
            case FpRounding.TieEven:
                roundUp = error == 3 || (error == 2 && (intMant & 1) != 0);
                overflowToInf = true;
                break;
            case FpRounding.TieAway:
                roundUp = error >= 2;
                overflowToInf = true;
                break;
            case FpRounding.PosInf:
                roundUp = error != 0 && !sign;
                overflowToInf = !sign;
                break;
            case FpRounding.NegInf:
                roundUp = error != 0 && sign;
                overflowToInf = sign;
                break;
            default:
                roundUp = false;
                overflowToInf = false;
                break;
        }

        if (roundUp)
        {
            intMant++;
            if (intMant == 1ul << f.F && biased == 0)
            {
                biased = 1;
            }

            if (intMant == 1ul << (f.F + 1))
            {
                biased++;
                intMant >>= 1;
            }
        }

        ulong result;
        if (!ahp)
        {
            if ((ulong)biased >= f.ExpMax)
            {
                result = overflowToInf ? f.Infinity(sign) : f.MaxNormal(sign);
                fpscr |= FpscrFlags.Ofc;
                error = 1;
            }
            else
            {
                result = f.Zero(sign) | ((ulong)biased << f.F) | (intMant & f.FracMask);
            }
        }
        else if ((ulong)biased > f.ExpMax)
        {
            result = f.Zero(sign) | (f.SignBit - 1);
            fpscr |= FpscrFlags.Ioc;
            error = 0;
        }
        else
        {
            result = f.Zero(sign) | ((ulong)biased << f.F) | (intMant & f.FracMask);
        }

        if (error != 0)
        {
            fpscr |= FpscrFlags.Ixc;
        }

        return result;
    }

    /// <summary>Bit position of the most significant set bit of a nonzero value.</summary>
    internal static int Msb(UInt128 v) => 127 - (int)UInt128.LeadingZeroCount(v);

    /// <summary>Bit position of the most significant set bit of a nonzero value.</summary>
    internal static int Msb(ulong v) => 63 - BitOperations.LeadingZeroCount(v);
}
