// Implements: pci.md §9 items 28-34 (§2.3 BARs) through ECAM, the PCIe MMIO window and HMP on virt: sizing, 64-bit
// BARs, the Command.MEM and 4 GiB mapping rules (virt allows a BAR at address 0), moving a mapped BAR and the priority BARs are mapped
// with. Each script also runs on qemu-system-arm 7.2; values are QEMU's (qtest-main.txt, qtest-bridges.txt,
// mtree-mapped.txt). QEMU 7.2's `info pci` prints an unmapped BAR at 0xffffffffffffffff (pci-edu-testdev.txt).
namespace Nemu.Pci.Tests.Conformance;

/// <summary>BAR sizing and mapping (pci.md §9 28-34).</summary>
public sealed class BarConformanceTests
{
    private const ulong Window = 0x10000000;
    private static readonly ulong Edu = VirtPci.Ecam(0, 1, 0, 0);
    private static readonly ulong Testdev = VirtPci.Ecam(0, 2, 0, 0);

    [Fact]
    public void B28_SizingReadsInvertedSizeMinusOneWithTypeBitsAndUnimplementedBarsReadZero()
    {
        var s = new QtestScript();
        var sized = new List<int>();
        foreach (var function in new[] { Edu, Testdev })
        {
            for (var bar = 0; bar < 6; bar++)
            {
                var register = function + 0x10 + (ulong)(4 * bar);
                s.WriteL(register, 0xffffffff);
                sized.Add(s.ReadL(register));
                s.WriteL(register, 0);
                sized.Add(s.ReadL(register));
            }
        }

        // Odd patterns keep only the writable address bits and the read-only type bits.
        s.WriteL(Edu + 0x10, 0x12345678);
        var odd = s.ReadL(Edu + 0x10);
        s.WriteL(Testdev + 0x14, 0x3);
        var ioLow = s.ReadL(Testdev + 0x14);

        var t = s.AssertSameAsQemu(VirtPci.EduTestdev);

        ulong[] expected =
        [
            0xfff00000, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
            0xfffff000, 0, 0xffffff01, 1, 0, 0, 0, 0, 0, 0, 0, 0,
        ];
        Assert.Equal(expected, sized.Select(t.Value));
        Assert.Equal(0x12300000u, t.Value(odd));
        Assert.Equal(1u, t.Value(ioLow));
    }

    [Fact]
    public void B29_UpperDwordOfA64BitBarSizesAllOnesAndHasNoTypeBits()
    {
        var bridge = VirtPci.Ecam(0, 1, 0, 0);
        var s = new QtestScript();
        var lowReset = s.ReadL(bridge + 0x10);
        s.WriteL(bridge + 0x10, 0xffffffff);
        var low = s.ReadL(bridge + 0x10);
        s.WriteL(bridge + 0x10, 0);
        s.WriteL(bridge + 0x14, 0xffffffff);
        var high = s.ReadL(bridge + 0x14);
        var lowAfterHigh = s.ReadL(bridge + 0x10);
        s.WriteL(bridge + 0x14, 0x12345678);
        var highValue = s.ReadL(bridge + 0x14);
        s.WriteL(bridge + 0x14, 0);
        var highCleared = s.ReadL(bridge + 0x14);

        var t = s.AssertSameAsQemu(VirtPci.Bridges);

        Assert.Equal(0x00000004u, t.Value(lowReset));
        Assert.Equal(0xffffff04u, t.Value(low));
        Assert.Equal(0xffffffffu, t.Value(high));
        Assert.Equal(0x00000004u, t.Value(lowAfterHigh));
        Assert.Equal(0x12345678u, t.Value(highValue));
        Assert.Equal(0u, t.Value(highCleared));
    }

    [Fact]
    public void B30_MemoryBarIsMappedOnlyWithCommandMemAndVirtAllowsAddressZero()
    {
        var s = new QtestScript();
        s.WriteL(Edu + 0x10, (uint)Window);
        var decodeOff = s.ReadL(Window);
        s.WriteW(Edu + 0x04, 0x0002);
        var decodeOn = s.ReadL(Window);
        var mapped = s.Hmp("info pci", "BAR0: 32 bit memory at 0x1");
        s.WriteW(Edu + 0x04, 0x0000);
        var decodeOffAgain = s.ReadL(Window);
        s.WriteW(Edu + 0x04, 0x0002);
        s.WriteL(Edu + 0x10, 0);
        var zero = s.Hmp("info pci", "BAR0");
        var zeroTree = s.Hmp("info mtree", "edu-mmio", sorted: true);

        var t = s.AssertSameAsQemu(VirtPci.EduTestdev);

        Assert.Equal(0xffffffffu, t.Value(decodeOff));
        Assert.Equal(VirtPci.EduIdRegister, t.Value(decodeOn));
        Assert.Equal("      BAR0: 32 bit memory at 0x10000000 [0x100fffff].", t.Reply(mapped));
        Assert.Equal(0xffffffffu, t.Value(decodeOffAgain));
        // virt sets pci_allow_0_address, so unlike a PC a BAR at 0 is mapped.
        Assert.Contains("      BAR0: 32 bit memory at 0x00000000 [0x000fffff].", t.Reply(zero), StringComparison.Ordinal);
        Assert.Equal("      0000000000000000-00000000000fffff (prio 1, i/o): edu-mmio", t.Reply(zeroTree));
    }

    [Fact]
    public void B31_A32BitMemoryBarReachingFourGiBIsNotMapped()
    {
        var s = new QtestScript();
        s.WriteW(Edu + 0x04, 0x0002);
        s.WriteL(Edu + 0x10, 0xffe00000);
        var below = s.Hmp("info pci", "BAR0: 32 bit memory at 0xffe00000");
        s.WriteL(Edu + 0x10, 0xfff00000);
        var top = s.Hmp("info pci", "[0x000ffffe]");
        var topTree = s.Hmp("info mtree", "edu-mmio", sorted: true);

        var t = s.AssertSameAsQemu(VirtPci.EduTestdev);

        Assert.Equal("      BAR0: 32 bit memory at 0xffe00000 [0xffefffff].", t.Reply(below));
        Assert.Equal("      BAR0: 32 bit memory at 0xffffffffffffffff [0x000ffffe].", t.Reply(top));
        Assert.Equal(string.Empty, t.Reply(topTree));
    }

    [Fact]
    public void B32_WithoutAnOptionRomTheRomBarReadsZeroAndNothingIsMapped()
    {
        // Neither edu nor the bridges carry an option ROM (Nemu accepts only romfile=""), so the ROM BAR is
        // unimplemented: sizing and enabling it leave 0 and map nothing. The mapping rule itself (Command.MEM and
        // the enable bit) is PciDeviceBehaviourTests.B32 on a function with a ROM.
        var bridge = VirtPci.Ecam(0, 3, 0, 0);
        var s = new QtestScript();
        s.WriteW(Edu + 0x04, 0x0002);
        s.WriteL(Edu + 0x30, 0xffffffff);
        var sized = s.ReadL(Edu + 0x30);
        s.WriteL(Edu + 0x30, 0x10000001);
        var enabled = s.ReadL(Edu + 0x30);
        s.WriteL(bridge + 0x38, 0xffffffff);
        var bridgeRom = s.ReadL(bridge + 0x38);
        var rom = s.Hmp("info pci", "BAR6");
        var unclaimed = s.ReadL(Window);

        var t = s.AssertSameAsQemu(VirtPci.With(VirtPci.EduTestdev, "-device", "pci-bridge,id=br0,chassis_nr=1,addr=3"));

        Assert.Equal(0u, t.Value(sized));
        Assert.Equal(0u, t.Value(enabled));
        Assert.Equal(0u, t.Value(bridgeRom));
        Assert.Equal(string.Empty, t.Reply(rom));
        Assert.Equal(0xffffffffu, t.Value(unclaimed));
    }

    [Fact]
    public void B33_RewritingAnEnabledBarMovesTheMappingInOneStep()
    {
        var s = new QtestScript();
        s.WriteL(Edu + 0x10, (uint)Window);
        s.WriteW(Edu + 0x04, 0x0002);
        s.WriteL(Edu + 0x10, (uint)Window + 0x100000);
        var old = s.ReadL(Window);
        var moved = s.ReadL(Window + 0x100000);
        var flat = s.Hmp("info mtree -f", "edu-mmio", sorted: true);

        var t = s.AssertSameAsQemu(VirtPci.EduTestdev);

        Assert.Equal(0xffffffffu, t.Value(old));
        Assert.Equal(VirtPci.EduIdRegister, t.Value(moved));
        // One flat range in the system view and none left at the old address.
        Assert.Equal("  0000000010100000-00000000101fffff (prio 1, i/o): edu-mmio", t.Reply(flat).Split('\n')[0]);
        Assert.DoesNotContain("0000000010000000-00000000100fffff (prio 1, i/o): edu-mmio", t.Reply(flat), StringComparison.Ordinal);
    }

    [Fact]
    public void B34_BarsAreMappedWithPriorityOneOverTheBusSpace()
    {
        var s = new QtestScript();
        s.WriteL(Edu + 0x10, (uint)Window);
        s.WriteW(Edu + 0x04, 0x0002);
        s.WriteL(Testdev + 0x14, 0x1000);
        s.WriteW(Testdev + 0x04, 0x0001);
        var tree = s.Hmp("info mtree", "(prio 1, i/o)", sorted: true);

        var t = s.AssertSameAsQemu(VirtPci.EduTestdev);

        Assert.Contains("      0000000010000000-00000000100fffff (prio 1, i/o): edu-mmio", t.Reply(tree), StringComparison.Ordinal);
        Assert.Contains("        000000003eff1000-000000003eff10ff (prio 1, i/o): pci-testdev-portio", t.Reply(tree), StringComparison.Ordinal);
    }
}
