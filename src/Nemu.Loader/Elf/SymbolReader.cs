// Implements: reading STT_FUNC symbols from the SHT_SYMTAB section and its sh_link string table (gABI
// "Section Header", "Symbol Table"). Like QEMU's load_symbols, any inconsistency yields no symbols rather
// than a load failure: symbols only decorate logs.
using System.Text;

namespace Nemu.Loader.Elf;

/// <summary>Best-effort symbol extraction with bounds checks on every table.</summary>
internal static class SymbolReader
{
    private const uint ShtSymtab = 2;
    private const int SttFunc = 2;
    private const int MaxNameLength = 4096;

    public static SymbolTable TryRead(ReadOnlySpan<byte> file, bool is64, ulong shoff, ushort shentsize, ushort shnum, bool clearThumbBit)
    {
        var entSize = is64 ? 64 : 40;
        if (shoff == 0 || shnum == 0 || shentsize != entSize || shoff > (ulong)file.Length
            || (ulong)shnum * (ulong)entSize > (ulong)file.Length - shoff)
        {
            return SymbolTable.Empty;
        }

        for (var i = 0; i < shnum; i++)
        {
            var sh = file.Slice((int)shoff + (i * entSize), entSize);
            if (ElfFile.U32(sh, 4) != ShtSymtab)
            {
                continue;
            }

            var (offset, size, link) = Section(sh, is64);
            if (link >= shnum || !InFile(file, offset, size))
            {
                return SymbolTable.Empty;
            }

            var (strOffset, strSize, _) = Section(file.Slice((int)shoff + ((int)link * entSize), entSize), is64);
            if (!InFile(file, strOffset, strSize))
            {
                return SymbolTable.Empty;
            }

            var strtab = file.Slice((int)strOffset, (int)strSize);
            return new SymbolTable(ReadSymbols(file.Slice((int)offset, (int)size), strtab, is64, clearThumbBit));
        }

        return SymbolTable.Empty;
    }

    private static List<ElfSymbol> ReadSymbols(ReadOnlySpan<byte> table, ReadOnlySpan<byte> strtab, bool is64, bool clearThumbBit)
    {
        var symSize = is64 ? 24 : 16;
        var list = new List<ElfSymbol>();
        for (var at = 0; at + symSize <= table.Length; at += symSize)
        {
            var s = table.Slice(at, symSize);
            var info = is64 ? s[4] : s[12];
            // Function symbols defined in a real section only (not SHN_UNDEF, not SHN_LORESERVE and above).
            var section = ElfFile.U16(s, is64 ? 6 : 14);
            if ((info & 0xf) != SttFunc || section == 0 || section >= 0xff00)
            {
                continue;
            }

            var nameOffset = ElfFile.U32(s, 0);
            var value = is64 ? ElfFile.U64(s, 8) : ElfFile.U32(s, 4);
            var size = is64 ? ElfFile.U64(s, 16) : ElfFile.U32(s, 8);
            if (nameOffset >= (uint)strtab.Length)
            {
                continue;
            }

            var rest = strtab[(int)nameOffset..];
            var end = rest.IndexOf((byte)0);
            var name = Encoding.UTF8.GetString(rest[..(end < 0 ? Math.Min(rest.Length, MaxNameLength) : Math.Min(end, MaxNameLength))]);
            list.Add(new ElfSymbol(name, clearThumbBit ? value & ~1UL : value, size));
        }

        return list;
    }

    private static (ulong Offset, ulong Size, uint Link) Section(ReadOnlySpan<byte> sh, bool is64) => is64
        ? (ElfFile.U64(sh, 24), ElfFile.U64(sh, 32), ElfFile.U32(sh, 40))
        : (ElfFile.U32(sh, 16), ElfFile.U32(sh, 20), ElfFile.U32(sh, 24));

    private static bool InFile(ReadOnlySpan<byte> file, ulong offset, ulong size) =>
        offset <= (ulong)file.Length && size <= (ulong)file.Length - offset;
}
