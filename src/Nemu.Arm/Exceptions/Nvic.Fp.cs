// The banked floating-point control registers of the Security Extension (Armv8-M ARM D1.2 FPCCR, FPCAR, FPDSCR,
// CPACR, NSACR; mprofile.md §3.6, §4.4; QEMU 7.2 env->v7m.fpccr/fpcar/fpdscr/cpacr[M_REG_NS/M_REG_S]). The CPU's own
// fields (ArmCpu.Fpccr, Fpcar, Fpdscr, Cpacr) are the only bank on cores without the extension and the Secure bank
// (QEMU's fpccr[M_REG_S], which also holds FPCCR's unbanked bits) on cores with it; the Non-secure bank lives here.
// The FP behaviour that reads them (lazy stacking per state, NSACR checks) is the CPU's (ArmCpu.Fp*.cs).
namespace Nemu.Arm.Exceptions;

/// <summary>Banked FP control registers of the NVIC/SCB.</summary>
public sealed partial class Nvic
{
    /// <summary>FPCCR bits of v8-M beyond v7-M (Armv8-M ARM D1.2.99).</summary>
    public const uint FpccrS = 1u << 2, FpccrSfRdy = 1u << 7, FpccrSplimViol = 1u << 9, FpccrTs = 1u << 26, FpccrClrOnRetS = 1u << 27,
        FpccrClrOnRet = 1u << 28, FpccrLspenS = 1u << 29, FpccrLspen = 1u << 30, FpccrAspen = 1u << 31;

    /// <summary>FPCCR bits 11-25 are RES0 on v8-M.</summary>
    public const uint FpccrRes0 = 0x03FF_F800;

    /// <summary>R_V7M_FPCCR_BANKED_MASK: the FPCCR bits each state has its own copy of.</summary>
    public const uint FpccrBanked = 1u << 0 | 1u << 1 | 1u << 3 | FpccrMmRdy | FpccrSplimViol | FpccrUfRdy | FpccrAspen;

    private uint _fpccrNs;
    private uint _fpcarNs;
    private uint _fpdscrNs;
    private uint _cpacrNs;

    /// <summary>FPCCR of the given bank (the Secure bank also holds the unbanked bits).</summary>
    public ref uint FpccrOf(bool secure) => ref secure || !_secExt ? ref _cpu.Fpccr : ref _fpccrNs;

    /// <summary>FPCAR of the given bank.</summary>
    public ref uint FpcarOf(bool secure) => ref secure || !_secExt ? ref _cpu.Fpcar : ref _fpcarNs;

    /// <summary>FPDSCR of the given bank.</summary>
    public ref uint FpdscrOf(bool secure) => ref secure || !_secExt ? ref _cpu.Fpdscr : ref _fpdscrNs;

    /// <summary>CPACR of the given bank.</summary>
    public ref uint CpacrOf(bool secure) => ref secure || !_secExt ? ref _cpu.Cpacr : ref _cpacrNs;

    /// <summary>
    /// The reset values of the FP banks on a core with the extension and an FPU (QEMU arm_cpu_reset): FPCCR_S =
    /// ASPEN|LSPEN|S, FPCCR_NS = ASPEN, the rest zero. Runs after the CPU's own FP reset, which sets FPCCR to the
    /// v7-M ASPEN|LSPEN.
    /// </summary>
    public void ResetFpBanks()
    {
        _fpccrNs = _fpcarNs = _fpdscrNs = _cpacrNs = 0;
        if (_secExt && _cpu.HasFp)
        {
            _cpu.Fpccr = FpccrAspen | FpccrLspen | FpccrS;
            _fpccrNs = FpccrAspen;
        }
    }
}
