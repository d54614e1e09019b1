using System.Globalization;
using Nemu.Arm.Decoding;

namespace Nemu.Arm.Tests.Decoding;

/// <summary>
/// The "-d in_asm" disassembly text against qemu-system-arm 7.2 (capstone): every instruction line of the QEMU logs
/// of the m3 hello, compute and faults/exceptions firmware (Data/qemu72-in-asm-m3.txt, in block order so IT blocks
/// keep their context) is reproduced byte for byte.
/// </summary>
public sealed class CapstoneSyntaxTests
{
    [Fact]
    public void InAsmTextOfRecordedQemuLogsIsReproduced()
    {
        var mismatches = new List<string>();
        var lines = File.ReadAllLines(DataFile("qemu72-in-asm-m3.txt"));
        byte itState = 0;
        foreach (var line in lines)
        {
            if (line.StartsWith("---", StringComparison.Ordinal))
            {
                itState = 0;
                continue;
            }

            // "0x%08x:  hhhh hhhh  text" or "0x%08x:  hhhh       text".
            var address = uint.Parse(line.AsSpan(2, 8), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
            var hw1 = ushort.Parse(line.AsSpan(13, 4), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
            var second = line.AsSpan(18, 4);
            var hw2 = second.Trim().Length == 4 ? ushort.Parse(second, NumberStyles.HexNumber, CultureInfo.InvariantCulture) : (ushort)0;
            var expected = line[24..];
            ThumbDecoder.Decode(hw1, hw2, ArchFeatures.V6M | ArchFeatures.V7M, out var insn);
            var actual = ThumbDisassembler.FormatCapstone(in insn, address, itState != 0 ? itState >> 4 : -1);
            if (actual != expected)
            {
                mismatches.Add($"{line}\n   nemu: {actual}");
            }

            itState = insn.Op == ThumbOp.It ? (byte)((insn.Cond << 4) | insn.Extra)
                : (itState & 0x7) == 0 ? (byte)0 : (byte)((itState & 0xE0) | ((itState << 1) & 0x1F));
        }

        Assert.True(lines.Length > 500, "the recorded log is missing");
        Assert.True(mismatches.Count == 0, $"{mismatches.Count} lines differ:\n" + string.Join('\n', mismatches.Take(40)));
    }

    [Theory]
    [InlineData(0x3001, 0x0000, "adds     r0, #1")]
    [InlineData(0xb082, 0x0000, "sub      sp, #8")]
    [InlineData(0x4311, 0x0000, "orrs     r1, r2")]
    [InlineData(0x07db, 0x0000, "lsls     r3, r3, #0x1f")]
    [InlineData(0xf811, 0x0d01, "ldrb     r0, [r1, #-0x1]!")]
    [InlineData(0xf8df, 0xa30c, "ldr.w    sl, [pc, #0x30c]")]
    [InlineData(0xf024, 0x020f, "bic      r2, r4, #0xf")]
    [InlineData(0xea83, 0x3343, "eor.w    r3, r3, r3, lsl #13")]
    public void CapstoneSpellsThumbLikeQemu72(int hw1, int hw2, string expected)
    {
        ThumbDecoder.Decode((ushort)hw1, (ushort)hw2, ArchFeatures.V6M | ArchFeatures.V7M, out var insn);

        Assert.Equal(expected, ThumbDisassembler.FormatCapstone(in insn, 0x100, -1));
    }

    private static string DataFile(string name)
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !Directory.Exists(Path.Combine(dir.FullName, "tests", "Nemu.Arm.Tests", "Decoding", "Data")))
        {
            dir = dir.Parent;
        }

        Assert.True(dir is not null, "tests/Nemu.Arm.Tests/Decoding/Data not found above " + AppContext.BaseDirectory);
        return Path.Combine(dir!.FullName, "tests", "Nemu.Arm.Tests", "Decoding", "Data", name);
    }
}
