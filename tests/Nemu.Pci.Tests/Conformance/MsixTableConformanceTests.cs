// Conformance tests for pci.md §9 items 54-58 (MSI-X capability, table and PBA access rules, §4.1-§4.2). QEMU
// exposes them on pcie-root-port (MSI-X cap 0x48, 1 vector, exclusive BAR0 of 4 KiB: table at 0, PBA at 0x800),
// so every test runs the same qtest script on qemu-system-arm 7.2 and in-process Nemu, compares the transcripts
// and asserts the recorded values (issue6-ref/qtest-msix-rootport.txt). Pending bits need an event source: on
// Nemu the edu's MSI-X (edu,msix-vectors=N) provides one.
using Nemu.Testing.Qtest;
using static Nemu.Pci.Tests.Conformance.MsiQtestRig;

namespace Nemu.Pci.Tests.Conformance;

public sealed class MsixTableConformanceTests
{
    private const string RootPort = "pcie-root-port,id=rp0,chassis=1,slot=0";

    // Root port at 00:01.0: map BAR0 at 0x10000000 with memory decode and bus mastering.
    private static readonly string[] MapBar0 = ["writel 0x3f008010 0x10000000", "writew 0x3f008004 0x0006"];

    private static readonly string[] ReadEntry0AndPba =
        ["readl 0x3f008048", "readl 0x10000000", "readl 0x10000004", "readl 0x10000008", "readl 0x1000000c", "readl 0x10000800"];

    private static readonly string[] ResetState =
        ["OK 0x0000000000004011", "OK 0x0000000000000000", "OK 0x0000000000000000", "OK 0x0000000000000000", "OK 0x0000000000000001", "OK 0x0000000000000000"];

    [Fact]
    public void B54_AfterInitAndResetEntriesAreMaskedAndNothingIsEnabledOrPending()
    {
        string[] script =
        [
            .. MapBar0, .. ReadEntry0AndPba,
            "writeq 0x10000000 0x0000000008020040", "writel 0x10000008 0x50", "writel 0x1000000c 0x0",
            "writew 0x3f00804a 0xc000", "readl 0x3f008048",
            HmpPrefix + "system_reset",
            .. MapBar0, .. ReadEntry0AndPba,
        ];
        var transcript = AssertSameAsQemu([RootPort], script);
        Assert.Equal("OK 0x00000000c0004011", ReplyTo(transcript, "readl 0x3f008048", 1));
        for (var pass = 0; pass < 2; pass++)
        {
            var index = pass == 0 ? 0 : 2;
            Assert.Equal(ResetState, ReadEntry0AndPba.Select((line, i) => ReplyTo(transcript, line, line == "readl 0x3f008048" ? index : pass)));
        }
    }

    [Fact]
    public void B55_OnlyEnableAndFunctionMaskAreWritableInMessageControl()
    {
        string[] script =
        [
            "writew 0x3f00804a 0xffff", "readw 0x3f00804a", "writel 0x3f008048 0xffffffff", "readl 0x3f008048",
            "writew 0x3f00804a 0x07ff", "readw 0x3f00804a", "writel 0x3f00804c 0xffffffff", "readl 0x3f00804c",
            "writel 0x3f008050 0xffffffff", "readl 0x3f008050",
        ];
        var transcript = AssertSameAsQemu([RootPort], script);
        Assert.Equal("OK 0x000000000000c000", ReplyTo(transcript, "readw 0x3f00804a"));
        Assert.Equal("OK 0x00000000c0004011", ReplyTo(transcript, "readl 0x3f008048"));
        Assert.Equal("OK 0x0000000000000000", ReplyTo(transcript, "readw 0x3f00804a", 1));
        Assert.Equal("OK 0x0000000000000000", ReplyTo(transcript, "readl 0x3f00804c"));
        Assert.Equal("OK 0x0000000000000800", ReplyTo(transcript, "readl 0x3f008050"));
    }

    [Fact]
    public void B56_TableTakesFourAndEightByteAccessesOnly()
    {
        string[] script =
        [
            .. MapBar0,
            "writel 0x10000008 0x12345678", "readb 0x10000008", "readw 0x10000008", "readb 0x1000000b", "readw 0x1000000a",
            "writeb 0x10000008 0x11", "writew 0x10000008 0x2222", "writeb 0x1000000b 0x33", "readl 0x10000008",
            "readq 0x10000008", "writeq 0x10000000 0x1122334455667788", "readq 0x10000000", "readl 0x10000004",
        ];
        var transcript = AssertSameAsQemu([RootPort], script);
        Assert.Equal("OK 0x0000000000000000", ReplyTo(transcript, "readb 0x10000008"));
        Assert.Equal("OK 0x0000000000000000", ReplyTo(transcript, "readw 0x10000008"));
        Assert.Equal("OK 0x0000000012345678", ReplyTo(transcript, "readl 0x10000008"));
        Assert.Equal("OK 0x0000000112345678", ReplyTo(transcript, "readq 0x10000008"));
        Assert.Equal("OK 0x1122334455667788", ReplyTo(transcript, "readq 0x10000000"));
        Assert.Equal("OK 0x0000000011223344", ReplyTo(transcript, "readl 0x10000004"));
    }

    [Fact]
    public void B57_EightByteWritesSetAddressPairAndDataWithVectorControl()
    {
        string[] script =
        [
            .. MapBar0,
            "writeq 0x10000000 0x0000000508020040", "readl 0x10000000", "readl 0x10000004",
            "writeq 0x10000008 0x0000000000000051", "readl 0x10000008", "readl 0x1000000c",
            "writeq 0x10000008 0x0000000100000052", "readl 0x10000008", "readl 0x1000000c",
        ];
        var transcript = AssertSameAsQemu([RootPort], script);
        Assert.Equal("OK 0x0000000008020040", ReplyTo(transcript, "readl 0x10000000"));
        Assert.Equal("OK 0x0000000000000005", ReplyTo(transcript, "readl 0x10000004"));
        Assert.Equal(["OK 0x0000000000000051", "OK 0x0000000000000052"], [ReplyTo(transcript, "readl 0x10000008"), ReplyTo(transcript, "readl 0x10000008", 1)]);
        Assert.Equal(["OK 0x0000000000000000", "OK 0x0000000000000001"], [ReplyTo(transcript, "readl 0x1000000c"), ReplyTo(transcript, "readl 0x1000000c", 1)]);
    }

    [Fact]
    public void B58_PbaWritesAreIgnoredAndReadsReflectPendingBits()
    {
        string[] script =
        [
            .. MapBar0, "writel 0x10000800 0xffffffff", "readl 0x10000800", "writeq 0x10000800 0xffffffffffffffff",
            "readq 0x10000800", "writeb 0x10000800 0x1", "readl 0x10000800",
        ];
        var transcript = AssertSameAsQemu([RootPort], script);
        Assert.All(transcript.Where(t => t.StartsWith("< OK 0x", StringComparison.Ordinal)), t => Assert.Equal("< OK 0x0000000000000000", t));

        // Pending bits of a masked vector show in the PBA; a PBA write neither clears nor sets them.
        using var qts = StartNemu("edu,msix-vectors=40");
        var edu = QPciDevice.Find(QPciBus.Virt(qts), Slot1)!;
        edu.Enable();
        var bar0 = edu.IoMap(0);
        edu.MsixEnable();
        edu.WriteL(bar0, 0x60, 1u << 31);
        edu.WriteL(bar0, 0x60, 1u << 2);
        Msix.Notify(Device<Nemu.Hw.Pci.Edu>(qts), 33); // beyond the raise register's 32 bits
        Assert.Equal(0x80000004u, edu.ReadL(edu.MsixPbaBar, edu.MsixPbaOffset));
        Assert.Equal(0x2u, edu.ReadL(edu.MsixPbaBar, edu.MsixPbaOffset + 4));
        edu.WriteL(edu.MsixPbaBar, edu.MsixPbaOffset, 0);
        edu.WriteL(edu.MsixPbaBar, edu.MsixPbaOffset + 4, 0xffffffff);
        Assert.Equal(0x0000000280000004UL, edu.ReadQ(edu.MsixPbaBar, edu.MsixPbaOffset));
    }
}
