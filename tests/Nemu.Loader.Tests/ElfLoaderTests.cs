using Nemu.Core;
using Nemu.Loader.Elf;
using Nemu.Loader.Rom;
using Nemu.Loader.Tests.Elf;
using Nemu.Loader.Tests.Rom;

namespace Nemu.Loader.Tests;

public sealed class ElfLoaderTests
{
    [Fact]
    public void SegmentsBecomeNamedBlobsAtPhysicalAddresses()
    {
        var roms = new RomSet();
        var r = ElfLoader.Load("fw/loop.elf", ElfBuilder.Sample(false), roms, ElfMachine.Arm);
        Assert.Equal(
            ["fw/loop.elf ELF program header segment 0", "fw/loop.elf ELF program header segment 1", "fw/loop.elf ELF program header segment 2"],
            roms.Blobs.Select(b => b.Name));
        Assert.Equal((0UL, 0x20000044UL, 8UL + 4 + 0x44), (r.LowAddress, r.HighAddress, r.TotalSize));
        Assert.Equal(0x101UL, r.Entry);
        var mem = new RecordingRomWriter();
        roms.WriteAll(mem);
        Assert.Equal(0x12, mem.Bytes[0x20000003]);
        Assert.Equal(0, mem.Bytes[0x20000043]);
    }

    [Fact]
    public void SegmentIndexCountsNonLoadHeadersAndEmptySegmentsAreSkipped()
    {
        var f = new ElfBuilder(false).Segment(0, [1], 1, type: 4).Segment(0x10, [], 0).Segment(0x20, [2], 1).Build();
        var roms = new RomSet();
        ElfLoader.Load("x.elf", f, roms);
        Assert.Equal("x.elf ELF program header segment 2", Assert.Single(roms.Blobs).Name);
    }

    [Fact]
    public void EntryFollowsAnExecutableSegmentLinkedElsewhere()
    {
        var f = new ElfBuilder(false, entry: 0x08000101).Segment(0x100, [0, 0, 0, 0], 4, flags: 5, vaddr: 0x08000100).Build();
        Assert.Equal(0x101UL, ElfLoader.Load("x", f, new RomSet()).Entry);
    }

    [Fact]
    public void WrongMachineIsRefusedWhenOneIsExpected()
    {
        var ex = Assert.Throws<ElfFormatException>(() => ElfLoader.Load("x", ElfBuilder.Sample(true), new RomSet(), ElfMachine.Arm));
        Assert.Equal("The image is from incompatible architecture (e_machine 183, expected 40)", ex.Message);
        Assert.Equal(3, ElfLoader.Load("x", ElfBuilder.Sample(true), new RomSet()).Blobs.Count);
    }

    [Fact]
    public void MalformedFileAddsNoBlobs()
    {
        var roms = new RomSet();
        var f = new ElfBuilder(false).Segment(0, [1], 1).Segment(0x10, [1, 2], 1).Build();
        Assert.Throws<ElfFormatException>(() => ElfLoader.Load("x", f, roms));
        Assert.Empty(roms.Blobs);
    }

    [Fact]
    public void KernelFallsBackToRawAtMemBase()
    {
        var roms = new RomSet();
        var r = KernelLoader.LoadArmv7m("raw.bin", new byte[100], roms, new GuestAddress(0), 16 << 20);
        Assert.Null(r.Elf);
        Assert.Equal("not an ELF file: bad magic 00 00 00 00 (expected 7f 45 4c 46)", r.ElfError);
        Assert.Equal("addr=0000000000000000 size=0x000064 mem=ram name=\"raw.bin\"\n", roms.InfoRoms(new RecordingRomWriter()));
    }

    [Fact]
    public void KernelAarch64ElfIsLoadedRawLikeQemu()
    {
        var roms = new RomSet();
        var image = ElfBuilder.Sample(true);
        var r = KernelLoader.LoadArmv7m("a64.elf", image, roms, new GuestAddress(0), 16 << 20);
        Assert.Equal((ulong)image.Length, Assert.Single(roms.Blobs).Size);
        Assert.NotNull(r.RawBlob);
    }

    [Fact]
    public void KernelTooBigForRam()
    {
        var ex = Assert.Throws<LoaderException>(() => KernelLoader.LoadArmv7m("big.bin", new byte[5 << 20], new RomSet(), new GuestAddress(0), 4 << 20));
        Assert.Equal("Could not load kernel 'big.bin'", ex.Message);
    }

    [Fact]
    public void MissingKernelFile()
    {
        var path = Path.Combine(Path.GetTempPath(), "nemu-no-such-" + Guid.NewGuid().ToString("N"));
        var ex = Assert.Throws<LoaderException>(() => KernelLoader.LoadArmv7m(path, new RomSet(), new GuestAddress(0), 1 << 20));
        Assert.Equal($"Could not load kernel '{path}'", ex.Message);
        Assert.Equal($"{path}: No such file or directory", ex.Detail);
    }

    [Fact]
    public void RealArmGccElfMatchesQemuInfoRoms()
    {
        const string gcc = "/usr/bin/arm-none-eabi-gcc";
        if (!File.Exists(gcc))
        {
            return; // optional: needs the Arm toolchain
        }

        var dir = Directory.CreateTempSubdirectory("nemu-loader-");
        try
        {
            var elfPath = Path.Combine(dir.FullName, "t.elf");
            var psi = new System.Diagnostics.ProcessStartInfo(gcc,
                ["-mcpu=cortex-m3", "-nostdlib", "-Wl,-Ttext=0x100", "-Wl,--section-start=.vectors=0", "-Wl,-Tdata=0x20000000",
                    TestData.PathOf("loop.s"), "-o", elfPath])
            { RedirectStandardError = true };
            using (var p = System.Diagnostics.Process.Start(psi)!)
            {
                p.StandardError.ReadToEnd();
                p.WaitForExit();
                Assert.Equal(0, p.ExitCode);
            }

            var image = File.ReadAllBytes(elfPath);
            var roms = new RomSet();
            var r = KernelLoader.LoadArmv7m("t.elf", image, roms, new GuestAddress(0), 16 << 20);
            RawImageLoader.TryLoad("t.elf", image, new GuestAddress(0x21000000), 16 << 20, roms, out _);
            Assert.Equal("reset", r.Elf!.File.Symbols.Lookup(0x100));
            var recorded = File.ReadAllText(TestData.PathOf("qemu-info-roms.txt"));
            var ours = roms.InfoRoms(new RecordingRomWriter());
            if (image.Length == 0x2418)
            {
                Assert.Equal(recorded, ours);
            }
            else
            {
                // A different toolchain version changes the raw file size; the ELF lines must still match.
                Assert.Equal(recorded.Split('\n')[..3], ours.Split('\n')[..3]);
            }
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }
}
