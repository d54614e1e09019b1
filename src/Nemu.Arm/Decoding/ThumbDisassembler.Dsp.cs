// Operand text of the ARMv7E-M DSP instructions, spelled as arm-none-eabi-objdump prints them (the mnemonic
// comes from the table line's name, e.g. "SMLABT T1" → smlabt).
namespace Nemu.Arm.Decoding;

public static partial class ThumbDisassembler
{
    private static string DspOperands(in DecodedInsn x)
    {
        switch (x.Op)
        {
            case ThumbOp.Qadd or ThumbOp.Qsub or ThumbOp.Qdadd or ThumbOp.Qdsub:
                return $"{R(x.Rd)}, {R(x.Rm)}, {R(x.Rn)}";
            case >= ThumbOp.Sadd16 and <= ThumbOp.Uhsub8:
            case ThumbOp.Sel or ThumbOp.Usad8 or ThumbOp.Smulxy or ThumbOp.Smulwy or ThumbOp.Smuad or ThumbOp.Smusd or ThumbOp.Smmul:
                return $"{R(x.Rd)}, {R(x.Rn)}, {R(x.Rm)}";
            case ThumbOp.Usada8 or ThumbOp.Smlaxy or ThumbOp.Smlawy or ThumbOp.Smlad or ThumbOp.Smlsd or ThumbOp.Smmla or ThumbOp.Smmls:
                return $"{R(x.Rd)}, {R(x.Rn)}, {R(x.Rm)}, {R(x.Ra)}";
            case ThumbOp.Smlalxy or ThumbOp.Smlald or ThumbOp.Smlsld or ThumbOp.Umaal:
                return $"{R(x.Ra)}, {R(x.Rd)}, {R(x.Rn)}, {R(x.Rm)}";
            case ThumbOp.Ssat16 or ThumbOp.Usat16:
                return $"{R(x.Rd)}, #{x.Ra}, {R(x.Rn)}";
            case ThumbOp.Pkhbt or ThumbOp.Pkhtb:
                return $"{R(x.Rd)}, {R(x.Rn)}, {R(x.Rm)}{ShiftSuffix(in x)}";
            case ThumbOp.Sxtab or ThumbOp.Sxtah or ThumbOp.Uxtab or ThumbOp.Uxtah or ThumbOp.Sxtab16 or ThumbOp.Uxtab16:
                return $"{R(x.Rd)}, {R(x.Rn)}, {R(x.Rm)}" + (x.ShiftAmount == 0 ? string.Empty : $", ror #{x.ShiftAmount}");
            case ThumbOp.Sxtb16 or ThumbOp.Uxtb16:
                return $"{R(x.Rd)}, {R(x.Rm)}" + (x.ShiftAmount == 0 ? string.Empty : $", ror #{x.ShiftAmount}");
            default:
                return string.Empty;
        }
    }
}
