// Integer pseudocode helpers of the Armv7-M ARM (A2.2.1 Shift_C, LSL_C/LSR_C/ASR_C/ROR_C/RRX_C, AddWithCarry,
// SignedSatQ/UnsignedSatQ). All carry/overflow results are exact.
using Nemu.Arm.Decoding;

namespace Nemu.Arm.Interpreter;

/// <summary>Shift and add primitives with their carry and overflow outputs.</summary>
public static class Alu
{
    /// <summary>AddWithCarry(x, y, carry_in) → (result, carry_out, overflow).</summary>
    public static uint AddWithCarry(uint x, uint y, bool carryIn, out bool carryOut, out bool overflow)
    {
        var unsignedSum = (ulong)x + y + (carryIn ? 1u : 0u);
        var result = (uint)unsignedSum;
        carryOut = (unsignedSum >> 32) != 0;
        overflow = (((x ^ result) & (y ^ result)) >> 31) != 0;
        return result;
    }

    /// <summary>Shift_C(value, type, amount, carry_in): amount 0 returns the value and carry_in unchanged.</summary>
    public static uint ShiftC(uint value, ShiftType type, int amount, bool carryIn, out bool carryOut)
    {
        if (amount == 0 && type != ShiftType.Rrx)
        {
            carryOut = carryIn;
            return value;
        }

        switch (type)
        {
            case ShiftType.Lsl:
                if (amount >= 32)
                {
                    carryOut = amount == 32 && (value & 1) != 0;
                    return 0;
                }

                carryOut = ((value >> (32 - amount)) & 1) != 0;
                return value << amount;
            case ShiftType.Lsr:
                if (amount >= 32)
                {
                    carryOut = amount == 32 && (value >> 31) != 0;
                    return 0;
                }

                carryOut = ((value >> (amount - 1)) & 1) != 0;
                return value >> amount;
            case ShiftType.Asr:
                if (amount >= 32)
                {
                    carryOut = (value >> 31) != 0;
                    return (uint)((int)value >> 31);
                }

                carryOut = (((int)value >> (amount - 1)) & 1) != 0;
                return (uint)((int)value >> amount);
            case ShiftType.Ror:
                var result = uint.RotateRight(value, amount & 31);
                carryOut = (result >> 31) != 0;
                return result;
            default:
                carryOut = (value & 1) != 0;
                return (value >> 1) | (carryIn ? 0x80000000u : 0);
        }
    }

    /// <summary>SignedSatQ(i, n).</summary>
    public static uint SignedSat(long value, int bits, out bool saturated)
    {
        var max = (1L << (bits - 1)) - 1;
        var min = -(1L << (bits - 1));
        saturated = value > max || value < min;
        return (uint)Math.Clamp(value, min, max);
    }

    /// <summary>UnsignedSatQ(i, n).</summary>
    public static uint UnsignedSat(long value, int bits, out bool saturated)
    {
        var max = bits == 32 ? uint.MaxValue : (1L << bits) - 1;
        saturated = value > max || value < 0;
        return (uint)Math.Clamp(value, 0, max);
    }
}
