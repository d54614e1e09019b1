// Implements: pci.md §9 items 44 and 45 (§2.7 bus numbering and bridge windows) with the qtest-bridges.txt
// configuration: functions behind pci-bridge (00:01.0) and pcie-root-port (00:02.0) are reachable through ECAM
// only while secondary/subordinate cover their bus, and the bridge's memory window forwards
// [base << 16, limit << 16 | 0xfffff] only while its Command.MEM is set and limit >= base. Values are QEMU 7.2's;
// every script also runs on qemu-system-arm.
namespace Nemu.Pci.Tests.Conformance;

/// <summary>Bus numbers and memory windows of pci-bridge and pcie-root-port (pci.md §9 44, 45).</summary>
public sealed class BridgeConformanceTests
{
    private static readonly ulong Bridge = VirtPci.Ecam(0, 1, 0, 0);
    private static readonly ulong Port = VirtPci.Ecam(0, 2, 0, 0);
    private static readonly ulong Testdev1 = VirtPci.Ecam(1, 2, 0, 0);
    private static readonly ulong Edu1 = VirtPci.Ecam(1, 3, 0, 0);
    private static readonly ulong Edu2 = VirtPci.Ecam(2, 0, 0, 0);

    [Fact]
    public void B44_FunctionsBehindABridgeAppearOnlyWhileItsBusRangeCoversThem()
    {
        var s = new QtestScript();
        var before = s.ReadL(Testdev1);
        var beforePort = s.ReadL(Edu2);
        s.WriteL(Bridge + 0x18, 0x00010100);
        var testdev = s.ReadL(Testdev1);
        var edu = s.ReadL(Edu1);
        var stillHidden = s.ReadL(Edu2);
        s.WriteL(Port + 0x18, 0x00020200);
        var port = s.ReadL(Edu2);
        // pci_find_bus_nr takes a bridge whose secondary number equals the target before looking at ranges, so a
        // subordinate below the secondary number still reaches bus 1; moving the secondary number hides it.
        s.WriteL(Bridge + 0x18, 0x00000100);
        var subordinateLow = s.ReadL(Edu1);
        s.WriteL(Bridge + 0x18, 0x00030300);
        var moved = s.ReadL(Edu1);
        var movedBus = s.ReadL(VirtPci.Ecam(3, 3, 0, 0));
        s.WriteL(Bridge + 0x18, 0x00010100);
        var back = s.ReadL(Edu1);
        s.WriteL(Bridge + 0x18, 0);
        var cleared = s.ReadL(Edu1);

        var t = s.AssertSameAsQemu(VirtPci.Bridges);

        Assert.Equal(0xffffffffu, t.Value(before));
        Assert.Equal(0xffffffffu, t.Value(beforePort));
        Assert.Equal(0x00051b36u, t.Value(testdev));
        Assert.Equal(VirtPci.EduIds, t.Value(edu));
        Assert.Equal(0xffffffffu, t.Value(stillHidden));
        Assert.Equal(VirtPci.EduIds, t.Value(port));
        Assert.Equal(VirtPci.EduIds, t.Value(subordinateLow));
        Assert.Equal(0xffffffffu, t.Value(moved));
        Assert.Equal(VirtPci.EduIds, t.Value(movedBus));
        Assert.Equal(VirtPci.EduIds, t.Value(back));
        Assert.Equal(0xffffffffu, t.Value(cleared));
    }

    [Fact]
    public void B45_MemoryWindowForwardsOnlyWithCommandMemAndLimitNotBelowBase()
    {
        var s = new QtestScript();
        s.WriteL(Bridge + 0x18, 0x00010100);
        s.WriteL(Bridge + 0x20, 0x10001000);
        s.WriteL(Edu1 + 0x10, 0x10000000);
        s.WriteW(Edu1 + 0x04, 0x0006);
        var memOff = s.ReadL(0x10000000);
        s.WriteW(Bridge + 0x04, 0x0006);
        var memOn = s.ReadL(0x10000000);
        var windowTop = s.ReadL(0x100ffffc);
        // Outside [0x10000000, 0x100fffff]: moving the BAR up one MiB leaves it behind the window.
        s.WriteL(Edu1 + 0x10, 0x10100000);
        var outside = s.ReadL(0x10100000);
        s.WriteL(Bridge + 0x20, 0x10101000);
        var widened = s.ReadL(0x10100000);
        // Limit below base: nothing forwarded.
        s.WriteL(Bridge + 0x20, 0x10001010);
        var inverted = s.ReadL(0x10100000);
        var windows = s.Hmp("info pci", "memory range");
        s.WriteL(Bridge + 0x20, 0x10101000);
        s.WriteW(Bridge + 0x04, 0x0004);
        var memOffAgain = s.ReadL(0x10100000);

        var t = s.AssertSameAsQemu(VirtPci.Bridges);

        Assert.Equal(0xffffffffu, t.Value(memOff));
        Assert.Equal(VirtPci.EduIdRegister, t.Value(memOn));
        Assert.Equal(0xffffffffu, t.Value(windowTop));
        Assert.Equal(0xffffffffu, t.Value(outside));
        Assert.Equal(VirtPci.EduIdRegister, t.Value(widened));
        Assert.Equal(0xffffffffu, t.Value(inverted));
        Assert.Contains("      memory range [0x10100000, 0x100fffff]", t.Reply(windows), StringComparison.Ordinal);
        Assert.Equal(0xffffffffu, t.Value(memOffAgain));
    }
}
