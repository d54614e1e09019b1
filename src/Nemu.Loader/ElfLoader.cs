// Implements: QEMU include/hw/elf_ops.h load_elf (7.2) with load_rom: each PT_LOAD segment with p_memsz != 0
// becomes a blob "NAME ELF program header segment I" (I = program header index) at p_paddr, holding p_filesz
// bytes and zero-filled to p_memsz; e_machine must match unless ElfMachine.Any is asked for.
// Deviation: the file is validated completely before any blob is added (QEMU may add some blobs, then fail).
// Not modelled: translate_fn/address_offset, data swabbing, ELF32 sign extension of entry/low/high.
using Nemu.Core;
using Nemu.Loader.Elf;
using Nemu.Loader.Rom;

namespace Nemu.Loader;

/// <summary>Loads ELF images into a <see cref="RomSet"/>.</summary>
public static class ElfLoader
{
    /// <summary>
    /// Parses <paramref name="image"/> and adds its segments to <paramref name="roms"/>. Throws
    /// <see cref="ElfFormatException"/> for malformed files and for a machine other than <paramref name="expectedMachine"/>.
    /// </summary>
    /// <param name="name">The name used in blob names: the path as the user gave it.</param>
    public static ElfLoadResult Load(string name, ReadOnlyMemory<byte> image, RomSet roms, ushort expectedMachine = ElfMachine.Any,
        ulong maxLoadSize = ElfFile.DefaultMaxLoadSize)
    {
        ArgumentNullException.ThrowIfNull(roms);
        var elf = ElfFile.Parse(image.Span, maxLoadSize);
        if (expectedMachine != ElfMachine.Any && elf.Machine != expectedMachine)
        {
            throw new ElfFormatException($"The image is from incompatible architecture (e_machine {elf.Machine}, expected {expectedMachine})");
        }

        var entry = elf.Entry;
        ulong low = ulong.MaxValue, high = 0, total = 0;
        var blobs = new List<RomBlob>();
        foreach (var ph in elf.ProgramHeaders)
        {
            if (!ph.IsLoad || ph.MemorySize == 0)
            {
                continue;
            }

            // e_entry is virtual; follow an executable segment that is linked elsewhere than it loads.
            if (ph.VirtualAddress != ph.PhysicalAddress && (ph.Flags & ElfProgramHeader.PfX) != 0
                && elf.Entry >= ph.VirtualAddress && elf.Entry - ph.VirtualAddress < ph.FileSize)
            {
                entry = elf.Entry - ph.VirtualAddress + ph.PhysicalAddress;
            }

            var data = image.Slice((int)ph.Offset, (int)ph.FileSize);
            var blob = new RomBlob($"{name} ELF program header segment {ph.Index}", new GuestAddress(ph.PhysicalAddress), data, ph.MemorySize, name);
            blobs.Add(blob);
            total += ph.MemorySize;
            low = Math.Min(low, ph.PhysicalAddress);
            high = Math.Max(high, blob.End);
        }

        foreach (var blob in blobs)
        {
            roms.Add(blob);
        }

        return new ElfLoadResult(entry, low, high, total, blobs, elf);
    }
}
