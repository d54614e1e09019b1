// pci.md §1.3: render_memory_region rules, simplify, flatview roots and sharing.
namespace Nemu.Memory.Tests;

public sealed class FlatViewTests
{
    private static MemoryRegion Io(string name, ulong size) => MemoryRegion.CreateIo(name, size, NullOps.Instance);

    private static AddressSpace Space(MemoryRegion root) => new(new MemorySystem(), "as", root);

    [Fact]
    public void HigherPriorityPureContainerHolesFallThrough()
    {
        // docs/devel/memory.rst: C prio1 MMIO 0-0x6000, B prio2 container 0x2000-0x6000 with D@0x2000, E@0x4000.
        var root = MemoryRegion.CreateContainer("root", 0x10000);
        var b = MemoryRegion.CreateContainer("B", 0x4000);
        b.AddSubregion(0, Io("D", 0x1000));
        b.AddSubregion(0x2000, Io("E", 0x1000));
        root.AddSubregionOverlap(0, Io("C", 0x6000), 1);
        root.AddSubregionOverlap(0x2000, b, 2);
        Assert.Equal("C[0-1fff]@0 D[2000-2fff]@0 C[3000-3fff]@3000 E[4000-4fff]@0 C[5000-5fff]@5000", Flat.Describe(Space(root)));
    }

    [Fact]
    public void HigherPriorityTerminatingRegionObscuresItsWholeRange()
    {
        var root = MemoryRegion.CreateContainer("root", 0x10000);
        var b = Io("B", 0x4000);
        b.AddSubregion(0, Io("D", 0x1000));
        b.AddSubregion(0x2000, Io("E", 0x1000));
        root.AddSubregionOverlap(0, Io("C", 0x6000), 1);
        root.AddSubregionOverlap(0x2000, b, 2);
        Assert.Equal("C[0-1fff]@0 D[2000-2fff]@0 B[3000-3fff]@1000 E[4000-4fff]@0 B[5000-5fff]@3000", Flat.Describe(Space(root)));
    }

    [Fact]
    public void EqualPriorityOverlapNewestWins()
    {
        var root = MemoryRegion.CreateContainer("root", 0x10000);
        root.AddSubregion(0, Io("old", 0x2000));
        root.AddSubregion(0x1000, Io("new", 0x2000));
        Assert.Equal("old[0-fff]@0 new[1000-2fff]@0", Flat.Describe(Space(root)));
    }

    [Fact]
    public void DisabledRegionRemovesItsWholeSubtree()
    {
        var root = MemoryRegion.CreateContainer("root", 0x10000);
        var sub = MemoryRegion.CreateContainer("sub", 0x1000);
        sub.AddSubregion(0, Io("leaf", 0x100));
        root.AddSubregion(0, sub);
        root.AddSubregionOverlap(0, Io("background", 0x1000), -1);
        var space = Space(root);
        sub.Enabled = false;
        Assert.Equal("background[0-fff]@0", Flat.Describe(space));
        sub.Enabled = true;
        Assert.Equal("leaf[0-ff]@0 background[100-fff]@100", Flat.Describe(space));
    }

    [Fact]
    public void SelfAliasShowsItsContainersOtherWindow()
    {
        // armsse-container: "alias 1" (0x1000-0x1fff) shows 0x0-0xfff of the container, "alias 2" the 0x2000 page.
        var root = MemoryRegion.CreateContainer("root", 0x10000);
        root.AddSubregion(0, Io("low", 0x1000));
        root.AddSubregion(0x2000, Io("mid", 0x1000));
        root.AddSubregionOverlap(0x1000, MemoryRegion.CreateAlias("alias 1", root, 0, 0x1000), -1500);
        root.AddSubregionOverlap(0x3000, MemoryRegion.CreateAlias("alias 2", root, 0x2000, 0x1000), -1500);
        Assert.Equal("low[0-fff]@0 low[1000-1fff]@0 mid[2000-2fff]@0 mid[3000-3fff]@0", Flat.Describe(Space(root)));
    }

    [Fact]
    public void SelfAliasesShowingEachOtherRenderFinitely()
    {
        // Each window excludes its own alias but holds the other one: QEMU would recurse forever; the render
        // depth bound ends it, and the rest of the view is intact.
        var root = MemoryRegion.CreateContainer("root", 0x10000);
        root.AddSubregion(0x5000, Io("dev", 0x1000));
        root.AddSubregion(0x1000, MemoryRegion.CreateAlias("a", root, 0x3000, 0x1000));
        root.AddSubregion(0x3000, MemoryRegion.CreateAlias("b", root, 0x1000, 0x1000));
        Assert.Equal("dev[5000-5fff]@0", Flat.Describe(Space(root)));
    }

    [Fact]
    public void AliasWindowShowsTargetFromAliasOffsetAndIgnoresTargetAddress()
    {
        var root = MemoryRegion.CreateContainer("root", 0x100000);
        var ram = MemoryRegion.CreateRam("ram", 0x10000);
        ram.AddSubregion(0x0, Io("hole", 0x10)); // a non-container region with a subregion
        root.AddSubregion(0x50000, ram);
        root.AddSubregion(0x1000, MemoryRegion.CreateAlias("win", ram, 0x8, 0x20));
        Assert.Equal("hole[1000-1007]@8 ram[1008-101f]@10 hole[50000-5000f]@0 ram[50010-5ffff]@10", Flat.Describe(Space(root)));
    }

    [Fact]
    public void AliasChainsResolveToTheFinalTarget()
    {
        var root = MemoryRegion.CreateContainer("root", 0x100000);
        var ram = MemoryRegion.CreateRam("ram", 0x1000);
        var a1 = MemoryRegion.CreateAlias("a1", ram, 0x100, 0x800);
        var a2 = MemoryRegion.CreateAlias("a2", a1, 0x10, 0x100);
        root.AddSubregion(0x4000, a2);
        Assert.Equal("ram[4000-40ff]@110", Flat.Describe(Space(root)));
    }

    [Fact]
    public void ReadOnlyIsInheritedThroughAnAlias()
    {
        var root = MemoryRegion.CreateContainer("root", 0x100000);
        var ram = MemoryRegion.CreateRam("ram", 0x1000);
        var alias = MemoryRegion.CreateAlias("view", ram, 0, 0x1000);
        alias.ReadOnly = true;
        root.AddSubregion(0, ram);
        root.AddSubregion(0x10000, alias);
        Assert.Equal("ram[0-fff]@0 ram[10000-10fff]@0ro", Flat.Describe(Space(root)));
    }

    [Fact]
    public void SimplifyMergesContiguousPiecesOfTheSameRegion()
    {
        // The alias window and the region behind it render as two adjacent pieces that are contiguous in the region.
        var root = MemoryRegion.CreateContainer("root", 0x100000);
        var ram = MemoryRegion.CreateRam("ram", 0x2000);
        root.AddSubregion(0, MemoryRegion.CreateAlias("lo", ram, 0, 0x1000));
        root.AddSubregion(0x1000, MemoryRegion.CreateAlias("hi", ram, 0x1000, 0x1000));
        Assert.Equal("ram[0-1fff]@0", Flat.Describe(Space(root)));
    }

    [Fact]
    public void SimplifyDoesNotMergeNonContiguousOffsetsOrUnmergeableRanges()
    {
        var root = MemoryRegion.CreateContainer("root", 0x100000);
        var ram = MemoryRegion.CreateRam("ram", 0x2000);
        root.AddSubregion(0, MemoryRegion.CreateAlias("lo", ram, 0, 0x1000));
        root.AddSubregion(0x1000, MemoryRegion.CreateAlias("same", ram, 0, 0x1000));
        var hi = MemoryRegion.CreateAlias("hi", ram, 0x1000, 0x1000);
        hi.Unmergeable = true;
        root.AddSubregion(0x2000, hi);
        Assert.Equal("ram[0-fff]@0 ram[1000-1fff]@0 ram[2000-2fff]@1000", Flat.Describe(Space(root)));
    }

    [Fact]
    public void SimplifyDoesNotMergeRangesWithDifferentReadOnly()
    {
        var root = MemoryRegion.CreateContainer("root", 0x100000);
        var ram = MemoryRegion.CreateRam("ram", 0x2000);
        root.AddSubregion(0, MemoryRegion.CreateAlias("lo", ram, 0, 0x1000));
        var hi = MemoryRegion.CreateAlias("hi", ram, 0x1000, 0x1000);
        hi.ReadOnly = true;
        root.AddSubregion(0x1000, hi);
        Assert.Equal("ram[0-fff]@0 ram[1000-1fff]@1000ro", Flat.Describe(Space(root)));
    }

    [Fact]
    public void RegionsAreClippedToTheirContainer()
    {
        var root = MemoryRegion.CreateContainer("root", 0x100000);
        var small = MemoryRegion.CreateContainer("small", 0x100);
        small.AddSubregion(0x80, Io("big", 0x1000));
        root.AddSubregion(0x1000, small);
        Assert.Equal("big[1080-10ff]@0", Flat.Describe(Space(root)));
    }

    [Fact]
    public void TwoToThe64RegionRendersAsOneRange()
    {
        var space = Space(Io("all", ulong.MaxValue));
        var s = Assert.Single(space.GetSections());
        Assert.Equal((UInt128)ulong.MaxValue + 1, s.Size);
    }

    [Fact]
    public void AddressSpacesWithTheSameEffectiveRootShareOneFlatView()
    {
        var system = new MemorySystem();
        var sysmem = MemoryRegion.CreateContainer("system", ulong.MaxValue);
        sysmem.AddSubregion(0, MemoryRegion.CreateRam("ram", 0x1000));
        sysmem.AddSubregion(0x10000, Io("dev", 0x100));
        var cpuRoot = MemoryRegion.CreateContainer("cpu", ulong.MaxValue);
        cpuRoot.AddSubregion(0, MemoryRegion.CreateAlias("sysalias", sysmem, 0, ulong.MaxValue));
        var a = new AddressSpace(system, "memory", sysmem);
        var b = new AddressSpace(system, "cpu-memory-0", cpuRoot);
        Assert.Same(a.View, b.View);
        Assert.Same(sysmem, a.View.Root);
    }

    [Fact]
    public void EmptyContainerRootHasNoRenderedFlatView()
    {
        var space = Space(MemoryRegion.CreateContainer("system", ulong.MaxValue));
        Assert.Null(space.View.Root);
        Assert.Empty(space.GetSections());
    }

    [Fact]
    public void ChangesInsideATransactionRenderOnceAtTheOutermostCommit()
    {
        var system = new MemorySystem();
        var root = MemoryRegion.CreateContainer("root", 0x10000);
        var space = new AddressSpace(system, "as", root);
        var before = space.View;
        using (system.Transaction())
        {
            using (system.Transaction())
            {
                root.AddSubregion(0, Io("a", 0x100));
            }

            root.AddSubregion(0x100, Io("b", 0x100));
            Assert.Same(before, space.View);
        }

        Assert.Equal("a[0-ff]@0 b[100-1ff]@0", Flat.Describe(space));
    }
}
