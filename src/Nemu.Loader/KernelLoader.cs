// Implements: management.md §1.2 (-kernel on M-profile); QEMU hw/arm/armv7m.c armv7m_load_kernel: try ELF
// (EM_ARM), else raw at mem_base up to mem_size, else "Could not load kernel '%s'". The ELF entry is not used:
// the CPU reset reads SP and PC from the vector table.
using Nemu.Core;
using Nemu.Loader.Elf;
using Nemu.Loader.Rom;

namespace Nemu.Loader;

/// <summary>The M-profile <c>-kernel</c> loader.</summary>
public static class KernelLoader
{
    /// <summary>How the kernel was loaded.</summary>
    /// <param name="Elf">The ELF result, or null when loaded raw.</param>
    /// <param name="ElfError">Why the ELF attempt failed when loaded raw (for -d / diagnostics), else null.</param>
    public sealed record Result(ElfLoadResult? Elf, string? ElfError, RomBlob? RawBlob);

    /// <summary>Loads <paramref name="path"/>; throws <see cref="LoaderException"/> with QEMU's message.</summary>
    public static Result LoadArmv7m(string path, RomSet roms, GuestAddress memBase, ulong memSize)
    {
        var message = $"Could not load kernel '{path}'";
        var image = ImageFile.Read(path, Math.Max(memSize, ElfFile.DefaultMaxLoadSize), message)
            ?? throw new LoaderException(message);
        return LoadArmv7m(path, image, roms, memBase, memSize);
    }

    /// <summary>Loads an image already in memory (named <paramref name="path"/>).</summary>
    public static Result LoadArmv7m(string path, byte[] image, RomSet roms, GuestAddress memBase, ulong memSize)
    {
        try
        {
            return new Result(ElfLoader.Load(path, image, roms, ElfMachine.Arm), null, null);
        }
        catch (ElfFormatException ex)
        {
            if (!RawImageLoader.TryLoad(path, image, memBase, memSize, roms, out var blob))
            {
                throw new LoaderException($"Could not load kernel '{path}'");
            }

            return new Result(null, ex.Message, blob);
        }
    }
}
