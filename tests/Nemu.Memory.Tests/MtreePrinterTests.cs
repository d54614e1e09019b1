// pci.md §1.8: `info mtree` and `info mtree -f` byte-compared with recordings from QEMU 7.2 (Data/). QEMU orders
// blocks by hash table, so blocks are compared as a set, and FlatView numbers are ignored.
using System.Runtime.CompilerServices;

namespace Nemu.Memory.Tests;

public sealed class MtreePrinterTests
{
    private enum Kind
    {
        Ram,
        Io,
        Alias,
    }

    // The children of the mps2-an385 `system` container, as QEMU 7.2 prints them.
    private static readonly (string Name, ulong Start, ulong Size, int Prio, Kind Kind, string? Target, ulong AliasOffset)[] Mps2System =
    [
        ("mps.ssram1", 0x0, 0x400000, 0, Kind.Ram, null, 0),
        ("mps.ssram1_m", 0x400000, 0x400000, 0, Kind.Alias, "mps.ssram1", 0x0),
        ("zbtsmram mirror", 0x400000, 0x400000, -1000, Kind.Io, null, 0),
        ("RESERVED 1", 0x800000, 0x800000, -1000, Kind.Io, null, 0),
        ("mps.blockram", 0x1000000, 0x4000, 0, Kind.Ram, null, 0),
        ("Block RAM", 0x1000000, 0x10000, -1000, Kind.Io, null, 0),
        ("mps.blockram_m1", 0x1004000, 0x4000, 0, Kind.Alias, "mps.blockram", 0x0),
        ("mps.blockram_m2", 0x1008000, 0x4000, 0, Kind.Alias, "mps.blockram", 0x0),
        ("mps.blockram_m3", 0x100c000, 0x4000, 0, Kind.Alias, "mps.blockram", 0x0),
        ("RESERVED 2", 0x1010000, 0x1eff0000, -1000, Kind.Io, null, 0),
        ("mps.ssram23", 0x20000000, 0x400000, 0, Kind.Ram, null, 0),
        ("mps.ssram23_m", 0x20400000, 0x400000, 0, Kind.Alias, "mps.ssram23", 0x0),
        ("RESERVED 3", 0x20800000, 0x800000, -1000, Kind.Io, null, 0),
        ("mps.ram", 0x21000000, 0x1000000, 0, Kind.Ram, null, 0),
        ("PSRAM", 0x21000000, 0x1000000, -1000, Kind.Io, null, 0),
        ("cmsdk-apb-timer", 0x40000000, 0x1000, 0, Kind.Io, null, 0),
        ("cmsdk-apb-timer", 0x40001000, 0x1000, 0, Kind.Io, null, 0),
        ("cmsdk-apb-dualtimer", 0x40002000, 0x1000, 0, Kind.Io, null, 0),
        ("uart", 0x40004000, 0x1000, 0, Kind.Io, null, 0),
        ("uart", 0x40005000, 0x1000, 0, Kind.Io, null, 0),
        ("uart", 0x40006000, 0x1000, 0, Kind.Io, null, 0),
        ("uart", 0x40007000, 0x1000, 0, Kind.Io, null, 0),
        ("cmsdk-apb-watchdog", 0x40008000, 0x1000, 0, Kind.Io, null, 0),
        ("uart", 0x40009000, 0x1000, 0, Kind.Io, null, 0),
        ("cmsdk-ahb-gpio", 0x40010000, 0x1000, -1000, Kind.Io, null, 0),
        ("cmsdk-ahb-gpio", 0x40011000, 0x1000, -1000, Kind.Io, null, 0),
        ("cmsdk-ahb-gpio", 0x40012000, 0x1000, -1000, Kind.Io, null, 0),
        ("cmsdk-ahb-gpio", 0x40013000, 0x1000, -1000, Kind.Io, null, 0),
        ("pl022", 0x40020000, 0x1000, 0, Kind.Io, null, 0),
        ("pl022", 0x40021000, 0x1000, 0, Kind.Io, null, 0),
        ("arm_sbcon_i2c", 0x40022000, 0x1000, 0, Kind.Io, null, 0),
        ("arm_sbcon_i2c", 0x40023000, 0x1000, 0, Kind.Io, null, 0),
        ("i2s", 0x40024000, 0x400, -1000, Kind.Io, null, 0),
        ("pl022", 0x40025000, 0x1000, 0, Kind.Io, null, 0),
        ("pl022", 0x40026000, 0x1000, 0, Kind.Io, null, 0),
        ("pl022", 0x40027000, 0x1000, 0, Kind.Io, null, 0),
        ("mps2-fpgaio", 0x40028000, 0x1000, 0, Kind.Io, null, 0),
        ("arm_sbcon_i2c", 0x40029000, 0x1000, 0, Kind.Io, null, 0),
        ("arm_sbcon_i2c", 0x4002a000, 0x1000, 0, Kind.Io, null, 0),
        ("mps2-scc", 0x4002f000, 0x1000, 0, Kind.Io, null, 0),
        ("RESERVED 4", 0x40030000, 0x1d0000, -1000, Kind.Io, null, 0),
        ("lan9118-mmio", 0x40200000, 0x100, 0, Kind.Io, null, 0),
        ("VGA", 0x41000000, 0x200000, -1000, Kind.Io, null, 0),
    ];

    // The board's unimplemented-device windows exist before the devices inside them (so equal-priority devices win).
    private static readonly (string Name, ulong Start, ulong Size)[] Mps2PeripheralWindows =
    [
        ("CMSDK APB peripheral region @0x40000000", 0x40000000, 0x10000),
        ("CMSDK AHB peripheral region @0x40010000", 0x40010000, 0x10000),
        ("Extra peripheral region @0x40020000", 0x40020000, 0x10000),
    ];

    [Fact]
    public void Mps2An385TreeMatchesQemu72()
    {
        var system = BuildMps2An385();
        AssertSameBlocks(Golden("qemu-7.2-mps2-an385.mtree.txt"), system.FormatMtree());
    }

    [Fact]
    public void Mps2An385FlatViewsMatchQemu72()
    {
        var system = BuildMps2An385();
        AssertSameBlocks(Golden("qemu-7.2-mps2-an385.mtree-f.txt"), system.FormatMtree(flatView: true));
    }

    [Fact]
    public void NoneMachineMatchesQemu72IncludingNoRenderedFlatView()
    {
        var system = new MemorySystem();
        _ = new AddressSpace(system, "memory", MemoryRegion.CreateContainer("system", ulong.MaxValue));
        _ = new AddressSpace(system, "I/O", MemoryRegion.CreateIo("io", 0x10000, NullOps.Instance));
        AssertSameBlocks(Golden("qemu-7.2-none.mtree.txt"), system.FormatMtree());
        AssertSameBlocks(Golden("qemu-7.2-none.mtree-f.txt"), system.FormatMtree(flatView: true));
    }

    [Fact]
    public void DisabledRegionsArePrintedOnlyWithDashCapitalD()
    {
        var system = new MemorySystem();
        var root = MemoryRegion.CreateContainer("system", 0x10000);
        var off = MemoryRegion.CreateIo("off", 0x100, NullOps.Instance);
        off.Enabled = false;
        off.AddSubregion(0, MemoryRegion.CreateIo("child", 0x10, NullOps.Instance));
        root.AddSubregion(0x1000, off);
        _ = new AddressSpace(system, "memory", root);
        Assert.Equal(
            "address-space: memory\n  0000000000000000-000000000000ffff (prio 0, i/o): system\n"
            + "      0000000000001000-000000000000100f (prio 0, i/o): child\n\n",
            system.FormatMtree());
        Assert.Contains(
            "    0000000000001000-00000000000010ff (prio 0, i/o): off [disabled]\n",
            system.FormatMtree(disabled: true));
    }

    [Fact]
    public void OwnerOptionAppendsOwnerOrOrphan()
    {
        var system = new MemorySystem();
        var root = MemoryRegion.CreateContainer("system", 0x10000);
        root.AddSubregion(0, MemoryRegion.CreateRom("rom", 0x100, new NamedOwner()));
        _ = new AddressSpace(system, "memory", root);
        var text = system.FormatMtree(owner: true);
        Assert.Contains("(prio 0, i/o): system orphan\n", text);
        Assert.Contains("(prio 0, rom): rom owner:{dev id=flash0}\n", text);
    }

    [Fact]
    public void IommuRegionsAndTheirAliasesPrintAsIoLikeTheSse200Mpc()
    {
        // The an505 SSRAM layout of QEMU 7.2 (issue5-ref/mtree-mps2-an505.txt, `info mtree` and `-f`).
        var system = new MemorySystem();
        var root = MemoryRegion.CreateContainer("system", ulong.MaxValue);
        var upstream = MemoryRegion.CreateIommu("tz-mpc-upstream", 0x400000, new TestIommu(0xFFF));
        root.AddSubregion(0, upstream);
        root.AddSubregion(0x400000, MemoryRegion.CreateAlias("ssram-0-alias", upstream, 0, 0x400000));
        _ = new AddressSpace(system, "cpu-memory-0", root);

        var tree = system.FormatMtree();
        var flat = system.FormatMtree(flatView: true);

        Assert.Contains(
            "    0000000000000000-00000000003fffff (prio 0, i/o): tz-mpc-upstream\n"
            + "    0000000000400000-00000000007fffff (prio 0, i/o): alias ssram-0-alias @tz-mpc-upstream 0000000000000000-00000000003fffff\n",
            tree);
        Assert.Contains(
            "  0000000000000000-00000000003fffff (prio 0, i/o): tz-mpc-upstream\n"
            + "  0000000000400000-00000000007fffff (prio 0, i/o): tz-mpc-upstream\n",
            flat);
    }

    private static MemorySystem BuildMps2An385()
    {
        var system = new MemorySystem();
        var sysmem = MemoryRegion.CreateContainer("system", ulong.MaxValue);
        var io = MemoryRegion.CreateIo("io", 0x10000, NullOps.Instance);
        _ = new AddressSpace(system, "memory", sysmem);
        _ = new AddressSpace(system, "I/O", io);

        var regions = new Dictionary<string, MemoryRegion>();
        using (system.Transaction())
        {
            foreach (var (name, start, size) in Mps2PeripheralWindows)
            {
                sysmem.AddSubregionOverlap(start, MemoryRegion.CreateIo(name, size, NullOps.Instance), -1000);
            }

            foreach (var (name, start, size, prio, kind, target, aliasOffset) in Mps2System)
            {
                var mr = kind switch
                {
                    Kind.Ram => MemoryRegion.CreateRam(name, size),
                    Kind.Alias => MemoryRegion.CreateAlias(name, regions[target!], aliasOffset, size),
                    _ => MemoryRegion.CreateIo(name, size, NullOps.Instance),
                };
                regions.TryAdd(name, mr);
                sysmem.AddSubregionOverlap(start, mr, prio);
            }
        }

        _ = new AddressSpace(system, "bitband-source", sysmem);
        _ = new AddressSpace(system, "bitband-source", sysmem);

        var container = MemoryRegion.CreateContainer("armv7m-container", ulong.MaxValue);
        container.AddSubregionOverlap(0, sysmem, -1);
        container.AddSubregion(0x22000000, MemoryRegion.CreateIo("bitband", 0x2000000, NullOps.Instance));
        container.AddSubregion(0x42000000, MemoryRegion.CreateIo("bitband", 0x2000000, NullOps.Instance));
        container.AddSubregionOverlap(0xe0000000, MemoryRegion.CreateIo("nvic-default", 0x100000, NullOps.Instance), -1);
        container.AddSubregion(0xe000e000, MemoryRegion.CreateIo("nvic_sysregs", 0x1000, NullOps.Instance));
        container.AddSubregionOverlap(0xe000e010, MemoryRegion.CreateIo("v7m_systick", 0xe0, NullOps.Instance), 1);
        _ = new AddressSpace(system, "cpu-memory-0", container);
        return system;
    }

    private static string Golden(string file, [CallerFilePath] string here = "") =>
        File.ReadAllText(Path.Combine(Path.GetDirectoryName(here)!, "Data", file));

    // Splits at blank lines; FlatView numbers depend on hash order in QEMU, so they are blanked.
    private static List<string> Blocks(string text)
    {
        var blocks = text.Split("\n\n", StringSplitOptions.RemoveEmptyEntries)
            .Select(b => b.StartsWith("FlatView #", StringComparison.Ordinal) ? "FlatView #N" + b[b.IndexOf('\n', StringComparison.Ordinal)..] : b)
            .ToList();
        blocks.Sort(StringComparer.Ordinal);
        return blocks;
    }

    private static void AssertSameBlocks(string expected, string actual)
    {
        Assert.EndsWith("\n\n", actual);
        Assert.Equal(Blocks(expected), Blocks(actual));
    }

    private sealed class NamedOwner : IMtreeOwner
    {
        public string MtreeDescription => "dev id=flash0";
    }
}
