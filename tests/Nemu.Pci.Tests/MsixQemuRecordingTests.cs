// Replays QEMU 7.2's recorded MSI-X table/PBA session on pcie-root-port (issue6-ref/qtest-msix-rootport.txt, a
// QEMU output kept here as test data) against an Msix exclusive BAR mapped at the same address, through
// Nemu.Memory's dispatch. Lines for bytes of the BAR outside the table and PBA (QEMU's gpex answers all-ones
// there) and config registers other than MSI-X Message Control are not the table's and are skipped.
using System.Globalization;

namespace Nemu.Pci.Tests;

public sealed class MsixQemuRecordingTests
{
    private const ulong RecordedBar = 0x1000_0000;
    private const ulong RecordedMessageControl = 0x3f00_804a;

    private const string Transcript = """
        # after reset: entry 0 and PBA
        > readl 0x10000000
        < OK 0x0000000000000000
        > readl 0x10000004
        < OK 0x0000000000000000
        > readl 0x10000008
        < OK 0x0000000000000000
        > readl 0x1000000c
        < OK 0x0000000000000001
        > readl 0x10000800
        < OK 0x0000000000000000
        # 1/2-byte table accesses, 8-byte accesses, out-of-range entry, PBA write
        > readb 0x10000000
        < OK 0x0000000000000000
        > readw 0x10000000
        < OK 0x0000000000000000
        > writeb 0x10000000 0x11
        < OK
        > writew 0x10000000 0x2222
        < OK
        > readl 0x10000000
        < OK 0x0000000000000000
        > writeq 0x10000000 0x0000000008020040
        < OK
        > readq 0x10000000
        < OK 0x0000000008020040
        > readl 0x10000004
        < OK 0x0000000000000000
        > writeq 0x10000008 0x0000000100000050
        < OK
        > readl 0x10000008
        < OK 0x0000000000000050
        > readl 0x1000000c
        < OK 0x0000000000000001
        > readl 0x10000002
        < OK 0x0000000000000000
        > writel 0x10000002 0xffffffff
        < OK
        > readl 0x10000000
        < OK 0x0000000008020040
        > readl 0x10000010
        < OK 0x00000000ffffffff
        > writel 0x10000010 0x1234
        < OK
        > readl 0x10000010
        < OK 0x00000000ffffffff
        > readl 0x100007fc
        < OK 0x00000000ffffffff
        > writel 0x10000800 0xffffffff
        < OK
        > readl 0x10000800
        < OK 0x0000000000000000
        > readb 0x10000800
        < OK 0x0000000000000000
        > readl 0x10000808
        < OK 0x00000000ffffffff
        # message control: only bits 14/15 writable
        > writew 0x3f00804a 0xffff
        < OK
        > readw 0x3f00804a
        < OK 0x000000000000c000
        > writew 0x3f00804a 0x0000
        < OK
        # enable MSI-X (unmasked entry 0 -> INTID 80), PCIe slot control: HPIE|PDCE|ABPE, then device_add
        > writel 0x1000000c 0x0
        < OK
        > writew 0x3f00804a 0x8000
        < OK
        > readw 0x3f00804a
        < OK 0x0000000000008000
        """;

    [Fact]
    public void TableAndPbaAnswerAsQemuOnPcieRootPort()
    {
        var rig = MsixTableTests.MappedRig(1, out var cap);
        Assert.Equal(RecordedBar, MsiTestRig.BarBase);
        var lines = Transcript.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        var checkedReads = 0;
        for (var i = 0; i < lines.Length; i++)
        {
            if (!lines[i].StartsWith("> ", StringComparison.Ordinal))
            {
                continue;
            }

            var words = lines[i][2..].Split(' ');
            var size = words[0][^1] switch { 'b' => 1u, 'w' => 2u, 'l' => 4u, _ => 8u };
            var address = Hex(words[1]);
            var reply = lines[i + 1];
            bool inTable = address - RecordedBar < 16, inPba = address - RecordedBar - 0x800 < 8;
            if (address == RecordedMessageControl)
            {
                if (words[0].StartsWith("write", StringComparison.Ordinal))
                {
                    rig.ConfigWrite(cap + MsixRegisters.Flags, (uint)Hex(words[2]), (int)size);
                }
                else
                {
                    Assert.Equal(Hex(reply[5..]), rig.ConfigRead(cap + MsixRegisters.Flags, (int)size));
                    checkedReads++;
                }
            }
            else if (inTable || inPba)
            {
                if (words[0].StartsWith("write", StringComparison.Ordinal))
                {
                    rig.Write(address, Hex(words[2]), size);
                }
                else
                {
                    Assert.True(Hex(reply[5..]) == rig.Read(address, size), $"{lines[i]} -> {reply}");
                    checkedReads++;
                }
            }
        }

        Assert.True(checkedReads >= 18, $"only {checkedReads} reads replayed");
    }

    private static ulong Hex(string text) => ulong.Parse(text.AsSpan(2), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
}
