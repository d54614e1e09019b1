// SRType of the Armv7-M ARM (A7.4.2 DecodeImmShift / Shift_C).
namespace Nemu.Arm.Decoding;

/// <summary>SRType: the kind of shift applied to a register operand.</summary>
public enum ShiftType : byte
{
    Lsl = 0,
    Lsr = 1,
    Asr = 2,
    Ror = 3,
    Rrx = 4,
}
