// The ARMv7E-M DSP lines of the decode table (Armv7-M ARM A5.3): each decodes to its operation on a core with
// the DSP extension and to UNDEFINED on ARMv6-M / ARMv7-M cores, and disassembles as objdump spells it.
using Nemu.Arm.Decoding;

namespace Nemu.Arm.Tests.Decoding;

public sealed class ThumbDspDecodingTests
{
    private const ArchFeatures V7 = ArchFeatures.V6M | ArchFeatures.V7M;
    private const ArchFeatures V7E = V7 | ArchFeatures.Dsp;

    public static TheoryData<int> DspLines
    {
        get
        {
            var data = new TheoryData<int>();
            for (var i = 0; i < ThumbEncodingTable.Lines.Count; i++)
            {
                var line = ThumbEncodingTable.Lines[i];
                if (line.Arch == ArchFeatures.Dsp && line.Op != ThumbOp.Undefined)
                {
                    data.Add(i);
                }
            }

            return data;
        }
    }

    [Theory]
    [MemberData(nameof(DspLines))]
    public void DspLineDecodesOnlyWithTheDspExtension(int index)
    {
        var line = ThumbEncodingTable.Lines[index];
        // Fixed bits only (fields zero): no earlier line of its overlap group may claim it.
        var raw = line.Value;
        ThumbDecoder.Decode((ushort)(raw >> 16), (ushort)raw, V7E, out var dsp);
        ThumbDecoder.Decode((ushort)(raw >> 16), (ushort)raw, V7, out var v7);
        ThumbDecoder.Decode((ushort)(raw >> 16), (ushort)raw, ArchFeatures.V6M, out var v6);
        Assert.Equal(index, dsp.Line);
        Assert.Equal(line.Op, dsp.Op);
        Assert.Equal(ThumbOp.Undefined, v7.Op);
        Assert.Equal(ThumbOp.Undefined, v6.Op);
    }

    // Bit 6 of hw2 is (0) in SXTH/UXTH/SXTB/UXTB T2 and their add forms; QEMU's t32 decoder does not match the
    // encodings with it set, so they are UNDEFINED (checked on qemu-system-arm 7.2: UsageFault UNDEFINSTR).
    [Theory]
    [InlineData(0xFA0F, 0xF0C1)]
    [InlineData(0xFA1F, 0xF0C1)]
    [InlineData(0xFA4F, 0xF0C1)]
    [InlineData(0xFA5F, 0xF0C1)]
    public void ExtendWithBitSixSetIsUndefined(int hw1, int hw2)
    {
        ThumbDecoder.Decode((ushort)hw1, (ushort)hw2, V7E, out var insn);
        Assert.Equal(ThumbOp.Undefined, insn.Op);
    }

    [Theory]
    [InlineData(0xFA91, 0xF002, "sadd16   r0, r1, r2")]
    [InlineData(0xFA83, 0xF192, "qdadd    r1, r2, r3")]
    [InlineData(0xFB12, 0x3124, "smlatb   r1, r2, r4, r3")]
    [InlineData(0xFBC4, 0x23B5, "smlaltt  r2, r3, r4, r5")]
    [InlineData(0xFB50, 0xF211, "smmulr   r2, r0, r1")]
    [InlineData(0xEAC0, 0x4221, "pkhtb    r2, r0, r1, asr #16")]
    [InlineData(0xF320, 0x0107, "ssat16   r1, #8, r0")]
    [InlineData(0xFA22, 0xF392, "sxtab16  r3, r2, r2, ror #8")]
    [InlineData(0xFA3F, 0xF381, "uxtb16   r3, r1")]
    [InlineData(0xFBE0, 0x2361, "umaal    r2, r3, r0, r1")]
    public void DspInstructionsDisassemble(int hw1, int hw2, string text) =>
        Assert.Equal(text, ThumbDisassembler.Disassemble((ushort)hw1, (ushort)hw2, 0, V7E));
}
