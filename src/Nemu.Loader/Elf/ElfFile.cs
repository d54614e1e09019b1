// Implements: the ELF header and program header table of the System V ABI (gABI "ELF Header",
// "Program Header") for 32- and 64-bit little-endian files, with every offset, count and size checked
// against the file before use, as a hostile-input parser. QEMU's include/hw/elf_ops.h reads the same fields.
// Not modelled: big-endian files (rejected), PN_XNUM extended numbering (rejected), relocations.
using System.Buffers.Binary;

namespace Nemu.Loader.Elf;

/// <summary>A parsed, validated ELF file (header, program headers and, when present, function symbols).</summary>
public sealed class ElfFile
{
    /// <summary>Default cap on the sum of PT_LOAD p_memsz: QEMU's INT_MAX check ("segments are too big").</summary>
    public const ulong DefaultMaxLoadSize = int.MaxValue;

    private ElfFile(bool is64, ushort type, ushort machine, ulong entry, uint flags, IReadOnlyList<ElfProgramHeader> headers, SymbolTable symbols)
    {
        Is64Bit = is64;
        Type = type;
        Machine = machine;
        Entry = entry;
        Flags = flags;
        ProgramHeaders = headers;
        Symbols = symbols;
    }

    /// <summary>ELFCLASS64 when true, ELFCLASS32 otherwise.</summary>
    public bool Is64Bit { get; }

    /// <summary>e_type (2 = ET_EXEC, 3 = ET_DYN).</summary>
    public ushort Type { get; }

    /// <summary>e_machine (see <see cref="ElfMachine"/>).</summary>
    public ushort Machine { get; }

    /// <summary>e_entry, zero-extended.</summary>
    public ulong Entry { get; }

    /// <summary>e_flags.</summary>
    public uint Flags { get; }

    /// <summary>All program headers in table order.</summary>
    public IReadOnlyList<ElfProgramHeader> ProgramHeaders { get; }

    /// <summary>Function symbols from SHT_SYMTAB (empty when absent or unreadable, as QEMU ignores them then).</summary>
    public SymbolTable Symbols { get; }

    /// <summary>Reads and parses <paramref name="path"/>; I/O errors propagate as IOException.</summary>
    public static ElfFile Load(string path, ulong maxLoadSize = DefaultMaxLoadSize) => Parse(File.ReadAllBytes(path), maxLoadSize);

    /// <summary>
    /// Parses <paramref name="file"/>. Throws <see cref="ElfFormatException"/> for anything malformed, including PT_LOAD
    /// segments whose p_memsz total exceeds <paramref name="maxLoadSize"/>. Allocates nothing proportional to p_memsz.
    /// </summary>
    public static ElfFile Parse(ReadOnlySpan<byte> file, ulong maxLoadSize = DefaultMaxLoadSize)
    {
        if (file.Length >= 4 && !(file[0] == 0x7f && file[1] == (byte)'E' && file[2] == (byte)'L' && file[3] == (byte)'F'))
        {
            throw new ElfFormatException($"not an ELF file: bad magic {file[0]:x2} {file[1]:x2} {file[2]:x2} {file[3]:x2} (expected 7f 45 4c 46)");
        }

        if (file.Length < 16)
        {
            throw new ElfFormatException($"ELF file truncated: e_ident needs 16 bytes, the file has {file.Length}");
        }

        var is64 = file[4] switch
        {
            1 => false,
            2 => true,
            _ => throw new ElfFormatException($"unsupported ELF class {file[4]} (expected 1 for ELFCLASS32 or 2 for ELFCLASS64)"),
        };
        if (file[5] == 2)
        {
            throw new ElfFormatException("big-endian ELF files are not supported (EI_DATA is ELFDATA2MSB)");
        }

        if (file[5] != 1)
        {
            throw new ElfFormatException($"invalid ELF data encoding {file[5]} (expected 1 for ELFDATA2LSB)");
        }

        if (file[6] != 1)
        {
            throw new ElfFormatException($"unsupported ELF ident version {file[6]} (expected 1)");
        }

        var headerSize = is64 ? 64 : 52;
        if (file.Length < headerSize)
        {
            throw new ElfFormatException($"ELF header truncated: ELFCLASS{(is64 ? 64 : 32)} needs {headerSize} bytes, the file has {file.Length}");
        }

        var type = U16(file, 16);
        var machine = U16(file, 18);
        var version = U32(file, 20);
        if (version != 1)
        {
            throw new ElfFormatException($"unsupported ELF version {version} (expected 1)");
        }

        var entry = is64 ? U64(file, 24) : U32(file, 24);
        var phoff = is64 ? U64(file, 32) : U32(file, 28);
        var shoff = is64 ? U64(file, 40) : U32(file, 32);
        var flags = U32(file, is64 ? 48 : 36);
        var phentsize = U16(file, is64 ? 54 : 42);
        var phnum = U16(file, is64 ? 56 : 44);
        var shentsize = U16(file, is64 ? 58 : 46);
        var shnum = U16(file, is64 ? 60 : 48);

        var headers = ParseProgramHeaders(file, is64, phoff, phentsize, phnum, maxLoadSize);
        var symbols = SymbolReader.TryRead(file, is64, shoff, shentsize, shnum, clearThumbBit: machine == ElfMachine.Arm);
        return new ElfFile(is64, type, machine, entry, flags, headers, symbols);
    }

    private static List<ElfProgramHeader> ParseProgramHeaders(ReadOnlySpan<byte> file, bool is64, ulong phoff, ushort phentsize, ushort phnum, ulong maxLoadSize)
    {
        var list = new List<ElfProgramHeader>();
        if (phnum == 0)
        {
            return list;
        }

        if (phnum == 0xffff)
        {
            throw new ElfFormatException("extended program header numbering (e_phnum = PN_XNUM) is not supported");
        }

        var expected = is64 ? 56 : 32;
        if (phentsize != expected)
        {
            throw new ElfFormatException($"invalid program header entry size {phentsize} (expected {expected})");
        }

        var tableSize = (ulong)phnum * phentsize;
        if (phoff > (ulong)file.Length || tableSize > (ulong)file.Length - phoff)
        {
            throw new ElfFormatException(
                $"program header table (offset 0x{phoff:x}, {phnum} entries of {phentsize} bytes) extends beyond the end of the file (size 0x{file.Length:x})");
        }

        ulong total = 0;
        for (var i = 0; i < phnum; i++)
        {
            var p = file.Slice((int)phoff + (i * phentsize), phentsize);
            var ph = is64
                ? new ElfProgramHeader(i, U32(p, 0), U32(p, 4), U64(p, 8), U64(p, 16), U64(p, 24), U64(p, 32), U64(p, 40), U64(p, 48))
                : new ElfProgramHeader(i, U32(p, 0), U32(p, 24), U32(p, 4), U32(p, 8), U32(p, 12), U32(p, 16), U32(p, 20), U32(p, 28));
            if (ph.IsLoad)
            {
                CheckLoadSegment(ph, file.Length, is64);
                if (ph.MemorySize > maxLoadSize - total)
                {
                    throw new ElfFormatException(
                        $"segment {i}: p_memsz 0x{ph.MemorySize:x} brings the loadable size above the limit of 0x{maxLoadSize:x} bytes");
                }

                total += ph.MemorySize;
            }

            list.Add(ph);
        }

        return list;
    }

    private static void CheckLoadSegment(ElfProgramHeader ph, int fileLength, bool is64)
    {
        var i = ph.Index;
        if (ph.FileSize > ph.MemorySize)
        {
            throw new ElfFormatException($"segment {i}: p_filesz 0x{ph.FileSize:x} is larger than p_memsz 0x{ph.MemorySize:x}");
        }

        if (ph.Offset > (ulong)fileLength || ph.FileSize > (ulong)fileLength - ph.Offset)
        {
            throw new ElfFormatException(
                $"segment {i}: file data (p_offset 0x{ph.Offset:x}, p_filesz 0x{ph.FileSize:x}) extends beyond the end of the file (size 0x{fileLength:x})");
        }

        var limit = is64 ? ulong.MaxValue : uint.MaxValue;
        if (ph.MemorySize != 0 && ph.MemorySize - 1 > limit - ph.PhysicalAddress)
        {
            throw new ElfFormatException(
                $"segment {i}: p_paddr 0x{ph.PhysicalAddress:x} + p_memsz 0x{ph.MemorySize:x} overflows the {(is64 ? 64 : 32)}-bit address space");
        }

        if (ph.MemorySize != 0 && ph.MemorySize - 1 > limit - ph.VirtualAddress)
        {
            throw new ElfFormatException(
                $"segment {i}: p_vaddr 0x{ph.VirtualAddress:x} + p_memsz 0x{ph.MemorySize:x} overflows the {(is64 ? 64 : 32)}-bit address space");
        }
    }

    internal static ushort U16(ReadOnlySpan<byte> b, int offset) => BinaryPrimitives.ReadUInt16LittleEndian(b[offset..]);

    internal static uint U32(ReadOnlySpan<byte> b, int offset) => BinaryPrimitives.ReadUInt32LittleEndian(b[offset..]);

    internal static ulong U64(ReadOnlySpan<byte> b, int offset) => BinaryPrimitives.ReadUInt64LittleEndian(b[offset..]);
}
