// Implements: e_machine values from the System V ABI / ELF for the Arm Architecture (IHI 0044).
namespace Nemu.Loader.Elf;

/// <summary>Well-known <c>e_machine</c> values.</summary>
public static class ElfMachine
{
    /// <summary>0: any machine (QEMU's generic loader passes 0 so every architecture is accepted).</summary>
    public const ushort Any = 0;

    public const ushort I386 = 3;

    public const ushort Arm = 40;

    public const ushort X86_64 = 62;

    public const ushort AArch64 = 183;

    public const ushort RiscV = 243;
}
