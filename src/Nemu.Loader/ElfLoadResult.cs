using Nemu.Loader.Elf;
using Nemu.Loader.Rom;

namespace Nemu.Loader;

/// <summary>What <see cref="ElfLoader"/> loaded (QEMU load_elf's out parameters and return value).</summary>
/// <param name="Entry">e_entry, moved to the physical address when an executable segment has p_vaddr != p_paddr.</param>
/// <param name="LowAddress">Lowest loaded physical address (ulong.MaxValue when nothing was loaded).</param>
/// <param name="HighAddress">One past the highest loaded physical address (0 when nothing was loaded).</param>
/// <param name="TotalSize">Sum of p_memsz of the loaded segments (QEMU's return value).</param>
/// <param name="Blobs">The blobs added to the <see cref="RomSet"/>.</param>
/// <param name="File">The parsed file (symbols for -d in_asm).</param>
public sealed record ElfLoadResult(ulong Entry, ulong LowAddress, ulong HighAddress, ulong TotalSize, IReadOnlyList<RomBlob> Blobs, ElfFile File);
