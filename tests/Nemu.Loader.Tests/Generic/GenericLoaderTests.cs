using Nemu.Core;
using Nemu.Loader.Generic;
using Nemu.Loader.Rom;
using Nemu.Loader.Tests.Elf;

namespace Nemu.Loader.Tests.Generic;

public sealed class GenericLoaderTests
{
    private static GenericLoaderPlan Plan(GenericLoaderRequest r, RomSet? roms = null, Func<string, byte[]?>? read = null) =>
        GenericLoader.Plan(r, roms ?? new RomSet(), cpuCount: 1, ramSize: 16 << 20, read ?? (_ => null));

    // Texts recorded from qemu-system-arm 7.2 (see Nemu.Options.Tests/Data/qemu-errors.tsv, owner "loader").
    public static TheoryData<GenericLoaderRequest, string> Errors() => new()
    {
        { new GenericLoaderRequest(), "please include valid arguments" },
        { new GenericLoaderRequest(CpuNumber: 0), "please include valid arguments" },
        { new GenericLoaderRequest(Data: 1), "Both data and data-len must be specified" },
        { new GenericLoaderRequest(Address: 0x100, Data: 1), "Both data and data-len must be specified" },
        { new GenericLoaderRequest(DataBigEndian: true), "Both data and data-len must be specified" },
        { new GenericLoaderRequest(Address: 0x100, Data: 1, DataLength: 9), "data-len cannot be greater then 8 bytes" },
        { new GenericLoaderRequest(File: "/nonexist", Address: 0x100, Data: 1, DataLength: 4), "Specifying a file is not supported when loading memory values" },
        { new GenericLoaderRequest(Address: 0x123, ForceRaw: true, Data: 1, DataLength: 1), "Specifying force-raw is not supported when loading memory values" },
        { new GenericLoaderRequest(Address: 0x123), "cpu_num must be specified when setting a program counter" },
        { new GenericLoaderRequest(Address: 0x100, CpuNumber: 1), "Specified boot CPU#1 is nonexistent" },
        { new GenericLoaderRequest(File: "/nonexist"), "Cannot load specified image /nonexist" },
    };

    [Theory]
    [MemberData(nameof(Errors))]
    public void ErrorsUseQemuWording(GenericLoaderRequest request, string message) =>
        Assert.Equal(message, Assert.Throws<LoaderException>(() => Plan(request)).Message);

    [Fact]
    public void SetPcOnly()
    {
        var p = Plan(new GenericLoaderRequest(Address: 0x123, CpuNumber: 0));
        Assert.Equal(0x123UL, p.SetPc);
        Assert.Null(p.DataBytes);
    }

    [Theory]
    [InlineData(false, 4, new byte[] { 0x78, 0x56, 0x34, 0x12 })]
    [InlineData(false, 8, new byte[] { 0x78, 0x56, 0x34, 0x12, 0, 0, 0, 0 })]
    [InlineData(true, 4, new byte[] { 0, 0, 0, 0 })] // QEMU 7.2 quirk, observed with xp
    [InlineData(true, 8, new byte[] { 0, 0, 0, 0, 0x12, 0x34, 0x56, 0x78 })]
    public void DataWriteBytesLikeQemu72(bool bigEndian, uint length, byte[] expected)
    {
        var p = Plan(new GenericLoaderRequest(Address: 0x20000100, Data: 0x12345678, DataLength: length, DataBigEndian: bigEndian));
        Assert.Equal(expected, p.DataBytes);
        Assert.Equal(new GuestAddress(0x20000100), p.DataAddress);
        Assert.Null(p.SetPc);
    }

    [Fact]
    public void ElfFileLoadsSegmentsAndSetsPcToEntryWithCpu()
    {
        var roms = new RomSet();
        var p = Plan(new GenericLoaderRequest(File: "fw.elf", CpuNumber: 0), roms, _ => ElfBuilder.Sample(false));
        Assert.Equal(0x101UL, p.SetPc);
        Assert.Equal(3, roms.Blobs.Count);
    }

    [Fact]
    public void ElfFileWithoutCpuDoesNotSetPc() =>
        Assert.Null(Plan(new GenericLoaderRequest(File: "fw.elf"), null, _ => ElfBuilder.Sample(true)).SetPc);

    [Fact]
    public void ForceRawLoadsTheWholeFileAtAddr()
    {
        var roms = new RomSet();
        var image = ElfBuilder.Sample(false);
        var p = Plan(new GenericLoaderRequest(File: "fw.elf", Address: 0x21000000, ForceRaw: true, CpuNumber: 0), roms, _ => image);
        var blob = Assert.Single(roms.Blobs);
        Assert.Equal(("fw.elf", 0x21000000UL, (ulong)image.Length), (blob.Name, blob.Address.Value, blob.Size));
        Assert.Equal(0x21000000UL, p.SetPc);
    }

    [Fact]
    public void RawLargerThanRamIsRefused() =>
        Assert.Equal("Cannot load specified image big.bin",
            Assert.Throws<LoaderException>(() => Plan(new GenericLoaderRequest(File: "big.bin"), null, _ => new byte[(16 << 20) + 1])).Message);
}
