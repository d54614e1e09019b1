// The spelling differences of capstone (the disassembler QEMU 7.2 on Debian uses for "-d in_asm", LLVM's Thumb
// printer) from our default text, checked against real QEMU logs (tests/Nemu.Arm.Tests/Decoding/Data): 16-bit
// encodings that name Rdn once print two operands ("adds r0, #1", "ands r1, r2", "sub sp, #8", "add r1, r2"), and
// instructions inside an IT block carry the block's condition before any ".w" and drop the "s" of the 16-bit forms
// whose flag setting depends on the IT state ("moveq r3, #5").
namespace Nemu.Arm.Decoding;

/// <summary>Capstone's Thumb spellings where they differ from <see cref="ThumbDisassembler"/>'s defaults.</summary>
internal static class CapstoneSyntax
{
    private static readonly HashSet<string> TwoOperand16 =
    [
        "ADD (immediate) T2", "SUB (immediate) T2", "AND (register) T1", "EOR (register) T1", "LSL (register) T1",
        "LSR (register) T1", "ASR (register) T1", "ADC (register) T1", "SBC (register) T1", "ROR (register) T1",
        "ORR (register) T1", "BIC (register) T1", "ADD (SP plus immediate) T2", "SUB (SP minus immediate) T1",
        "ADD (register) T2",
    ];

    /// <summary>
    /// Whether a 32-bit instruction whose mnemonic also has a 16-bit encoding takes ".w": LLVM marks only the forms
    /// that a 16-bit encoding could express — data-processing register forms, immediates of ADD/SUB/MOV/CMP/CMN/RSB
    /// and TST (not AND/ORR/EOR/BIC/MVN/ADC/SBC), loads/stores with a positive offset and no write-back, or a register offset.
    /// </summary>
    public static bool HasWideSuffix(in DecodedInsn x) => x.Op switch
    {
        ThumbOp.AndImm or ThumbOp.OrrImm or ThumbOp.EorImm or ThumbOp.BicImm or ThumbOp.MvnImm
            or ThumbOp.AdcImm or ThumbOp.SbcImm => false,
        ThumbOp.Ldr or ThumbOp.Ldrb or ThumbOp.Ldrh or ThumbOp.Ldrsb or ThumbOp.Ldrsh or ThumbOp.Str or ThumbOp.Strb or ThumbOp.Strh =>
            x.Rn == 15 || x.Has(InsnFlags.RegisterOperand) || (x.Has(InsnFlags.Index) && x.Has(InsnFlags.Add) && !x.Has(InsnFlags.WriteBack)),
        _ => true,
    };

    /// <summary>The operands of a two-operand 16-bit form, or null when the default text applies.</summary>
    public static string? TwoOperandForm(string lineName, in DecodedInsn x)
    {
        if (!TwoOperand16.Contains(lineName))
        {
            return null;
        }

        return x.Op switch
        {
            ThumbOp.AddImm or ThumbOp.SubImm => $"{ThumbDisassembler.R(x.Rd)}, #{ThumbDisassembler.Hex(x.Imm)}",
            _ => $"{ThumbDisassembler.R(x.Rd)}, {ThumbDisassembler.R(x.Rm)}",
        };
    }

    /// <summary>The mnemonic inside an IT block with condition <paramref name="cond"/>.</summary>
    public static string InItBlock(in DecodedInsn insn, string mnemonic, string cond)
    {
        if (insn.Op is ThumbOp.It or ThumbOp.B)
        {
            return mnemonic;
        }

        if (insn.Has(InsnFlags.SetFlagsOutsideIt) && mnemonic.EndsWith('s'))
        {
            mnemonic = mnemonic[..^1];
        }

        return mnemonic + cond;
    }
}
