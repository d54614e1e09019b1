// CPU models of QEMU's target/arm/tcg/cpu-v7m.c (mprofile.md §7): identification registers and features.
using Nemu.Arm.Decoding;

namespace Nemu.Arm.Cpu;

/// <summary>
/// One M-profile CPU type (<c>-cpu cortex-m3</c>): its architecture features and the values of CPUID and the
/// ID_* registers (ID_PFR0, ID_PFR1, ID_DFR0, ID_AFR0, ID_MMFR0-3, ID_ISAR0-5, in that order), MVFR0-2 and the number of SAU regions.
/// </summary>
public sealed record ArmCpuModel(
    string Name,
    ArchFeatures Features,
    uint Cpuid,
    IReadOnlyList<uint> IdRegisters,
    int DefaultPriorityBits,
    int MpuRegions,
    bool Implemented = true,
    IReadOnlyList<uint>? MediaFeatures = null,
    int SauRegions = 0)
{
    private static readonly uint[] NoFpu = [0, 0, 0];

    /// <summary>MVFR0, MVFR1, MVFR2 (all zero without an FPU).</summary>
    public IReadOnlyList<uint> Mvfr => MediaFeatures ?? NoFpu;

    /// <summary>True for ARMv6-M (no Main Extension).</summary>
    public bool IsV6M => (Features & ArchFeatures.V7M) == 0;

    /// <summary>True for ARMv8-M (Main Extension) cores.</summary>
    public bool IsV8 => (Features & ArchFeatures.V8M) != 0;

    /// <summary>True when the core has the ARMv8-M Security Extension.</summary>
    public bool HasSecurityExtension => (Features & ArchFeatures.SecExt) != 0;
}
