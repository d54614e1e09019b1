using System.Buffers.Binary;

namespace Nemu.Cli.Tests;

/// <summary>
/// Malformed ELF images given to <c>-device loader,file=</c> through the whole start-up sequence: each is
/// loaded (like QEMU, a file that is not a valid ELF is loaded raw) or refused with a clear error naming the
/// option; nothing throws, whatever sizes and addresses the headers claim.
/// </summary>
public sealed class MalformedElfCliTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("nemu-elf-").FullName;

    [Theory]
    [InlineData(11)]
    [InlineData(12)]
    public void MalformedElfImagesGiveCleanErrors(int seed)
    {
        var random = new Random(seed);
        var valid = ValidElf32();
        var path = Path.Combine(_dir, $"bad{seed}.elf");
        for (var n = 0; n < 1000; n++)
        {
            var image = Mutate(valid, random);
            File.WriteAllBytes(path, image);
            var result = InProcessVl.Run(["-M", "none", "-m", "64K", "-device", $"loader,file={path}"]);
            if (result.ExitCode != 0)
            {
                Assert.True(
                    result.Error.StartsWith($"nemu-system-arm: -device loader,file={path}: ", StringComparison.Ordinal) || result.Error.StartsWith(path, StringComparison.Ordinal),
                    $"seed {seed} case {n}: unclear error '{result.Error}'");
            }
        }
    }

    [Fact]
    public void ValidElfLoadsItsSegments()
    {
        var path = Path.Combine(_dir, "good.elf");
        File.WriteAllBytes(path, ValidElf32());
        var result = InProcessVl.Run(["-M", "none", "-m", "64K", "-device", $"loader,file={path}"]);
        Assert.True(result.ExitCode == 0, result.Error);
    }

    /// <summary>A little-endian ELF32 for EM_ARM with two PT_LOAD segments at 0x100 and 0x800 (the second has bss).</summary>
    internal static byte[] ValidElf32()
    {
        var image = new byte[0x200];
        var s = image.AsSpan();
        "\u007fELF"u8.CopyTo(s);
        s[4] = 1; // ELFCLASS32
        s[5] = 1; // little-endian
        s[6] = 1; // EV_CURRENT
        BinaryPrimitives.WriteUInt16LittleEndian(s[16..], 2); // ET_EXEC
        BinaryPrimitives.WriteUInt16LittleEndian(s[18..], 40); // EM_ARM
        BinaryPrimitives.WriteUInt32LittleEndian(s[20..], 1);
        BinaryPrimitives.WriteUInt32LittleEndian(s[24..], 0x101); // entry
        BinaryPrimitives.WriteUInt32LittleEndian(s[28..], 52); // phoff
        BinaryPrimitives.WriteUInt16LittleEndian(s[40..], 52); // ehsize
        BinaryPrimitives.WriteUInt16LittleEndian(s[42..], 32); // phentsize
        BinaryPrimitives.WriteUInt16LittleEndian(s[44..], 2); // phnum
        BinaryPrimitives.WriteUInt16LittleEndian(s[46..], 40); // shentsize
        WriteLoad(s[52..], offset: 0x100, address: 0x100, fileSize: 0x40, memSize: 0x40);
        WriteLoad(s[84..], offset: 0x140, address: 0x800, fileSize: 0x20, memSize: 0x100);
        for (var i = 0x100; i < 0x160; i++)
        {
            image[i] = (byte)i;
        }

        return image;
    }

    private static void WriteLoad(Span<byte> ph, uint offset, uint address, uint fileSize, uint memSize)
    {
        BinaryPrimitives.WriteUInt32LittleEndian(ph, 1); // PT_LOAD
        BinaryPrimitives.WriteUInt32LittleEndian(ph[4..], offset);
        BinaryPrimitives.WriteUInt32LittleEndian(ph[8..], address);
        BinaryPrimitives.WriteUInt32LittleEndian(ph[12..], address);
        BinaryPrimitives.WriteUInt32LittleEndian(ph[16..], fileSize);
        BinaryPrimitives.WriteUInt32LittleEndian(ph[20..], memSize);
        BinaryPrimitives.WriteUInt32LittleEndian(ph[24..], 5);
        BinaryPrimitives.WriteUInt32LittleEndian(ph[28..], 4);
    }

    private static byte[] Mutate(byte[] valid, Random random)
    {
        var image = (byte[])valid.Clone();
        switch (random.Next(4))
        {
            case 0:
                return image[..random.Next(image.Length)];
            case 1:
                for (var i = random.Next(1, 6); i > 0; i--)
                {
                    image[random.Next(116)] = (byte)random.Next(256);
                }

                return image;
            case 2:
                var field = random.Next(52, 116) & ~3;
                BinaryPrimitives.WriteUInt32LittleEndian(image.AsSpan(field), random.Next(3) switch { 0 => uint.MaxValue, 1 => 0x8000_0000u, _ => (uint)random.Next() });
                return image;
            default:
                BinaryPrimitives.WriteUInt16LittleEndian(image.AsSpan(random.Next(16, 50) & ~1), (ushort)random.Next(65536));
                return image;
        }
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);
}
