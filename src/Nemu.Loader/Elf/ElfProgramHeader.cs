// Implements: Elf32_Phdr / Elf64_Phdr (System V ABI, "Program Header"), widened to 64 bits.
namespace Nemu.Loader.Elf;

/// <summary>One program header; <see cref="Index"/> is its position in the table (QEMU names segments by it).</summary>
public sealed record ElfProgramHeader(
    int Index,
    uint Type,
    uint Flags,
    ulong Offset,
    ulong VirtualAddress,
    ulong PhysicalAddress,
    ulong FileSize,
    ulong MemorySize,
    ulong Align)
{
    /// <summary>PT_LOAD.</summary>
    public const uint PtLoad = 1;

    /// <summary>PF_X: executable segment.</summary>
    public const uint PfX = 1;

    /// <summary>PF_W.</summary>
    public const uint PfW = 2;

    /// <summary>PF_R.</summary>
    public const uint PfR = 4;

    /// <summary>True for PT_LOAD.</summary>
    public bool IsLoad => Type == PtLoad;
}
