// ARMv7-M integer instruction forms (ARMv7-M ARM A7.7): data processing with every operand-2 form
// (modified immediate, register, immediate shifts LSL/LSR/ASR/ROR and RRX), register-controlled shifts,
// ADDW/SUBW/MOVW/MOVT, multiplies and long multiplies, SDIV/UDIV (also by zero: CCR.DIV_0_TRP is clear
// at reset, the result is 0), SSAT/USAT, bitfields, CLZ/RBIT/REV*, extends. Registers are r0-r12 only;
// UNPREDICTABLE register combinations (RdLo == RdHi) are never generated.
namespace Nemu.Boards.Tests.Differential;

/// <summary>Generators for ARMv7-M integer forms, by group.</summary>
public static class IntegerForms
{
    private static readonly string[] DataOps = ["and", "bic", "orr", "orn", "eor", "add", "adc", "sub", "sbc", "rsb"];
    private static readonly string[] CompareOps = ["cmp", "cmn", "tst", "teq"];
    private static readonly string[] ShiftOps = ["lsl", "lsr", "asr", "ror"];
    private static readonly string[] BitOps = ["clz", "rbit", "rev", "rev16", "revsh"];
    private static readonly string[] ExtendOps = ["sxtb", "sxth", "uxtb", "uxth"];
    private static readonly string[] LongMulOps = ["umull", "smull", "umlal", "smlal"];

    /// <summary>A constant the Thumb-2 modified-immediate encoding can hold (ARMv7-M ARM A5.3.2).</summary>
    public static uint ModifiedImmediate(DeterministicRandom rng)
    {
        var b = (uint)rng.Below(256);
        switch (rng.Below(5))
        {
            case 0: return b;
            case 1: return b * 0x0001_0001;
            case 2: return b * 0x0100_0100;
            case 3: return b * 0x0101_0101;
            default:
                var rot = rng.Between(8, 31);
                var value = 0x80u | (b & 0x7F);
                return (value >> rot) | (value << (32 - rot));
        }
    }

    /// <summary>", lsl #n" etc. (or nothing, or RRX) for a register operand 2 (DecodeImmShift ranges).</summary>
    public static string ImmediateShift(DeterministicRandom rng) => rng.Below(6) switch
    {
        0 => string.Empty,
        1 => ", lsl " + FormContext.Dec(rng.Between(1, 31)),
        2 => ", lsr " + FormContext.Dec(rng.Between(1, 32)),
        3 => ", asr " + FormContext.Dec(rng.Between(1, 32)),
        4 => ", ror " + FormContext.Dec(rng.Between(1, 31)),
        _ => ", rrx",
    };

    public static string DataProcessing(FormContext c)
    {
        var rng = c.Rng;
        switch (rng.Below(10))
        {
            case < 5:
                var op = rng.Pick(DataOps);
                var s = rng.Chance(50);
                return rng.Chance(40)
                    ? $"{c.Op(op, s)} {c.Dst()}, {c.Src()}, {FormContext.Hex(ModifiedImmediate(rng))}"
                    : $"{c.Op(op, s)} {c.Dst()}, {c.Src()}, {c.Src()}{ImmediateShift(rng)}";
            case 5:
                var cmp = rng.Pick(CompareOps);
                return rng.Chance(40)
                    ? $"{c.Op(cmp)} {c.Src()}, {FormContext.Hex(ModifiedImmediate(rng))}"
                    : $"{c.Op(cmp)} {c.Src()}, {c.Src()}{ImmediateShift(rng)}";
            case 6:
                var mov = rng.Chance(50) ? "mov" : "mvn";
                return rng.Chance(40)
                    ? $"{c.Op(mov, rng.Chance(50))} {c.Dst()}, {FormContext.Hex(ModifiedImmediate(rng))}"
                    : $"{c.Op(mov, rng.Chance(50))} {c.Dst()}, {c.Src()}{ImmediateShift(rng)}";
            case 7:
                return $"{c.Op(rng.Chance(50) ? "addw" : "subw")} {c.Dst()}, {c.Src()}, {FormContext.Dec(rng.Below(4096))}";
            case 8:
                return $"{c.Op(rng.Chance(50) ? "movw" : "movt")} {c.Dst()}, {FormContext.Hex((uint)rng.Below(65536))}";
            default:
                // The three-operand carry users with register operand, the core of ADC/SBC/RSB coverage.
                return $"{c.Op(rng.Pick(["adc", "sbc", "rsb"]), rng.Chance(70))} {c.Dst()}, {c.Src()}, {c.Src()}";
        }
    }

    public static string Shift(FormContext c)
    {
        var rng = c.Rng;
        var op = rng.Pick(ShiftOps);
        var s = rng.Chance(60);
        switch (rng.Below(3))
        {
            case 0:
                return $"{c.Op(op, s)}.w {c.Dst()}, {c.Src()}, {c.Src()}";
            case 1:
                var amount = op switch { "lsl" => rng.Between(1, 31), "ror" => rng.Between(1, 31), _ => rng.Between(1, 32) };
                return $"{c.Op(op, s)}.w {c.Dst()}, {c.Src()}, {FormContext.Dec(amount)}";
            default:
                return $"{c.Op("rrx", s)} {c.Dst()}, {c.Src()}";
        }
    }

    public static string MultiplyDivide(FormContext c)
    {
        var rng = c.Rng;
        switch (rng.Below(5))
        {
            case 0:
                return $"{c.Op("mul")} {c.Dst()}, {c.Src()}, {c.Src()}";
            case 1:
                return $"{c.Op(rng.Chance(50) ? "mla" : "mls")} {c.Dst()}, {c.Src()}, {c.Src()}, {c.Src()}";
            case 2:
            case 3:
                var (lo, hi) = c.DstPair();
                return $"{c.Op(rng.Pick(LongMulOps))} {lo}, {hi}, {c.Src()}, {c.Src()}";
            default:
                var divisor = rng.Below(13);
                if (rng.Chance(30))
                {
                    // Division by zero (result 0 with DIV_0_TRP clear) and INT_MIN / -1 (result INT_MIN).
                    c.State.R[divisor] = rng.Chance(50) ? 0u : 0xFFFF_FFFFu;
                }

                return $"{c.Op(rng.Chance(50) ? "sdiv" : "udiv")} {c.Dst()}, {c.Src()}, {FormContext.R(divisor)}";
        }
    }

    public static string Saturate(FormContext c)
    {
        var rng = c.Rng;
        var shift = rng.Below(3) switch
        {
            0 => string.Empty,
            1 => ", lsl " + FormContext.Dec(rng.Between(1, 31)),
            _ => ", asr " + FormContext.Dec(rng.Between(1, 31)),
        };
        return rng.Chance(50)
            ? $"{c.Op("ssat")} {c.Dst()}, {FormContext.Dec(rng.Between(1, 32))}, {c.Src()}{shift}"
            : $"{c.Op("usat")} {c.Dst()}, {FormContext.Dec(rng.Between(0, 31))}, {c.Src()}{shift}";
    }

    public static string Bitfield(FormContext c)
    {
        var rng = c.Rng;
        var lsb = rng.Below(32);
        var width = rng.Between(1, 32 - lsb);
        return rng.Below(4) switch
        {
            0 => $"{c.Op("bfi")} {c.Dst()}, {c.Src()}, {FormContext.Dec(lsb)}, {FormContext.Dec(width)}",
            1 => $"{c.Op("bfc")} {c.Dst()}, {FormContext.Dec(lsb)}, {FormContext.Dec(width)}",
            2 => $"{c.Op("ubfx")} {c.Dst()}, {c.Src()}, {FormContext.Dec(lsb)}, {FormContext.Dec(width)}",
            _ => $"{c.Op("sbfx")} {c.Dst()}, {c.Src()}, {FormContext.Dec(lsb)}, {FormContext.Dec(width)}",
        };
    }

    public static string BitsAndExtends(FormContext c)
    {
        var rng = c.Rng;
        if (rng.Chance(50))
        {
            return $"{c.Op(rng.Pick(BitOps))}.w {c.Dst()}, {c.Src()}";
        }

        var rotate = rng.Below(4) == 0 ? string.Empty : ", ror " + FormContext.Dec(8 * rng.Between(1, 3));
        return $"{c.Op(rng.Pick(ExtendOps))}.w {c.Dst()}, {c.Src()}{rotate}";
    }
}
