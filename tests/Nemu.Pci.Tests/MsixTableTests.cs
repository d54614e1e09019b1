// pci.md §4.1-§4.2 and §9 54-58, 70: MSI-X capability, exclusive BAR layout, table/PBA access rules through
// Nemu.Memory's dispatch (as recorded on QEMU 7.2's pcie-root-port in issue6-ref/qtest-msix-rootport.txt).
using Nemu.Core;

namespace Nemu.Pci.Tests;

public sealed class MsixTableTests
{
    [Fact]
    public void RootPortLayoutMatchesTheQemuRecording()
    {
        // QEMU: cap 0x48 reads 0x00004011 (next 0x40, 1 vector), table BIR0 @0, PBA BIR0 @0x800, 4 KiB BAR.
        var rig = new MsiTestRig(express: true);
        Assert.True(Msix.InitExclusiveBar(rig.Device, "pcie-root-port", 1, 0, PciBarType.Memory32, out var error), error);

        var cap = rig.Device.MsixState!.CapOffset;
        Assert.Equal(0x0000_0011u, rig.ConfigRead(cap, 4));
        Assert.Equal(0x0000_0000u, rig.ConfigRead(cap + MsixRegisters.Table, 4));
        Assert.Equal(0x0000_0800u, rig.ConfigRead(cap + MsixRegisters.Pba, 4));
        var bar = rig.Device.Bars[0]!;
        Assert.Equal(4096ul, bar.Size);
        Assert.Equal(PciBarType.Memory32, bar.Type);
        Assert.Equal("pcie-root-port-msix", bar.Region.Name);
        Assert.Equal(["msix-table", "msix-pba"], bar.Region.Subregions.Select(r => r.Name).Order().Reverse());
        Assert.Equal(16ul, (ulong)rig.Device.MsixState.TableRegion.Size);
        Assert.Equal(0x800ul, rig.Device.MsixState.PbaRegion.Address);
        Assert.Equal(8ul, (ulong)rig.Device.MsixState.PbaRegion.Size);
    }

    [Theory]
    [InlineData(1, 0x800, 0x1000)]
    [InlineData(128, 0x800, 0x1000)]
    [InlineData(129, 0x810, 0x1000)]
    [InlineData(256, 0x1000, 0x2000)]
    [InlineData(2048, 0x8000, 0x10000)]
    public void ExclusiveBarKeepsFourKiBWithThePbaAtHalfUntilTheTableOutgrowsIt(int vectors, int pbaOffset, int barSize)
    {
        var rig = new MsiTestRig();
        Assert.True(Msix.InitExclusiveBar(rig.Device, "t", vectors, 2, PciBarType.Memory64, out _));
        Assert.Equal((ulong)barSize, rig.Device.Bars[2]!.Size);
        Assert.Equal(PciBarType.Memory64, rig.Device.Bars[2]!.Type);
        Assert.Equal((uint)pbaOffset | 2u, rig.ConfigRead(rig.Device.MsixState!.CapOffset + MsixRegisters.Pba, 4));
        Assert.Equal(2u, rig.ConfigRead(rig.Device.MsixState.CapOffset + MsixRegisters.Table, 4));
    }

    [Fact]
    public void B54_AfterInitAndResetEveryEntryIsMaskedAndControlAndPbaAreClear()
    {
        var rig = MappedRig(3, out var cap);
        AssertResetState(rig, cap, 3);

        rig.ConfigWrite(cap + MsixRegisters.Flags, 0xc000, 2);
        for (ulong v = 0; v < 3; v++)
        {
            rig.BarWrite((v * 16) + 0, 0x0802_0040, 4);
            rig.BarWrite((v * 16) + 8, 0x50 + v, 4);
            rig.BarWrite((v * 16) + 12, 0, 4);
        }

        Msix.VectorUse(rig.Device, 1);
        rig.ConfigWrite(cap + MsixRegisters.Flags, 0xc000, 2);
        Msix.Notify(rig.Device, 1);
        Assert.NotEqual(0ul, rig.BarRead(0x800, 4));

        Msix.Reset(rig.Device);

        AssertResetState(rig, cap, 3);
        Assert.True(Msix.IsMasked(rig.Device, 0));
    }

    [Fact]
    public void B55_OnlyEnableAndFunctionMaskAreWritable()
    {
        var rig = MappedRig(3, out var cap);
        rig.ConfigWrite(cap + MsixRegisters.Flags, 0xffff, 2);
        Assert.Equal(0xc002u, rig.ConfigRead(cap + MsixRegisters.Flags, 2));
        rig.ConfigWrite(cap + MsixRegisters.Flags, 0x0000, 2);
        Assert.Equal(0x0002u, rig.ConfigRead(cap + MsixRegisters.Flags, 2));
        rig.ConfigWrite(cap + MsixRegisters.Table, 0xffff_ffff, 4);
        rig.ConfigWrite(cap + MsixRegisters.Pba, 0xffff_ffff, 4);
        Assert.Equal(0u, rig.ConfigRead(cap + MsixRegisters.Table, 4));
        Assert.Equal(0x800u, rig.ConfigRead(cap + MsixRegisters.Pba, 4));
    }

    [Fact]
    public void B56_TableTakesFourAndEightByteAccessesAndRejectsNarrowOrUnalignedOnes()
    {
        // The sequence of qtest-msix-rootport.txt, with QEMU's answers.
        var rig = MappedRig(1, out _);

        Assert.Equal(MemTxResult.DecodeError, rig.Read(MsiTestRig.BarBase, 1, out var b));
        Assert.Equal(0ul, b);
        Assert.Equal(0ul, rig.BarRead(0, 2));
        Assert.Equal(MemTxResult.DecodeError, rig.BarWrite(0, 0x11, 1));
        rig.BarWrite(0, 0x2222, 2);
        Assert.Equal(0ul, rig.BarRead(0, 4));

        rig.BarWrite(0, 0x0000_0000_0802_0040, 8);
        Assert.Equal(0x0802_0040ul, rig.BarRead(0, 8));
        Assert.Equal(0ul, rig.BarRead(4, 4));

        Assert.Equal(MemTxResult.DecodeError, rig.Read(MsiTestRig.BarBase + 2, 4, out var unaligned));
        Assert.Equal(0ul, unaligned);
        Assert.Equal(MemTxResult.DecodeError, rig.BarWrite(2, 0xffff_ffff, 4));
        Assert.Equal(0x0802_0040ul, rig.BarRead(0, 4));
        Assert.Equal(MemTxResult.DecodeError, rig.BarWrite(4, 0xffff_ffff_ffff_ffff, 8));
        Assert.Equal(0ul, rig.BarRead(4, 4));
    }

    [Fact]
    public void B57_EightByteWritesSetAddressLoHiAndDataThenVectorControl()
    {
        var rig = MappedRig(2, out _);
        rig.BarWrite(16, 0x0000_0001_0802_0044, 8);
        rig.BarWrite(24, 0x0000_0000_0000_0051, 8);
        rig.BarWrite(8, 0x0000_0001_0000_0050, 8);

        Assert.Equal(0x0802_0044ul, rig.BarRead(16, 4));
        Assert.Equal(0x1ul, rig.BarRead(20, 4));
        Assert.Equal(0x51ul, rig.BarRead(24, 4));
        Assert.Equal(0ul, rig.BarRead(28, 4));
        Assert.Equal(0x50ul, rig.BarRead(8, 4));
        Assert.Equal(1ul, rig.BarRead(12, 4));
        Assert.Equal(0x0000_0000_0000_0051ul, rig.BarRead(24, 8));
        Assert.Equal(new MsiMessage(0x1_0802_0044, 0x51), Msix.GetMessage(rig.Device, 1));
    }

    [Fact]
    public void EightByteWriteAtEntryOffsetEightUnmasksWithTheNewDataAlreadyStored()
    {
        // Low dword first: the data lands before the vector-control dword unmasks, so the pending
        // vector goes out with the new data.
        var rig = MappedRig(1, out var cap);
        rig.BarWrite(0, MsiTestRig.Doorbell, 8);
        rig.ConfigWrite(cap + MsixRegisters.Flags, 0x8000, 2);
        Msix.VectorUse(rig.Device, 0);
        Msix.Notify(rig.Device, 0);

        rig.BarWrite(8, 0x0000_0000_0000_0053, 8);

        Assert.Equal([new SunkMessage(MsiTestRig.Doorbell, 0x53, 4)], rig.Messages);
    }

    [Fact]
    public void B58_PbaWritesAreIgnoredAndPbaReadsShowPendingBits()
    {
        var rig = MappedRig(40, out var cap);
        rig.ConfigWrite(cap + MsixRegisters.Flags, 0x8000, 2);
        rig.BarWrite(0x800, 0xffff_ffff, 4);
        rig.BarWrite(0x800, 0xffff_ffff_ffff_ffff, 8);
        Assert.Equal(0ul, rig.BarRead(0x800, 8));

        Msix.VectorUse(rig.Device, 1);
        Msix.VectorUse(rig.Device, 33);
        Msix.Notify(rig.Device, 1);
        Msix.Notify(rig.Device, 33);

        Assert.Equal(0x2ul, rig.BarRead(0x800, 4));
        Assert.Equal(0x2ul, rig.BarRead(0x804, 4));
        Assert.Equal(0x0000_0002_0000_0002ul, rig.BarRead(0x800, 8));
        Assert.Equal(0ul, rig.BarRead(0x800, 1));
        rig.BarWrite(0x800, 0, 4);
        Assert.Equal(0x2ul, rig.BarRead(0x800, 4));
    }

    [Fact]
    public void AccessesPastTheTableInsideTheBarNeverReachTheTable()
    {
        // The table region is exactly N·16 bytes; bytes after it belong to the BAR container (QEMU's gpex then
        // answers all-ones, which is the host bridge's business, not the table's).
        var rig = MappedRig(1, out _);
        Assert.Equal(MemTxResult.DecodeError, rig.BarWrite(0x10, 0x1234, 4));
        rig.BarRead(0x10, 4);
        rig.BarRead(0x7fc, 4);
        Assert.Equal(1ul, rig.BarRead(12, 4));
        Assert.Equal(0ul, rig.BarRead(0, 4));
    }

    [Theory]
    [InlineData(0, "The number of MSI-X vectors is invalid")]
    [InlineData(2049, "The number of MSI-X vectors is invalid")]
    public void B70_InitRejectsVectorCountsOutside1To2048(int vectors, string message)
    {
        var rig = new MsiTestRig();
        var bar = Memory.MemoryRegion.CreateContainer("bar", 0x10000);
        Assert.Equal(-1, Msix.Init(rig.Device, vectors, bar, 0, 0, bar, 0, 0x8000, 0, out var error));
        Assert.Equal(message, error);
        Assert.False(Msix.InitExclusiveBar(rig.Device, "t", vectors, 0, PciBarType.Memory32, out error));
        Assert.Equal(message, error);
        Assert.Null(rig.Device.MsixState);
    }

    [Theory]
    [InlineData(0x000u, 0x020u, 0, 0)]   // PBA overlaps the table (3 entries = 0x30 bytes)
    [InlineData(0x004u, 0x800u, 0, 0)]   // table offset not 8-byte aligned
    [InlineData(0x000u, 0x802u, 0, 0)]   // PBA offset not 8-byte aligned
    [InlineData(0xfe0u, 0x800u, 0, 1)]   // table past the end of its BAR
    [InlineData(0x000u, 0xffcu, 1, 1)]   // PBA past the end of its BAR (8 bytes)
    public void B70_InitRejectsOverlapMisalignmentAndStructuresBeyondTheBar(uint tableOffset, uint pbaOffset, int tableBar, int pbaBar)
    {
        var rig = new MsiTestRig();
        var bar = Memory.MemoryRegion.CreateContainer("bar", 0x1000);
        Assert.Equal(-1, Msix.Init(rig.Device, 3, bar, tableBar, tableOffset, bar, pbaBar, pbaOffset, 0, out var error));
        Assert.Equal("table & pba overlap, or they don't fit in BARs, or don't align", error);
        Assert.Null(rig.Device.MsixState);
        Assert.Empty(bar.Subregions);
    }

    [Fact]
    public void B70_TableAndPbaMayShareOffsetsInDifferentBars()
    {
        var rig = new MsiTestRig();
        var tableBar = Memory.MemoryRegion.CreateContainer("t", 0x1000);
        var pbaBar = Memory.MemoryRegion.CreateContainer("p", 0x1000);
        Assert.Equal(0x40, Msix.Init(rig.Device, 3, tableBar, 1, 0, pbaBar, 2, 0, 0, out var error));
        Assert.Null(error);
        Assert.Equal(0x1u, rig.ConfigRead(0x44, 4));
        Assert.Equal(0x2u, rig.ConfigRead(0x48, 4));
    }

    [Fact]
    public void UninitRemovesTheTableAndPbaRegions()
    {
        var rig = MappedRig(2, out _);
        var bar = rig.Device.MsixState!.TableBar;
        Msix.Uninit(rig.Device);
        Assert.Empty(bar.Subregions);
        Assert.Null(rig.Device.MsixState);
        Msix.Notify(rig.Device, 0);
        Assert.True(Msix.IsMasked(rig.Device, 0));
    }

    /// <summary>A function with an N-vector MSI-X exclusive BAR 0 mapped at <see cref="MsiTestRig.BarBase"/>.</summary>
    internal static MsiTestRig MappedRig(int vectors, out int cap)
    {
        var rig = new MsiTestRig();
        Assert.True(Msix.InitExclusiveBar(rig.Device, "test-function", vectors, 0, PciBarType.Memory32, out var error), error);
        rig.MapBar(rig.Device.Bars[0]!.Region);
        cap = rig.Device.MsixState!.CapOffset;
        return rig;
    }

    private static void AssertResetState(MsiTestRig rig, int cap, int vectors)
    {
        Assert.Equal((uint)(vectors - 1), rig.ConfigRead(cap + MsixRegisters.Flags, 2));
        for (ulong v = 0; v < (ulong)vectors; v++)
        {
            Assert.Equal(0ul, rig.BarRead(v * 16, 8));
            Assert.Equal(0ul, rig.BarRead((v * 16) + 8, 4));
            Assert.Equal(1ul, rig.BarRead((v * 16) + 12, 4));
        }

        Assert.Equal(0ul, rig.BarRead(0x800, 8));
        Assert.False(Msix.IsEnabled(rig.Device));
    }
}
