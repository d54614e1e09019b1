using System.Buffers.Binary;
using Nemu.Loader.Elf;

namespace Nemu.Loader.Tests.Elf;

public sealed class ElfFileTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void ParsesHeaderSegmentsAndSymbols(bool is64)
    {
        var elf = ElfFile.Parse(ElfBuilder.Sample(is64));
        Assert.Equal(is64, elf.Is64Bit);
        Assert.Equal(is64 ? ElfMachine.AArch64 : ElfMachine.Arm, elf.Machine);
        Assert.Equal(0x101UL, elf.Entry);
        Assert.Equal(3, elf.ProgramHeaders.Count);
        var data = elf.ProgramHeaders[2];
        Assert.Equal((0x20000000UL, 4UL, 0x44UL, 6U), (data.PhysicalAddress, data.FileSize, data.MemorySize, data.Flags));
        Assert.Single(elf.Symbols.Symbols);
    }

    [Fact]
    public void ArmFunctionSymbolsDropTheThumbBit()
    {
        var elf = ElfFile.Parse(ElfBuilder.Sample(false));
        Assert.Equal("reset_handler", elf.Symbols.Lookup(0x100));
        Assert.Equal("reset_handler", elf.Symbols.Lookup(0x103));
        Assert.Null(elf.Symbols.Lookup(0x104));
        Assert.Null(elf.Symbols.Lookup(0x20000000)); // objects are not functions
    }

    [Fact]
    public void Aarch64SymbolsKeepBitZero() =>
        Assert.Null(ElfFile.Parse(ElfBuilder.Sample(true)).Symbols.Lookup(0x100));

    private static string Error(byte[] file) => Assert.Throws<ElfFormatException>(() => ElfFile.Parse(file)).Message;

    private static byte[] Patch(byte[] file, Action<byte[]> edit)
    {
        var copy = (byte[])file.Clone();
        edit(copy);
        return copy;
    }

    [Fact]
    public void BadMagic() =>
        Assert.Equal("not an ELF file: bad magic 7f 45 4c 47 (expected 7f 45 4c 46)", Error(Patch(ElfBuilder.Sample(false), f => f[3] = (byte)'G')));

    [Fact]
    public void TruncatedIdent() =>
        Assert.Equal("ELF file truncated: e_ident needs 16 bytes, the file has 5", Error(ElfBuilder.Sample(false)[..5]));

    [Fact]
    public void WrongClass() =>
        Assert.Equal("unsupported ELF class 3 (expected 1 for ELFCLASS32 or 2 for ELFCLASS64)", Error(Patch(ElfBuilder.Sample(false), f => f[4] = 3)));

    [Fact]
    public void BigEndianIsRejectedClearly() =>
        Assert.Equal("big-endian ELF files are not supported (EI_DATA is ELFDATA2MSB)", Error(Patch(ElfBuilder.Sample(false), f => f[5] = 2)));

    [Fact]
    public void WrongDataEncoding() =>
        Assert.Equal("invalid ELF data encoding 0 (expected 1 for ELFDATA2LSB)", Error(Patch(ElfBuilder.Sample(false), f => f[5] = 0)));

    [Fact]
    public void WrongIdentVersion() =>
        Assert.Equal("unsupported ELF ident version 2 (expected 1)", Error(Patch(ElfBuilder.Sample(false), f => f[6] = 2)));

    [Fact]
    public void TruncatedHeader() =>
        Assert.Equal("ELF header truncated: ELFCLASS64 needs 64 bytes, the file has 40", Error(ElfBuilder.Sample(true)[..40]));

    [Fact]
    public void WrongVersion() =>
        Assert.Equal("unsupported ELF version 0 (expected 1)", Error(Patch(ElfBuilder.Sample(false), f => f[20] = 0)));

    [Fact]
    public void WrongPhentsize() =>
        Assert.Equal("invalid program header entry size 33 (expected 32)", Error(Patch(ElfBuilder.Sample(false), f => f[42] = 33)));

    [Fact]
    public void PnXnum() =>
        Assert.Equal("extended program header numbering (e_phnum = PN_XNUM) is not supported",
            Error(Patch(ElfBuilder.Sample(false), f => BinaryPrimitives.WriteUInt16LittleEndian(f.AsSpan(44), 0xffff))));

    [Fact]
    public void ProgramHeadersBeyondFile() =>
        Assert.StartsWith("program header table (offset 0x34, 1000 entries of 32 bytes) extends beyond the end of the file",
            Error(Patch(ElfBuilder.Sample(false), f => BinaryPrimitives.WriteUInt16LittleEndian(f.AsSpan(44), 1000))));

    [Fact]
    public void HugePhoffDoesNotWrap() =>
        Assert.StartsWith("program header table (offset 0xffffffffffffffe0",
            Error(Patch(ElfBuilder.Sample(true), f => BinaryPrimitives.WriteUInt64LittleEndian(f.AsSpan(32), ulong.MaxValue - 31))));

    [Fact]
    public void SegmentDataBeyondFile()
    {
        var b = new ElfBuilder(false).Segment(0x100, [1, 2, 3, 4], 4);
        var f = b.Build();
        BinaryPrimitives.WriteUInt32LittleEndian(f.AsSpan(b.PhdrOffset(0) + 4), 0xfffffff0);
        Assert.Equal($"segment 0: file data (p_offset 0xfffffff0, p_filesz 0x4) extends beyond the end of the file (size 0x{f.Length:x})", Error(f));
    }

    [Fact]
    public void FileSizeAboveMemorySize()
    {
        var f = new ElfBuilder(false).Segment(0x100, [1, 2, 3, 4], 2).Build();
        Assert.Equal("segment 0: p_filesz 0x4 is larger than p_memsz 0x2", Error(f));
    }

    [Fact]
    public void Address32BitOverflow() =>
        Assert.Equal("segment 0: p_paddr 0xfffffff0 + p_memsz 0x20 overflows the 32-bit address space",
            Error(new ElfBuilder(false).Segment(0xfffffff0, [], 0x20).Build()));

    [Fact]
    public void SegmentEndingExactlyAtTopIsFine() =>
        Assert.Single(ElfFile.Parse(new ElfBuilder(false).Segment(0xfffffff0, [], 0x10).Build()).ProgramHeaders);

    [Fact]
    public void Address64BitOverflow() =>
        Assert.Equal("segment 0: p_paddr 0xffffffffffff0000 + p_memsz 0x20000 overflows the 64-bit address space",
            Error(new ElfBuilder(true).Segment(0xffffffffffff0000, [], 0x20000).Build()));

    [Fact]
    public void HostileMemsizeIsAnErrorNotAnAllocation() =>
        Assert.Equal("segment 0: p_memsz 0x8000000000000000 brings the loadable size above the limit of 0x7fffffff bytes",
            Error(new ElfBuilder(true).Segment(0, [1], 1UL << 63).Build()));

    [Fact]
    public void TotalMemsizeIsCappedAcrossSegments()
    {
        var f = new ElfBuilder(false).Segment(0, [], 0x60000000).Segment(0x80000000, [], 0x60000000).Build();
        Assert.StartsWith("segment 1: p_memsz 0x60000000 brings the loadable size above the limit", Error(f));
        Assert.Equal(2, ElfFile.Parse(f, maxLoadSize: 1UL << 32).ProgramHeaders.Count);
    }

    [Fact]
    public void NonLoadSegmentsAreNotChecked() =>
        Assert.Single(ElfFile.Parse(new ElfBuilder(false).Segment(0xfffffff0, [], 0x20, type: 4).Build()).ProgramHeaders);

    [Fact]
    public void BrokenSectionTableOnlyDropsSymbols()
    {
        var f = ElfBuilder.Sample(false);
        BinaryPrimitives.WriteUInt32LittleEndian(f.AsSpan(32), 0xfffffff0); // e_shoff
        Assert.Empty(ElfFile.Parse(f).Symbols.Symbols);
    }
}
