// pci.md §1.1-§1.2: region kinds, subregion ordering, programmer errors.
namespace Nemu.Memory.Tests;

public sealed class MemoryRegionTests
{
    private static string Order(MemoryRegion container) => string.Join(",", container.Subregions.Select(r => r.Name));

    [Fact]
    public void SubregionsAreKeptInDescendingPriority()
    {
        var c = MemoryRegion.CreateContainer("c", 0x1000);
        c.AddSubregionOverlap(0, MemoryRegion.CreateContainer("low", 0x10), -5);
        c.AddSubregionOverlap(0, MemoryRegion.CreateContainer("high", 0x10), 7);
        c.AddSubregion(0, MemoryRegion.CreateContainer("zero", 0x10));
        Assert.Equal("high,zero,low", Order(c));
    }

    [Fact]
    public void EqualPriorityNewestSubregionComesFirst()
    {
        var c = MemoryRegion.CreateContainer("c", 0x1000);
        c.AddSubregion(0, MemoryRegion.CreateContainer("a", 0x10));
        c.AddSubregion(0, MemoryRegion.CreateContainer("b", 0x10));
        c.AddSubregion(0, MemoryRegion.CreateContainer("c", 0x10));
        Assert.Equal("c,b,a", Order(c));
    }

    [Fact]
    public void SetAddressReaddsAsNewestAmongEqualPriority()
    {
        var c = MemoryRegion.CreateContainer("c", 0x1000);
        var a = MemoryRegion.CreateContainer("a", 0x10);
        c.AddSubregion(0, a);
        c.AddSubregion(0, MemoryRegion.CreateContainer("b", 0x10));
        a.Address = 0x100;
        Assert.Equal("a,b", Order(c));
        Assert.Equal(0x100UL, a.Address);
    }

    [Fact]
    public void RemovingASubregionKeepsSiblingOrder()
    {
        var c = MemoryRegion.CreateContainer("c", 0x1000);
        var b = MemoryRegion.CreateContainer("b", 0x10);
        c.AddSubregion(0, MemoryRegion.CreateContainer("a", 0x10));
        c.AddSubregion(0, b);
        c.AddSubregion(0, MemoryRegion.CreateContainer("x", 0x10));
        c.RemoveSubregion(b);
        Assert.Equal("x,a", Order(c));
        Assert.Null(b.Container);
    }

    [Fact]
    public void SizeUInt64MaxMeansTwoToThe64()
    {
        var c = MemoryRegion.CreateContainer("c", ulong.MaxValue);
        Assert.Equal((UInt128)ulong.MaxValue + 1, c.Size);
    }

    [Fact]
    public void SubregionsCannotBeAddedToAnAlias()
    {
        var target = MemoryRegion.CreateContainer("t", 0x100);
        var alias = MemoryRegion.CreateAlias("a", target, 0, 0x100);
        Assert.Throws<InvalidOperationException>(() => alias.AddSubregion(0, MemoryRegion.CreateContainer("x", 1)));
    }

    [Fact]
    public void AliasCycleIsRejected()
    {
        var c = MemoryRegion.CreateContainer("c", 0x100);
        var alias = MemoryRegion.CreateAlias("a", c, 0, 0x100);
        var chained = MemoryRegion.CreateAlias("a2", alias, 0, 0x100);
        Assert.Throws<InvalidOperationException>(() => c.AddSubregion(0, chained));
    }

    [Fact]
    public void AliasIntoItsOwnContainerIsRefusedWhenTheWindowHoldsTheAlias()
    {
        // The window 0x0-0x1fff of c contains the alias's own position 0x1000: rendering would never end.
        var c = MemoryRegion.CreateContainer("c", 0x10000);
        Assert.Throws<InvalidOperationException>(() => c.AddSubregion(0x1000, MemoryRegion.CreateAlias("self", c, 0, 0x2000)));
    }

    [Fact]
    public void AliasIntoAnAncestorIsRefusedWhenTheWindowHoldsTheAlias()
    {
        // The alias sits at 0x1000 + 0x800 of the root, inside its window 0x1000-0x1fff of the root.
        var root = MemoryRegion.CreateContainer("root", 0x10000);
        var inner = MemoryRegion.CreateContainer("inner", 0x1000);
        root.AddSubregion(0x1000, inner);
        Assert.Throws<InvalidOperationException>(() => inner.AddSubregion(0x800, MemoryRegion.CreateAlias("self", root, 0x1000, 0x1000)));
    }

    [Fact]
    public void AliasIntoItsOwnContainerWithAWindowExcludingItIsAllowed()
    {
        // armsse's "alias 1": 0x1xxxxxxx of armsse-container shows its 0x0xxxxxxx.
        var c = MemoryRegion.CreateContainer("armsse-container", UInt128.One << 64);
        c.AddSubregion(0, MemoryRegion.CreateContainer("system", 0x1000));
        var alias = MemoryRegion.CreateAlias("alias 1", c, 0, 0x10000000);
        c.AddSubregionOverlap(0x10000000, alias, -1500);
        Assert.Same(c, alias.Container);
    }

    [Fact]
    public void ContainerHoldingASelfAliasCanBeMappedElsewhere()
    {
        // armsse-container (with its alias 1) goes into each arm-sse-cpu-container.
        var sse = MemoryRegion.CreateContainer("armsse-container", UInt128.One << 64);
        sse.AddSubregionOverlap(0x10000000, MemoryRegion.CreateAlias("alias 1", sse, 0, 0x10000000), -1500);
        var cpu = MemoryRegion.CreateContainer("arm-sse-cpu-container0", UInt128.One << 64);
        cpu.AddSubregionOverlap(0, sse, -1);
        cpu.AddSubregionOverlap(0x50000000, MemoryRegion.CreateAlias("alias 3", cpu, 0x40000000, 0x10000000), -1500);
        Assert.Throws<InvalidOperationException>(() => sse.AddSubregion(0, MemoryRegion.CreateAlias("back", cpu, 0, 0x1000)));
    }

    [Fact]
    public void ARegionCanBeInOnlyOneContainer()
    {
        var r = MemoryRegion.CreateContainer("r", 0x10);
        MemoryRegion.CreateContainer("a", 0x100).AddSubregion(0, r);
        Assert.Throws<InvalidOperationException>(() => MemoryRegion.CreateContainer("b", 0x100).AddSubregion(0, r));
    }

    [Fact]
    public void RegionsOfTwoMachinesCannotBeMixed()
    {
        var root1 = MemoryRegion.CreateContainer("r1", 0x1000);
        var root2 = MemoryRegion.CreateContainer("r2", 0x1000);
        _ = new AddressSpace(new MemorySystem(), "one", root1);
        _ = new AddressSpace(new MemorySystem(), "two", root2);
        var child = MemoryRegion.CreateContainer("child", 0x10);
        root1.AddSubregion(0, child);
        root1.RemoveSubregion(child);
        Assert.Throws<InvalidOperationException>(() => root2.AddSubregion(0, child));
    }

    [Fact]
    public void RomStartsReadOnlyAndRomDeviceInRomdMode()
    {
        Assert.True(MemoryRegion.CreateRom("rom", 0x100).ReadOnly);
        var romd = MemoryRegion.CreateRomDevice("flash", 0x100, new TestOps());
        Assert.True(romd.RomdMode);
        Assert.True(romd.IsRomDevice);
        Assert.False(romd.IsRam);
    }
}
