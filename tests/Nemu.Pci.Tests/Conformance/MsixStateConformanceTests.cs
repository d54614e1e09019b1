// Conformance tests for pci.md §9 items 69-70 (MSI-X migration §4.5, msix_init checks §4.1). Item 69 moves the
// edu's PCI function state ("PCIDevice" section) and its "msix" section from one in-process virt machine to a
// fresh one (the edu's own "edu" section carries neither), then checks through qtest that the table and PBA are
// back and that a pending vector the stream shows unmasked is delivered by the load. Item 70 checks msix_init's
// argument rules directly and that an impossible edu,msix-vectors is a clear device error.
using Nemu.Hw.Pci;
using Nemu.Memory;
using static Nemu.Pci.Tests.Conformance.MsiQtestRig;

namespace Nemu.Pci.Tests.Conformance;

public sealed class MsixStateConformanceTests
{
    private const int EntrySize = 16;

    [Fact]
    public void B69_SaveLoadRestoresTableAndPbaAndDeliversPendingUnmaskedVectors()
    {
        byte[] config, msix;
        List<uint> table;
        using (var source = new MsixEduRig())
        {
            source.SetMasked(0, false);
            source.Pci.MsixSetEntry(2, Doorbell, 0x5a);
            Assert.Empty(source.Raise(1));
            Assert.Empty(source.Raise(2));
            Assert.Equal(0b110u, source.Pba());
            table = ReadTable(source);
            config = PciDeviceState.For(source.Edu).Save(source.Edu.PciState);
            msix = Msix.Save(source.Edu);
        }

        // As saved: entries 1 and 2 masked and pending, so the load delivers nothing.
        using (var target = new MsiTarget())
        {
            Assert.Empty(target.Load(config, msix));
            Assert.Equal(table, ReadTable(target.Rig));
            Assert.Equal(0b110u, target.Rig.Pba());
            Assert.Equal([MsixEduRig.SpiOf(0)], target.Rig.Raise(0));
        }

        // A stream whose entry 2 is unmasked with its pending bit set: the load delivers it once (data 0x5a).
        var unmasked = (byte[])msix.Clone();
        unmasked[(2 * EntrySize) + 12] &= 0xfe;
        using (var target = new MsiTarget())
        {
            Assert.Equal([Spi(0x5a)], target.Load(config, unmasked));
            Assert.Equal(0b010u, target.Rig.Pba());
            Assert.False(target.Rig.Pci.MsixIsMasked(2));
        }
    }

    [Fact]
    public void B70_MsixInitRejectsMisalignedOverlappingOrOversizedLayouts()
    {
        var bar = MemoryRegion.CreateContainer("bar", 4096, null);
        var big = MemoryRegion.CreateContainer("big", 65536, null);
        const string layout = "table & pba overlap, or they don't fit in BARs, or don't align";
        (int Vectors, MemoryRegion Bar, uint Table, uint Pba, string Error)[] rejected =
        [
            (4, bar, 0x4, 0x800, layout),   // table offset not 8-byte aligned
            (4, bar, 0, 0x804, layout),     // PBA offset not 8-byte aligned
            (4, bar, 0, 0x30, layout),      // PBA inside the table (4 entries = 0x40 bytes)
            (4, bar, 0x800, 0x838, layout), // PBA over the table's last entry
            (4, bar, 0xfc8, 0, layout),     // table past the BAR
            (4, bar, 0, 0xffc, layout),     // PBA past the BAR
            (0, big, 0, 0x8000, "The number of MSI-X vectors is invalid"),
            (2049, big, 0, 0x8800, "The number of MSI-X vectors is invalid"),
        ];
        foreach (var (vectors, region, table, pba, expected) in rejected)
        {
            var device = new TestEndpoint();
            Assert.Equal(-1, Msix.Init(device, vectors, region, 0, table, region, 0, pba, 0, out var error));
            Assert.Equal(expected, error);
            Assert.False(Msix.IsPresent(device));
        }

        var ok = new TestEndpoint(); // table and PBA may touch: 2048 entries end where the PBA starts
        var cap = Msix.Init(ok, 2048, big, 0, 0, big, 0, 0x8000, 0, out var none);
        Assert.Null(none);
        Assert.Equal(0x11, ok.Config[cap]);
        Assert.Equal(2048, Msix.VectorCount(ok));

        var failure = Assert.Throws<InvalidOperationException>(() => StartNemu("edu,msix-vectors=4096"));
        Assert.Contains("edu: msix-vectors must be at most 2048, not 4096", failure.Message, StringComparison.Ordinal);
        using var fine = StartNemu("edu,msix-vectors=2048");
        Assert.Equal(2048, Device<Edu>(fine).MsixVectors);
    }

    private static List<uint> ReadTable(MsixEduRig rig) =>
        [.. Enumerable.Range(0, 4 * EntrySize / 4).Select(i => rig.Pci.ReadL(rig.Pci.MsixTableBar, rig.Pci.MsixTableOffset + ((ulong)i * 4)))];

    /// <summary>A fresh machine with the same edu; its BARs are placed by the loaded config space.</summary>
    private sealed class MsiTarget : IDisposable
    {
        public MsixEduRig Rig { get; } = new();

        /// <summary>Loads the two sections (config first, as msix_load requires) and returns the GIC inputs raised.</summary>
        public List<int> Load(byte[] config, byte[] msix) => Raised(Rig.Qts, () =>
        {
            PciDeviceState.For(Rig.Edu).Load(Rig.Edu.PciState, config, 2);
            Msix.Load(Rig.Edu, msix);
        });

        public void Dispose() => Rig.Dispose();
    }
}
