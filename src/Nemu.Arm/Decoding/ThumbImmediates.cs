// Immediate decoding helpers of the Armv7-M ARM: ThumbExpandImm_C (A5.3.2), DecodeImmShift (A7.4.2),
// SignExtend.
namespace Nemu.Arm.Decoding;

/// <summary>Pseudocode helpers used while decoding.</summary>
public static class ThumbImmediates
{
    /// <summary>ThumbExpandImm_C: the 32-bit value and whether/what carry it produces.</summary>
    public static uint ThumbExpandImm(uint imm12, out bool carryValid, out bool carry)
    {
        if ((imm12 >> 10) == 0)
        {
            carryValid = false;
            carry = false;
            var b = imm12 & 0xFF;
            return ((imm12 >> 8) & 3) switch
            {
                0 => b,
                1 => (b << 16) | b,
                2 => (b << 24) | (b << 8),
                _ => (b << 24) | (b << 16) | (b << 8) | b,
            };
        }

        var unrotated = 0x80 | (imm12 & 0x7F);
        var value = uint.RotateRight(unrotated, (int)(imm12 >> 7));
        carryValid = true;
        carry = (value >> 31) != 0;
        return value;
    }

    /// <summary>DecodeImmShift(type, imm5).</summary>
    public static (ShiftType Type, byte Amount) DecodeImmShift(uint type, uint imm5) => type switch
    {
        0 => (ShiftType.Lsl, (byte)imm5),
        1 => (ShiftType.Lsr, (byte)(imm5 == 0 ? 32 : imm5)),
        2 => (ShiftType.Asr, (byte)(imm5 == 0 ? 32 : imm5)),
        _ => imm5 == 0 ? (ShiftType.Rrx, (byte)1) : (ShiftType.Ror, (byte)imm5),
    };

    public static uint SignExtend(uint value, int bits) => (uint)((int)(value << (32 - bits)) >> (32 - bits));
}
