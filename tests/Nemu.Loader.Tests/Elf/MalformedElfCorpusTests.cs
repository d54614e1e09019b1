using System.Buffers.Binary;
using Nemu.Loader.Elf;
using Nemu.Loader.Rom;

namespace Nemu.Loader.Tests.Elf;

/// <summary>
/// Thousands of seeded malformed ELF files: parsing and loading either succeed or throw
/// <see cref="ElfFormatException"/> with a message; nothing else escapes and nothing huge is allocated.
/// </summary>
public sealed class MalformedElfCorpusTests
{
    private static void ParseOrFormatError(byte[] file, string what)
    {
        try
        {
            var elf = ElfFile.Parse(file);
            var roms = new RomSet();
            var result = ElfLoader.Load("corpus.elf", file, roms);
            Assert.All(result.Blobs, b => Assert.True(b.Data.Length <= file.Length));
            Assert.NotNull(elf.Symbols.Lookup(0x100) ?? "");
        }
        catch (ElfFormatException ex)
        {
            Assert.False(string.IsNullOrWhiteSpace(ex.Message), what);
            Assert.DoesNotContain('\n', ex.Message);
        }
        catch (Exception ex)
        {
            Assert.Fail($"{what}: {ex.GetType().Name}: {ex.Message}");
        }
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void TruncationAtEveryLength(bool is64)
    {
        var file = ElfBuilder.Sample(is64);
        for (var len = 0; len < file.Length; len++)
        {
            ParseOrFormatError(file[..len], $"truncated to {len}");
        }
    }

    [Theory]
    [InlineData(false, 1)]
    [InlineData(true, 2)]
    public void RandomByteFlipsInHeadersAndTables(bool is64, int seed)
    {
        var rng = new Random(seed);
        var file = ElfBuilder.Sample(is64);
        for (var n = 0; n < 2500; n++)
        {
            var copy = (byte[])file.Clone();
            var flips = rng.Next(1, 5);
            for (var i = 0; i < flips; i++)
            {
                // Mostly the ELF header and program headers, sometimes anywhere (symbols, sections).
                var at = rng.Next(3) == 0 ? rng.Next(copy.Length) : rng.Next(Math.Min(copy.Length, is64 ? 64 + (56 * 3) : 52 + (32 * 3)));
                copy[at] = (byte)rng.Next(256);
            }

            ParseOrFormatError(copy, $"flip #{n}");
        }
    }

    [Theory]
    [InlineData(false, 3)]
    [InlineData(true, 4)]
    public void HugeCountsOffsetsAndSizes(bool is64, int seed)
    {
        var rng = new Random(seed);
        var file = ElfBuilder.Sample(is64);
        ulong[] nasty = [0, 1, 0x7fffffff, 0x80000000, 0xffffffff, 0x100000000, 1UL << 63, ulong.MaxValue, ulong.MaxValue - 1, (ulong)file.Length, (ulong)file.Length - 1];
        var ph = is64 ? 64 : 52;
        var pe = is64 ? 56 : 32;
        int[] fields64 = [24, 32, 40, 54, 56, 58, 60, ph + 8, ph + 16, ph + 24, ph + 32, ph + 40, ph + pe + 32, ph + pe + 40];
        int[] fields32 = [24, 28, 32, 42, 44, 46, 48, ph + 4, ph + 8, ph + 12, ph + 16, ph + 20, ph + pe + 16, ph + pe + 20];
        var fields = is64 ? fields64 : fields32;
        for (var n = 0; n < 1500; n++)
        {
            var copy = (byte[])file.Clone();
            var edits = rng.Next(1, 4);
            for (var i = 0; i < edits; i++)
            {
                var at = fields[rng.Next(fields.Length)];
                var value = nasty[rng.Next(nasty.Length)];
                var width = at is >= 42 and <= 50 && !is64 || at is >= 54 and <= 60 && is64 ? 2 : is64 ? 8 : 4;
                if (width == 2)
                {
                    BinaryPrimitives.WriteUInt16LittleEndian(copy.AsSpan(at), (ushort)value);
                }
                else if (width == 4)
                {
                    BinaryPrimitives.WriteUInt32LittleEndian(copy.AsSpan(at), (uint)value);
                }
                else
                {
                    BinaryPrimitives.WriteUInt64LittleEndian(copy.AsSpan(at), value);
                }
            }

            ParseOrFormatError(copy, $"field edit #{n}");
        }
    }
}
