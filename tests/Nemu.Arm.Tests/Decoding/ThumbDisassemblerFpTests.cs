// FP disassembly (ThumbDisassemblerFp) against arm-none-eabi-objdump's text for the same encodings (recorded here).
using Nemu.Arm.Decoding;

namespace Nemu.Arm.Tests.Decoding;

public sealed class ThumbDisassemblerFpTests
{
    private const ArchFeatures M7 = ArchFeatures.V6M | ArchFeatures.V7M | ArchFeatures.Dsp | ArchFeatures.Fp | ArchFeatures.FpDouble | ArchFeatures.FpV5;

    [Theory]
    [InlineData(0xEE30, 0x0A81, "vadd.f32 s0, s1, s2")]
    [InlineData(0xED2D, 0x8B02, "vpush {d8}")]
    [InlineData(0xEEF1, 0xFA10, "vmrs APSR_nzcv, fpscr")]
    [InlineData(0xED90, 0x1B02, "vldr d1, [r0, #8]")]
    [InlineData(0xEEBD, 0x1BC3, "vcvt.s32.f64 s2, d3")]
    public void FpInstructionsPrintAsObjdumpDoes(int hw1, int hw2, string expected)
    {
        var text = ThumbDisassembler.Disassemble((ushort)hw1, (ushort)hw2, 0, M7);
        Assert.Equal(expected, string.Join(' ', text.Split(' ', StringSplitOptions.RemoveEmptyEntries)));
    }
}
