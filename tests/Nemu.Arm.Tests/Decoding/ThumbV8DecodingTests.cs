using Nemu.Arm.Cpu;
using Nemu.Arm.Decoding;

namespace Nemu.Arm.Tests.Decoding;

/// <summary>The ARMv8-M lines: decoded on Cortex-M33, invisible to v7 cores (which decode the bits as before).</summary>
public sealed class ThumbV8DecodingTests
{
    private static readonly ArchFeatures M33 = ArmCpuModels.Get("cortex-m33").Features;
    private static readonly ArchFeatures M4 = ArmCpuModels.Get("cortex-m4").Features;

    private static DecodedInsn Decode(uint raw, ArchFeatures features)
    {
        var is32 = raw > 0xFFFF;
        ThumbDecoder.Decode((ushort)(is32 ? raw >> 16 : raw), (ushort)(is32 ? raw : 0), features, out var insn);
        return insn;
    }

    // Encodings as arm-none-eabi-as -mcpu=cortex-m33 assembles them.
    [Theory]
    [InlineData(0xE97FE97Fu, ThumbOp.Sg, "sg")]
    [InlineData(0x4774u, ThumbOp.Bxns, "bxns     lr")]
    [InlineData(0x479Cu, ThumbOp.Blxns, "blxns    r3")]
    [InlineData(0xE842F100u, ThumbOp.Tt, "tt       r1, r2")]
    [InlineData(0xE842F140u, ThumbOp.Tt, "ttt      r1, r2")]
    [InlineData(0xE842F180u, ThumbOp.Tt, "tta      r1, r2")]
    [InlineData(0xE842F1C0u, ThumbOp.Tt, "ttat     r1, r2")]
    [InlineData(0xE8D21FAFu, ThumbOp.Lda, "lda      r1, [r2]")]
    [InlineData(0xE8D21F8Fu, ThumbOp.Ldab, "ldab     r1, [r2]")]
    [InlineData(0xE8D21F9Fu, ThumbOp.Ldah, "ldah     r1, [r2]")]
    [InlineData(0xE8C21FAFu, ThumbOp.Stl, "stl      r1, [r2]")]
    [InlineData(0xE8C21F8Fu, ThumbOp.Stlb, "stlb     r1, [r2]")]
    [InlineData(0xE8C21F9Fu, ThumbOp.Stlh, "stlh     r1, [r2]")]
    [InlineData(0xE8D21FEFu, ThumbOp.Ldaex, "ldaex    r1, [r2]")]
    [InlineData(0xE8D21FCFu, ThumbOp.Ldaexb, "ldaexb   r1, [r2]")]
    [InlineData(0xE8D21FDFu, ThumbOp.Ldaexh, "ldaexh   r1, [r2]")]
    [InlineData(0xE8C21FE3u, ThumbOp.Stlex, "stlex    r3, r1, [r2]")]
    [InlineData(0xE8C21FC3u, ThumbOp.Stlexb, "stlexb   r3, r1, [r2]")]
    [InlineData(0xE8C21FD3u, ThumbOp.Stlexh, "stlexh   r3, r1, [r2]")]
    [InlineData(0xEC240A00u, ThumbOp.Vlstm, "vlstm    r4")]
    [InlineData(0xEC340A00u, ThumbOp.Vlldm, "vlldm    r4")]
    public void CortexM33DecodesTheV8Instructions(uint raw, ThumbOp op, string text)
    {
        var insn = Decode(raw, M33);
        Assert.Equal(op, insn.Op);
        Assert.Equal(text, ThumbDisassembler.Format(in insn, 0));
    }

    [Theory]
    [InlineData(0xE97FE97Fu, ThumbOp.Ldrd)]
    [InlineData(0x4774u, ThumbOp.Bx)]
    [InlineData(0xE842F100u, ThumbOp.Strex)]
    [InlineData(0xEC240A00u, ThumbOp.NoCoprocessor)]
    [InlineData(0xE8D21FAFu, ThumbOp.Undefined)]
    [InlineData(0x479Cu, ThumbOp.Undefined)]
    public void V7CoresDecodeTheSameBitsAsBefore(uint raw, ThumbOp op)
    {
        var insn = Decode(raw, M4);
        Assert.Equal(op, insn.Op);
        if (op == ThumbOp.Undefined)
        {
            Assert.Equal(ThumbEncodingTable.Unallocated, insn.Line);
        }
    }

    // qemu-system-arm 7.2 -M mps2-an505 -d in_asm (its capstone predates the Security Extension and TT).
    [Theory]
    [InlineData(0xE97FE97Fu, "ldrd     lr, sb, [pc, #-0x1fc]")] // capstone adds "!" (LDRD literal W=1, as on v7 cores)
    [InlineData(0xE842F100u, "strex    r1, pc, [r2]")]
    [InlineData(0xE842F140u, "strex    r1, pc, [r2, #0x100]")]
    [InlineData(0x471Cu, "bx       r3")]
    [InlineData(0xE8D21FAFu, "lda      r1, [r2]")]
    [InlineData(0xE8C21FE3u, "stlex    r3, r1, [r2]")]
    public void InAsmPrintsWhatQemusCapstonePrints(uint raw, string text)
    {
        var insn = Decode(raw, M33);
        Assert.Equal(text, ThumbDisassembler.FormatCapstone(in insn, 0x1000003C, -1));
    }

    [Theory]
    [InlineData(0xB082u, true)] // sub sp, #8
    [InlineData(0xB002u, true)] // add sp, #8
    [InlineData(0x468Du, true)] // mov sp, r1
    [InlineData(0xB403u, true)] // push {r0, r1}
    [InlineData(0xBC03u, true)] // pop {r0, r1}
    [InlineData(0xF84D0D08u, true)] // str r0, [sp, #-8]!
    [InlineData(0xED2D8B02u, true)] // vpush {d8}
    [InlineData(0xF10D0D04u, true)] // add.w sp, sp, #4
    [InlineData(0xF1070D04u, false)] // add.w sp, r7, #4: QEMU checks Rd = Rn = SP only
    [InlineData(0x9001u, false)] // str r0, [sp, #4]
    public void OnlyV8CoresMarkCheckedStackPointerWrites(uint raw, bool checkedOnV8)
    {
        Assert.Equal(checkedOnV8, Decode(raw, M33).Has(InsnFlags.StackCheck));
        Assert.False(Decode(raw, M4).Has(InsnFlags.StackCheck));
    }
}
