// Disassembly of the ARMv8-M additions (Armv8-M ARM C2.4). Format gives the assembler's names ("sg", "bxns lr",
// "ttat r1, r2", "lda r1, [r2]", "stlex r3, r1, [r2]", "vlstm r4"). For "-d in_asm", QEMU 7.2's capstone does not
// know the Security Extension instructions and TT: it prints SG as the LDRD it overlaps, TT as STREX, BXNS as BX and
// BLXNS/VLSTM/VLLDM as data (checked against qemu-system-arm -M mps2-an505 -d in_asm); FormatCapstone does the
// same by disassembling those bits as a core without the v8 lines decodes them. Not modelled: capstone's ".byte"
// lines for encodings it does not know (MRS/MSR of the v8 special registers, BLXNS, VLSTM/VLLDM) print as Nemu's
// "udf (undefined)" or the v7 reading.
namespace Nemu.Arm.Decoding;

/// <summary>The ARMv8-M part of the disassembler.</summary>
public static partial class ThumbDisassembler
{
    private static readonly string[] TtMnemonics = ["tt", "ttt", "tta", "ttat"];

    private const ArchFeatures WithoutV8 = ~(ArchFeatures.V8M | ArchFeatures.SecExt);

    private static string V8Operands(in DecodedInsn x) => x.Op switch
    {
        ThumbOp.Sg => string.Empty,
        ThumbOp.Bxns or ThumbOp.Blxns => R(x.Rm),
        ThumbOp.Tt => $"{R(x.Rd)}, {R(x.Rn)}",
        ThumbOp.Vlstm or ThumbOp.Vlldm => R(x.Rn),
        ThumbOp.Stlex or ThumbOp.Stlexb or ThumbOp.Stlexh => $"{R(x.Rd)}, {R(x.Rt)}, [{R(x.Rn)}]",
        _ => $"{R(x.Rt)}, [{R(x.Rn)}]",
    };

    // Capstone's view of an instruction it predates: the same bits decoded without the v8 lines.
    private static string FormatAsCapstoneSees(in DecodedInsn insn, uint pc, int itCondition)
    {
        var hw1 = (ushort)(insn.Length == 4 ? insn.Raw >> 16 : insn.Raw);
        var hw2 = (ushort)(insn.Length == 4 ? insn.Raw : 0);
        ThumbDecoder.Decode(hw1, hw2, WithoutV8, out var v7);
        return Format(in v7, pc, itCondition);
    }
}
