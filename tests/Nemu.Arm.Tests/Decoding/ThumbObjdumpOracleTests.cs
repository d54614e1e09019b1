// Oracle test (STYLE.md habit 6): random Thumb encodings disassembled by GNU objdump (-marmv7e-m, force-thumb)
// must classify the same as Nemu's table: same mnemonic, or UNDEFINED for both. Documented exceptions:
// - coprocessor space (objdump decodes VFP/coprocessor forms; without an FPU these raise NOCP here);
// - DSP (ARMv7E-M) mnemonics, which a v7-M core treats as UNDEFINED (a separate test decodes the DSP encoding
//   space with the DSP extension and holds those to objdump too);
// - encodings objdump flags UNPREDICTABLE (either answer is acceptable);
// - objdump's alias spellings (ldmia/ldm, negs/rsbs, add/adr ...), normalized below.
// objdump's binary mode ignores the architecture for 32-bit Thumb, so v6-M is checked as a subset.
using System.Text.RegularExpressions;
using Nemu.Arm.Decoding;
using Nemu.Arm.Tests.Support;

namespace Nemu.Arm.Tests.Decoding;

public sealed partial class ThumbObjdumpOracleTests
{
    private static readonly HashSet<string> DspMnemonics =
    [
        "sadd16", "sasx", "ssax", "ssub16", "sadd8", "ssub8", "qadd16", "qasx", "qsax", "qsub16", "qadd8", "qsub8",
        "shadd16", "shasx", "shsax", "shsub16", "shadd8", "shsub8", "uadd16", "uasx", "usax", "usub16", "uadd8",
        "usub8", "uqadd16", "uqasx", "uqsax", "uqsub16", "uqadd8", "uqsub8", "uhadd16", "uhasx", "uhsax", "uhsub16",
        "uhadd8", "uhsub8", "qadd", "qdadd", "qsub", "qdsub", "sel", "pkhbt", "pkhtb", "ssat16", "usat16", "sxtab",
        "sxtah", "sxtab16", "sxtb16", "uxtab", "uxtah", "uxtab16", "uxtb16", "smlabb", "smlabt", "smlatb", "smlatt",
        "smlad", "smladx", "smlawb", "smlawt", "smlsd", "smlsdx", "smmla", "smmlar", "smmls", "smmlsr", "smmul",
        "smmulr", "smuad", "smuadx", "smulbb", "smulbt", "smultb", "smultt", "smulwb", "smulwt", "smusd", "smusdx",
        "usad8", "usada8", "smlalbb", "smlalbt", "smlaltb", "smlaltt", "smlald", "smlaldx", "smlsld", "smlsldx", "umaal",
    ];

    private static readonly Dictionary<string, string> Aliases = new(StringComparer.Ordinal)
    {
        ["ldmia"] = "ldm",
        ["ldmfd"] = "ldm",
        ["stmia"] = "stm",
        ["stmea"] = "stm",
        ["stmfd"] = "stmdb",
        ["ldmea"] = "ldmdb",
        ["negs"] = "rsbs",
        ["neg"] = "rsb",
        ["bhs"] = "bcs",
        ["pop"] = "ldm",
        ["push"] = "stmdb",
        ["blo"] = "bcc",
    };

    // Encodings of later architectures (v8-M, v8.1-M, A-profile) that objdump decodes whatever -m says.
    private static readonly HashSet<string> LaterArchitectureMnemonics =
    [
        "bxns", "blxns", "sg", "tt", "ttt", "tta", "ttat", "hlt", "bf", "bfl", "bfx", "bflx", "bfcsel", "wls", "dls", "le",
        "wlstp", "dlstp", "letp", "lctp", "stl", "stlb", "stlh", "lda", "ldab", "ldah", "stlex", "stlexb", "stlexh",
        "stlexd", "ldaex", "ldaexb", "ldaexh", "ldaexd", "strexd", "ldrexd", "blx", "csel", "csinc", "csinv", "csneg",
        "cinc", "cinv", "cneg", "cset", "csetm", "asrl", "lsll", "lsrl", "sqrshr", "sqrshrl", "sqshl", "sqshll", "srshr",
        "srshrl", "uqrshl", "uqrshll", "uqshl", "uqshll", "urshr", "urshrl", "vscclrm", "vlstm", "vlldm", "clrm", "esb",
        "csdb", "pssbb", "ssbb", "sb", "pacbti", "bti", "pac", "aut", "pacg", "autg", "bxaut", "rfeia", "rfedb", "srsia",
        "srsdb", "smc", "hvc", "subs", "eret", "bxj", "dcps1", "dcps2", "dcps3", "sev1", "sevl", "udf", "crc32b", "crc32h",
        "crc32w", "crc32cb", "crc32ch", "crc32cw",
    ];

    [Fact]
    public void RandomSixteenBitEncodingsClassifyAsObjdumpDoes() => Compare(RandomEncodings(seed: 16, count16: 4000, count32: 0));

    [Fact]
    public void RandomThirtyTwoBitEncodingsClassifyAsObjdumpDoes() => Compare(RandomEncodings(seed: 32, count16: 0, count32: 6000));

    [Fact]
    public void RandomDspEncodingsClassifyAsObjdumpDoes()
    {
        // The first halfwords that hold ARMv7E-M encodings: PKH, SSAT16/USAT16, data processing (register) and the
        // multiplies.
        int[] prefixes = [.. Enumerable.Range(0xEAC0, 16), .. Enumerable.Range(0xF320, 16), .. Enumerable.Range(0xF3A0, 16),
            .. Enumerable.Range(0xFA00, 0x200)];
        var rng = new Random(7);
        var list = new List<(ushort, ushort)>();
        for (var i = 0; i < 6000; i++)
        {
            list.Add(((ushort)prefixes[rng.Next(prefixes.Length)], (ushort)rng.Next(0x10000)));
        }

        Compare(list, ArchFeatures.V6M | ArchFeatures.V7M | ArchFeatures.Dsp);
    }

    [Fact]
    public void ArmV6MAcceptsOnlyItsSubsetOfThirtyTwoBitEncodings()
    {
        var v6 = ArchFeatures.V6M;
        ThumbDecoder.Decode(0xF000, 0xF800, v6, out var bl);
        ThumbDecoder.Decode(0xF3BF, 0x8F5F, v6, out var dmb);
        ThumbDecoder.Decode(0xF8D0, 0x1004, v6, out var ldrw);
        ThumbDecoder.Decode(0xB100, 0, v6, out var cbz);
        ThumbDecoder.Decode(0xBF08, 0, v6, out var it);
        Assert.Equal(ThumbOp.Bl, bl.Op);
        Assert.Equal(ThumbOp.Dmb, dmb.Op);
        Assert.Equal(ThumbOp.Undefined, ldrw.Op);
        Assert.Equal(ThumbOp.Undefined, cbz.Op);
        Assert.Equal(ThumbOp.Undefined, it.Op);
    }

    private static List<(ushort Hw1, ushort Hw2)> RandomEncodings(int seed, int count16, int count32)
    {
        var rng = new Random(seed);
        var list = new List<(ushort, ushort)>();
        while (list.Count < count16)
        {
            var hw = (ushort)rng.Next(0x10000);
            // IT changes how objdump prints the following instructions; keep IT out of the random stream.
            if (ThumbDecoder.Is32BitPrefix(hw) || ((hw & 0xFF00) == 0xBF00 && (hw & 0xF) != 0))
            {
                continue;
            }

            list.Add((hw, 0));
        }

        for (var i = 0; i < count32; i++)
        {
            list.Add(((ushort)(0xE800 + rng.Next(0x1800)), (ushort)rng.Next(0x10000)));
        }

        return list;
    }

    private static void Compare(List<(ushort Hw1, ushort Hw2)> encodings, ArchFeatures features = ArchFeatures.V6M | ArchFeatures.V7M)
    {
        var dsp = (features & ArchFeatures.Dsp) != 0;
        var dir = HostTools.TempDirectory();
        try
        {
            var bytes = new List<byte>();
            foreach (var (hw1, hw2) in encodings)
            {
                bytes.Add((byte)hw1);
                bytes.Add((byte)(hw1 >> 8));
                if (ThumbDecoder.Is32BitPrefix(hw1))
                {
                    bytes.Add((byte)hw2);
                    bytes.Add((byte)(hw2 >> 8));
                }
            }

            var bin = Path.Combine(dir, "insns.bin");
            File.WriteAllBytes(bin, [.. bytes]);
            var output = HostTools.Run("arm-none-eabi-objdump", $"-D -b binary -marmv7e-m -Mforce-thumb {bin}");
            var byAddress = new Dictionary<uint, string>();
            foreach (var line in output.Split('\n'))
            {
                var m = LineRegex().Match(line);
                if (m.Success)
                {
                    byAddress[Convert.ToUInt32(m.Groups[1].Value, 16)] = m.Groups[2].Value.Trim();
                }
            }

            var mismatches = new List<string>();
            uint address = 0;
            foreach (var (hw1, hw2) in encodings)
            {
                ThumbDecoder.Decode(hw1, hw2, features, out var insn);
                Assert.True(byAddress.TryGetValue(address, out var text), $"objdump printed nothing at 0x{address:x}");
                var problem = Check(in insn, text!, dsp);
                if (problem is not null)
                {
                    mismatches.Add($"{insn.Raw:x8}: objdump '{text}' vs nemu '{ThumbDisassembler.Format(in insn, address)}' ({problem})");
                }

                address += insn.Length;
            }

            Assert.True(mismatches.Count == 0, $"{mismatches.Count} mismatches:\n" + string.Join('\n', mismatches.Take(60)));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    private static string? Check(in DecodedInsn insn, string objdumpText, bool dsp)
    {
        var isUndefined = insn.Op == ThumbOp.Undefined;
        // Rt=PC loads are memory hints or UNPREDICTABLE; invalid SYSm is UNPREDICTABLE; objdump decodes stores
        // with Rn=PC, which the Armv7-M ARM makes UNDEFINED (A7.7.158 and siblings).
        var loadToPc = insn.Op is ThumbOp.Ldrb or ThumbOp.Ldrsb or ThumbOp.Ldrh or ThumbOp.Ldrsh && insn.Rt == 15;
        var storeToPcBase = insn.Op == ThumbOp.Undefined && (insn.Raw & 0xFF1F0000) == 0xF80F0000 && insn.Length == 4;
        if (insn.Op == ThumbOp.NoCoprocessor || objdumpText.Contains("UNPREDICTABLE", StringComparison.Ordinal)
            || objdumpText.Contains("<unknown>", StringComparison.Ordinal) || loadToPc || storeToPcBase
            || LaterArchitectureMnemonics.Contains(objdumpText.Split('\t', ' ')[0]))
        {
            return null;
        }

        if (objdumpText.Contains("UNDEFINED", StringComparison.Ordinal) || objdumpText.Contains("undefined", StringComparison.Ordinal)
            || objdumpText.Contains("??", StringComparison.Ordinal)
            || objdumpText.StartsWith(".word", StringComparison.Ordinal)
            || objdumpText.StartsWith(".short", StringComparison.Ordinal))
        {
            return isUndefined ? null : "objdump says undefined";
        }

        var mnemonic = objdumpText.Split('\t', ' ')[0];
        mnemonic = mnemonic.Replace(".w", string.Empty, StringComparison.Ordinal).Replace(".n", string.Empty, StringComparison.Ordinal);
        mnemonic = Aliases.GetValueOrDefault(mnemonic, mnemonic);
        if (isUndefined)
        {
            var lax = (insn.Raw & 0xFE000800) == 0xF8000000 && ((insn.Raw >> 6) & 0x1F) != 0;
            return (!dsp && DspMnemonics.Contains(mnemonic)) || LaterArchitectureMnemonics.Contains(mnemonic) || mnemonic.StartsWith('v') || lax
                ? null
                : "nemu says undefined";
        }

        var ours = ThumbDisassembler.Mnemonic(in insn);
        ours = Aliases.GetValueOrDefault(ours, ours);
        if (insn.Length == 4 && insn.Op == ThumbOp.MovReg)
        {
            // objdump spells 32-bit immediate shifts as MOV with a shifted operand.
            ours = insn.Has(InsnFlags.SetFlags) ? "movs" : "mov";
        }
        if (ours == mnemonic || (insn.Op == ThumbOp.Adr && mnemonic is "add" or "addw" or "subw" or "sub"))
        {
            return null;
        }

        return "mnemonic differs";
    }

    [GeneratedRegex(@"^\s*([0-9a-f]+):\s+(?:[0-9a-f]{4} ?){1,2}\s*\t(.*)$")]
    private static partial Regex LineRegex();
}
