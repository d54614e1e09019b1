// The FP extension's CPU state (Armv7-M ARM B1.4.? FP registers and A2.5: S0-S31 with D0-D15 aliasing pairs,
// FPSCR; B3.2.20 CPACR; B3.2.21-B3.2.23 FPCCR, FPCAR, FPDSCR; mprofile.md §3.6, §7) and the checks every FP
// instruction makes first: CPACR.CP10 access (else UsageFault NOCP) and, when FPCCR.ASPEN is set and CONTROL.FPCA
// clear, the start of a new FP context (FPSCR := FPDSCR, CONTROL.FPCA := 1), as QEMU's gen_update_fp_context.
// Extended exception frames and lazy state preservation are in ArmCpu.FpContext.cs.
using Nemu.Arm.Decoding;
using Nemu.Arm.Fp;

namespace Nemu.Arm.Cpu;

public sealed partial class ArmCpu
{
    /// <summary>FPCCR.ASPEN | FPCCR.LSPEN: the reset value of FPCCR on an FP core (QEMU, non-secure core).</summary>
    public const uint FpccrReset = 0xC000_0000;

    /// <summary>
    /// FPCCR bits a write can change on a core without the Security Extension: LSPACT, USER, THREAD, HFRDY, MMRDY, BFRDY,
    /// MONRDY, LSPEN, ASPEN (qemu-system-arm 7.2 reads 0xC000017B back after writing 0xFFFFFFFF; bit 7 is SFRDY).
    /// </summary>
    public const uint FpccrWritable = 0xC000_017B;

    /// <summary>FPCCR fields (Armv7-M ARM B3.2.21; QEMU's V7M_FPCCR, where UFRDY is an ARMv8-M bit QEMU also sets on v7-M).</summary>
    public const uint FpccrLspact = 1u << 0, FpccrUser = 1u << 1, FpccrThread = 1u << 3, FpccrHfRdy = 1u << 4, FpccrMmRdy = 1u << 5,
        FpccrBfRdy = 1u << 6, FpccrMonRdy = 1u << 8, FpccrUfRdy = 1u << 10, FpccrLspen = 1u << 30, FpccrAspen = 1u << 31;

    /// <summary>The extension registers S0-S31 (D[n] = S[2n+1]:S[2n]).</summary>
    internal readonly uint[] ExtRegs = new uint[32];

    internal uint Fpscr;
    internal uint Cpacr;
    internal uint Fpccr;
    internal uint Fpcar;
    internal uint Fpdscr;

    /// <summary>CONTROL.FPCA: FP context active.</summary>
    public bool ControlFpca { get; internal set; }

    /// <summary>True when the core implements the FP extension.</summary>
    public bool HasFp => (Features & ArchFeatures.Fp) != 0;

    public uint GetSingle(int n) => ExtRegs[n];

    public void SetSingle(int n, uint value) => ExtRegs[n] = value;

    public ulong GetDouble(int n) => ExtRegs[2 * n] | ((ulong)ExtRegs[(2 * n) + 1] << 32);

    public void SetDouble(int n, ulong value)
    {
        ExtRegs[2 * n] = (uint)value;
        ExtRegs[(2 * n) + 1] = (uint)(value >> 32);
    }

    /// <summary>FPSCR as VMRS reads it.</summary>
    public uint FpscrValue
    {
        get => Fpscr;
        set => Fpscr = value & FpscrFlags.WritableMask;
    }

    /// <summary>CPACR as the SCS register reads it: only CP10/CP11 exist, RAZ/WI without an FPU.</summary>
    public uint CpacrValue
    {
        get => Cpacr;
        internal set => Cpacr = HasFp ? value & 0x00F0_0000 : 0;
    }

    /// <summary>FPCCR (RAZ/WI without an FPU).</summary>
    public uint FpccrValue
    {
        get => Fpccr;
        internal set => Fpccr = HasFp ? value & FpccrWritable : 0;
    }

    /// <summary>FPCAR: an 8-byte aligned address (RAZ/WI without an FPU).</summary>
    public uint FpcarValue
    {
        get => Fpcar;
        internal set => Fpcar = HasFp ? value & ~7u : 0;
    }

    /// <summary>FPDSCR: the default AHP, DN, FZ and RMode of a new FP context (RAZ/WI without an FPU).</summary>
    public uint FpdscrValue
    {
        get => Fpdscr;
        internal set => Fpdscr = HasFp ? value & FpscrFlags.DefaultMask : 0;
    }

    /// <summary>Reset values of the FP state (QEMU arm_cpu_reset for M-profile).</summary>
    internal void ResetFp()
    {
        Array.Clear(ExtRegs);
        Fpscr = 0;
        Cpacr = 0;
        Fpccr = HasFp ? FpccrReset : 0;
        Fpcar = 0;
        Fpdscr = 0;
        ControlFpca = false;
    }

    /// <summary>CPACR.CP10 allows the current privilege level (0b01 privileged only, 0b11 full access).</summary>
    internal bool FpAccessAllowed() => FpAccessAllowed(IsPrivileged);

    /// <summary>v7m_cpacr_pass: CPACR.CP10 allows code of the given privilege (0b10, reserved, denies like 0b00).</summary>
    internal bool FpAccessAllowed(bool privileged) => ((Cpacr >> 20) & 3) switch
    {
        1 => privileged,
        3 => true,
        _ => false,
    };

    /// <summary>Marks the FP context active, starting a new one from FPDSCR when automatic state preservation is on.</summary>
    internal void UpdateFpContext()
    {
        if (!ControlFpca && (Fpccr & FpccrAspen) != 0)
        {
            Fpscr = Fpdscr;
            ControlFpca = true;
        }
    }
}
