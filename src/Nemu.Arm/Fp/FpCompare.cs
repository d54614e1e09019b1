// Comparison and selection of the Arm FP pseudocode (Armv7-M ARM A2.5.9 FPCompare; FPv5 FPMaxNum/FPMinNum of the
// ARMv8 pseudocode for VMAXNM/VMINNM): NZCV results, IOC for signalling NaNs (any NaN for VCMPE), and the
// number-preferring max/min (a quiet NaN loses against a number; signalling NaNs still propagate).
namespace Nemu.Arm.Fp;

/// <summary>Format-generic FP comparisons.</summary>
public static class FpCompare
{
    /// <summary>FPCompare: returns NZCV in bits [3:0] (0b0011 unordered, 0b0110 equal, 0b1000 less, 0b0010 greater).</summary>
    public static uint Compare(ulong op1, ulong op2, FpFormat f, bool quietNaNException, ref uint fpscr)
    {
        var a = FpCore.Unpack(op1, f, ref fpscr);
        var b = FpCore.Unpack(op2, f, ref fpscr);
        if (a.IsNaN || b.IsNaN)
        {
            if (a.Type == FpType.SNaN || b.Type == FpType.SNaN || quietNaNException)
            {
                fpscr |= FpscrFlags.Ioc;
            }

            return 0b0011;
        }

        var order = Order(in a, in b);
        return order == 0 ? 0b0110u : order < 0 ? 0b1000u : 0b0010u;
    }

    /// <summary>FPMaxNum (<paramref name="max"/>) or FPMinNum.</summary>
    public static ulong MaxMinNum(ulong op1, ulong op2, FpFormat f, bool max, ref uint fpscr)
    {
        // A quiet NaN against a number is replaced by the infinity that loses (checked on the raw encodings).
        var flags = 0u;
        var a = FpCore.Unpack(op1, f, ref flags);
        var b = FpCore.Unpack(op2, f, ref flags);
        if (a.Type == FpType.QNaN && !b.IsNaN)
        {
            op1 = f.Infinity(max);
        }
        else if (b.Type == FpType.QNaN && !a.IsNaN)
        {
            op2 = f.Infinity(max);
        }

        a = FpCore.Unpack(op1, f, ref fpscr);
        b = FpCore.Unpack(op2, f, ref fpscr);
        if (FpCore.ProcessNaNs(in a, in b, f, ref fpscr, out var nan))
        {
            return nan;
        }

        if (a.IsZero && b.IsZero)
        {
            // max(+0,-0) = +0, min(+0,-0) = -0.
            return f.Zero(max ? a.Sign && b.Sign : a.Sign || b.Sign);
        }

        var order = Order(in a, in b);
        var pick = (order > 0) == max ? a : b;
        if (order == 0)
        {
            pick = a;
        }

        if (pick.IsInfinity)
        {
            return f.Infinity(pick.Sign);
        }

        if (pick.IsZero)
        {
            return f.Zero(pick.Sign);
        }

        return FpCore.Round(pick.Sign, pick.Mant, pick.Exp, false, f, FpscrFlags.Rounding(fpscr), ref fpscr);
    }

    /// <summary>Orders two non-NaN values: -1, 0 or 1 (+0 equals -0).</summary>
    private static int Order(in FpValue a, in FpValue b)
    {
        var ka = Key(in a);
        var kb = Key(in b);
        return ka.CompareTo(kb);
    }

    // A totally ordered key: magnitude as (class, exponent of leading bit, normalised significand), signed.
    private static Int128 Key(in FpValue v)
    {
        if (v.IsZero)
        {
            return 0;
        }

        Int128 magnitude;
        if (v.IsInfinity)
        {
            magnitude = Int128.MaxValue;
        }
        else
        {
            var msb = FpCore.Msb(v.Mant);
            var top = (long)(v.Exp + msb + 4096);
            magnitude = ((Int128)top << 64) | (Int128)(v.Mant << (63 - msb));
        }

        return v.Sign ? -magnitude : magnitude;
    }
}
