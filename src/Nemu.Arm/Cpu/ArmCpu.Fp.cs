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

    /// <summary>ARMv8-M FPCCR fields (Armv8-M ARM D1.2.x; QEMU V7M_FPCCR): S, SFRDY, SPLIMVIOL, TS, CLRONRETS, CLRONRET, LSPENS.</summary>
    public const uint FpccrS = 1u << 2, FpccrSfRdy = 1u << 7, FpccrSplimViol = 1u << 9, FpccrTs = 1u << 26, FpccrClrOnRetS = 1u << 27,
        FpccrClrOnRet = 1u << 28, FpccrLspenS = 1u << 29;

    /// <summary>
    /// FPCCR bits a Secure write can change on a core with the Security Extension (qemu-system-arm 7.2 on mps2-an505
    /// reads 0xFC0007FF back after writing 0xFFFFFFFF).
    /// </summary>
    public const uint FpccrSecureWritable = 0xFC00_07FF;

    /// <summary>FPCCR reset value of the Secure view on a core with the Security Extension (ASPEN | LSPEN | S).</summary>
    public const uint FpccrSecureReset = 0xC000_0004;

    /// <summary>The extension registers S0-S31 (D[n] = S[2n+1]:S[2n]).</summary>
    internal readonly uint[] ExtRegs = new uint[32];

    internal uint Fpscr;
    internal uint Cpacr;
    internal uint Fpccr;
    internal uint Fpcar;
    internal uint Fpdscr;

    /// <summary>CONTROL.FPCA: FP context active.</summary>
    public bool ControlFpca { get; internal set; }

    /// <summary>CONTROL_S.SFPA (ARMv8-M Security Extension): the FP context belongs to Secure state.</summary>
    public bool ControlSfpa { get; internal set; }

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
        internal set => Fpccr = HasFp ? value & (HasSecurityExtension ? FpccrSecureWritable : FpccrWritable) : 0;
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
        Fpccr = !HasFp ? 0 : HasSecurityExtension ? FpccrSecureReset : FpccrReset;
        Fpcar = 0;
        Fpdscr = 0;
        ControlFpca = false;
        ControlSfpa = false;
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

    /// <summary>
    /// gen_update_fp_context: FPCCR.S follows the current security state, and a new FP context starts from FPDSCR when
    /// automatic state preservation is on and no context is active (or, in Secure state, the active one is not Secure's).
    /// </summary>
    internal void UpdateFpContext()
    {
        var secure = Secure;
        if (HasSecurityExtension)
        {
            Fpccr = secure ? Fpccr | FpccrS : Fpccr & ~FpccrS;
        }

        if ((Fpccr & FpccrAspen) != 0 && (!ControlFpca || (secure && !ControlSfpa)))
        {
            Fpscr = Fpdscr;
            ControlFpca = true;
            ControlSfpa |= secure;
        }
    }
}
