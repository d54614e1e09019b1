// Table-driven Thumb decoder (Armv7-M ARM A5.1: a halfword with bits [15:11] = 0b11101/0b11110/0b11111 starts a
// 32-bit instruction). Startup builds a 64 Ki-entry array for 16-bit encodings and, for each first halfword of a
// 32-bit encoding, the ordered list of candidate lines; decoding is then an array load (16-bit) or a short scan
// (32-bit), with no allocation. An ARMv8-M line that the core lacks is skipped in favour of the next line of its
// overlap group, so a v7 core decodes those bits exactly as it did before the v8 lines existed.
namespace Nemu.Arm.Decoding;

/// <summary>Decodes Thumb instructions into <see cref="DecodedInsn"/>.</summary>
public static class ThumbDecoder
{
    private const ArchFeatures FpFeatures = ArchFeatures.Fp | ArchFeatures.FpDouble | ArchFeatures.FpV5;
    private const ArchFeatures V8Features = ArchFeatures.V8M | ArchFeatures.SecExt;
    private static readonly ushort[] Table16 = new ushort[0x10000];
    private static readonly int[] CandidateStart = new int[0x1800 + 1];
    private static readonly ushort[] Candidates;

    static ThumbDecoder()
    {
        var lines = ThumbEncodingTable.Lines;
        Array.Fill(Table16, ThumbEncodingTable.Unallocated);
        for (var hw = 0xFFFF; hw >= 0; hw--)
        {
            if (Is32BitPrefix((ushort)hw))
            {
                continue;
            }

            for (var i = 0; i < lines.Count; i++)
            {
                if (lines[i].Length == 2 && lines[i].Matches((uint)hw))
                {
                    Table16[hw] = (ushort)i;
                    break;
                }
            }
        }

        var list = new List<ushort>();
        for (var k = 0; k < 0x1800; k++)
        {
            CandidateStart[k] = list.Count;
            var hw1 = (uint)(0xE800 + k);
            for (var i = 0; i < lines.Count; i++)
            {
                var l = lines[i];
                if (l.Length == 4 && ((hw1 << 16) & l.Mask & 0xFFFF0000) == (l.Value & 0xFFFF0000 & l.Mask))
                {
                    list.Add((ushort)i);
                }
            }
        }

        CandidateStart[0x1800] = list.Count;
        Candidates = [.. list];
    }

    // A v8 line the core lacks does not exist for it: the bits decode as the next line of the group that matches
    // (BX for BXNS, LDRD for SG, STREX for TT, the coprocessor space for VLSTM/VLLDM), or as unallocated.
    private static int WithoutV8Line(int line, uint raw, ArchFeatures features)
    {
        var lines = ThumbEncodingTable.Lines;
        var encoding = lines[line];
        do
        {
            int next = ThumbEncodingTable.Unallocated;
            if (encoding.Group is { } group)
            {
                for (var i = line + 1; i < lines.Count; i++)
                {
                    if (lines[i].Length == encoding.Length && lines[i].Group == group && lines[i].Matches(raw))
                    {
                        next = i;
                        break;
                    }
                }
            }

            line = next;
            if (line == ThumbEncodingTable.Unallocated)
            {
                return line;
            }

            encoding = lines[line];
        }
        while ((encoding.Arch & V8Features & ~features) != 0);

        return line;
    }

    // QEMU 7.2's v8m_stackcheck call sites (translate.c STREG_SP_CHECK, op_addr_ri_pre, op_addr_block_pre;
    // translate-vfp.c VLDM/VSTM): the SP writes a v8-M core checks against MSPLIM/PSPLIM.
    private static bool IsStackChecked(in DecodedInsn x) => x.Op switch
    {
        ThumbOp.AddImm or ThumbOp.AddReg or ThumbOp.SubImm or ThumbOp.SubReg => x.Rd == 13 && x.Rn == 13,
        ThumbOp.MovImm or ThumbOp.MovReg => x.Rd == 13,
        >= ThumbOp.Ldr and <= ThumbOp.Strd or ThumbOp.Ldm or ThumbOp.Ldmdb or ThumbOp.Stm or ThumbOp.Stmdb
            or ThumbOp.VLdm or ThumbOp.VStm => x.Rn == 13 && x.Has(InsnFlags.WriteBack),
        _ => false,
    };

    /// <summary>True when <paramref name="hw1"/> is the first halfword of a 32-bit instruction.</summary>
    public static bool Is32BitPrefix(ushort hw1) => (hw1 >> 11) >= 0x1D;

    /// <summary>
    /// Decodes the instruction starting with <paramref name="hw1"/> (<paramref name="hw2"/> is used only for a 32-bit
    /// one). Encodings no line matches, and lines whose architecture <paramref name="features"/> lacks, decode
    /// as <see cref="ThumbOp.Undefined"/> (the line is kept for disassembly when one matched).
    /// </summary>
    public static void Decode(ushort hw1, ushort hw2, ArchFeatures features, out DecodedInsn insn)
    {
        insn = default;
        int line;
        uint raw;
        if (Is32BitPrefix(hw1))
        {
            raw = ((uint)hw1 << 16) | hw2;
            insn.Length = 4;
            line = ThumbEncodingTable.Unallocated;
            var k = hw1 - 0xE800;
            var lines = ThumbEncodingTable.Lines;
            for (var c = CandidateStart[k]; c < CandidateStart[k + 1]; c++)
            {
                if (lines[Candidates[c]].Matches(raw))
                {
                    line = Candidates[c];
                    break;
                }
            }
        }
        else
        {
            raw = hw1;
            insn.Length = 2;
            line = Table16[hw1];
        }

        if (line != ThumbEncodingTable.Unallocated && (ThumbEncodingTable.Lines[line].Arch & V8Features & ~features) != 0)
        {
            line = WithoutV8Line(line, raw, features);
        }

        insn.Raw = raw;
        insn.Cond = 0xE;
        insn.Line = (ushort)line;
        if (line == ThumbEncodingTable.Unallocated)
        {
            return;
        }

        var encoding = ThumbEncodingTable.Lines[line];
        if ((encoding.Arch & features) != encoding.Arch)
        {
            // FP lines a core lacks stay in coprocessor space: NOCP unless CP10 is enabled, then UNDEFINED (as QEMU).
            if ((encoding.Arch & FpFeatures) != 0 && (features & ArchFeatures.V7M) != 0)
            {
                insn.Op = ThumbOp.NoCoprocessor;
            }

            return;
        }

        var fields = default(FieldValues);
        encoding.ExtractFields(raw, ref fields);
        insn.Op = encoding.Op;
        encoding.Form.Extract(ref insn, in fields);
        if ((features & ArchFeatures.V8M) != 0 && IsStackChecked(in insn))
        {
            insn.Flags |= InsnFlags.StackCheck;
        }
    }
}
