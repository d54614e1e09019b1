// An M-profile architecture variant of the differential firmware: compiler CPU, the QEMU board and CPU that
// run it (mprofile.md §6.3, §7), and what its instruction set offers. QEMU 7.2 has no ARMv6-M MPS2 board
// (MPS2 boards accept only their own CPU), so ARMv6-M runs on microbit (nRF51, Cortex-M0). m7 (Cortex-M7 on
// mps2-an500) adds double precision and the FPv5 instructions.
namespace Nemu.Boards.Tests.Differential;

/// <summary>One architecture variant of the differential test firmware (name as used by tests/firmware/build.sh).</summary>
public sealed record Variant(string Name, string Architecture, string Board, string Cpu, bool IsV7, bool HasDsp, bool HasFp, uint ApsrMask, bool HasFpV5 = false)
{
    /// <summary>ARMv6-M: Cortex-M0 on microbit.</summary>
    public static readonly Variant M0 = new("m0", "v6-M", "microbit", "cortex-m0", IsV7: false, HasDsp: false, HasFp: false, ApsrMask: 0xF000_0000);

    /// <summary>ARMv7-M: Cortex-M3 on mps2-an385.</summary>
    public static readonly Variant M3 = new("m3", "v7-M", "mps2-an385", "cortex-m3", IsV7: true, HasDsp: false, HasFp: false, ApsrMask: 0xF800_0000);

    /// <summary>ARMv7E-M with FPv4-SP: Cortex-M4 on mps2-an386.</summary>
    public static readonly Variant M4 = new("m4", "v7E-M+FP", "mps2-an386", "cortex-m4", IsV7: true, HasDsp: true, HasFp: true, ApsrMask: 0xF80F_0000);

    /// <summary>ARMv7E-M with FPv5-D16 (double precision, VSEL/VMAXNM/VRINT/VCVTA...): Cortex-M7 on mps2-an500.</summary>
    public static readonly Variant M7 = new("m7", "v7E-M+FPv5-D16", "mps2-an500", "cortex-m7", IsV7: true, HasDsp: true, HasFp: true, ApsrMask: 0xF80F_0000, HasFpV5: true);

    /// <summary>Every variant; the position is part of each variant's seeds (CaseGenerator), so new ones go last.</summary>
    public static IReadOnlyList<Variant> All { get; } = [M0, M3, M4, M7];

    public static Variant ByName(string name) =>
        All.FirstOrDefault(v => v.Name == name) ?? throw new ArgumentException($"unknown variant '{name}' (expected m0, m3, m4 or m7)", nameof(name));

    public override string ToString() => Architecture;
}
