// The ARMv8-M Security Extension's CPU state (Armv8-M ARM B3.2 "Security states", D1.2 banked registers;
// mprofile.md §1.1; QEMU's env->v7m.secure, other_ss_msp/psp, the M_REG_NS/M_REG_S banks and
// switch_v7m_security_state). PRIMASK, BASEPRI, FAULTMASK and CONTROL.nPRIV/SPSEL are banked; the properties in
// ArmCpu.cs read and write the bank of the current state. R13/OtherSp hold the current state's SPs as before;
// the other state's MSP/PSP wait in OtherSsMsp/OtherSsPsp. Cores without the extension use bank 0 (Non-secure
// in QEMU's numbering) for everything and never change state.
// CONTROL.SFPA (Secure FP context active) is kept here too. The transitions (SG/BXNS/BLXNS/FNC_RETURN) are in
// ArmCpu.SecurityTransitions.cs; exception entry and return call SwitchSecurityState themselves.
using Nemu.Core;

namespace Nemu.Arm.Cpu;

/// <summary>Security state, banked special registers and stack limits.</summary>
public sealed partial class ArmCpu
{
    /// <summary>QEMU's M_REG_NS / M_REG_S bank indexes.</summary>
    internal const int BankNs = 0, BankS = 1;

    private readonly bool[] _primask = new bool[2];
    private readonly byte[] _basepri = new byte[2];
    private readonly bool[] _faultmask = new bool[2];
    private readonly bool[] _controlNPriv = new bool[2];
    private readonly bool[] _controlSpsel = new bool[2];

    /// <summary>MSPLIM for each bank (bits [2:0] RES0).</summary>
    internal readonly uint[] Msplim = new uint[2];

    /// <summary>PSPLIM for each bank (bits [2:0] RES0).</summary>
    internal readonly uint[] Psplim = new uint[2];

    /// <summary>The other security state's MSP and PSP (QEMU other_ss_msp / other_ss_psp).</summary>
    internal uint OtherSsMsp, OtherSsPsp;

    /// <summary>The current security state: true = Secure. Always false without the Security Extension.</summary>
    public bool Secure { get; private set; }

    /// <summary>True when the core has the ARMv8-M Security Extension.</summary>
    public bool HasSecurityExtension => Model.HasSecurityExtension;

    /// <summary>True for ARMv8-M cores (stack limits, v8 exception return rules).</summary>
    public bool IsV8 => Model.IsV8;

    /// <summary>The bank of the current security state.</summary>
    internal int Bank => Secure ? BankS : BankNs;

    /// <summary>PRIMASK of the given bank (the NVIC's execution priority needs both).</summary>
    public bool PrimaskOf(bool secure) => _primask[secure ? BankS : BankNs];

    /// <summary>BASEPRI of the given bank.</summary>
    public byte BasepriOf(bool secure) => _basepri[secure ? BankS : BankNs];

    /// <summary>FAULTMASK of the given bank.</summary>
    public bool FaultmaskOf(bool secure) => _faultmask[secure ? BankS : BankNs];

    /// <summary>CONTROL.nPRIV of the given bank.</summary>
    public bool ControlNPrivOf(bool secure) => _controlNPriv[secure ? BankS : BankNs];

    /// <summary>CONTROL.SPSEL of the given bank.</summary>
    public bool ControlSpselOf(bool secure) => _controlSpsel[secure ? BankS : BankNs];

    /// <summary>Writes the banked masks of a state other than the current one (MSR *_NS, exception return).</summary>
    internal void SetPrimaskOf(bool secure, bool value) => _primask[secure ? BankS : BankNs] = value;

    internal void SetBasepriOf(bool secure, byte value) => _basepri[secure ? BankS : BankNs] = value;

    internal void SetFaultmaskOf(bool secure, bool value) => _faultmask[secure ? BankS : BankNs] = value;

    internal void SetControlNPrivOf(bool secure, bool value) => _controlNPriv[secure ? BankS : BankNs] = value;

    internal void SetControlSpselOf(bool secure, bool value) => _controlSpsel[secure ? BankS : BankNs] = value;

    /// <summary>
    /// switch_v7m_security_state: parks the current state's MSP/PSP in OtherSs*, changes state and brings the new
    /// state's SPs into R13/OtherSp according to its CONTROL.SPSEL and the mode. No-op when already in that state.
    /// </summary>
    internal void SwitchSecurityState(bool toSecure)
    {
        if (!HasSecurityExtension || Secure == toSecure)
        {
            return;
        }

        // The new state's SPs first: OtherSs* are overwritten with the current state's below. Where the current SP is
        // held follows R13 itself (_r13IsPsp): R13 is swapped lazily, so during exception entry and return the mode
        // may already have changed while R13 still holds the old stack.
        uint newMsp = OtherSsMsp, newPsp = OtherSsPsp;
        if (_r13IsPsp)
        {
            OtherSsPsp = R[13];
            OtherSsMsp = OtherSp;
        }
        else
        {
            OtherSsMsp = R[13];
            OtherSsPsp = OtherSp;
        }

        Secure = toSecure;
        _r13IsPsp = UsingPsp;
        if (UsingPsp)
        {
            R[13] = newPsp;
            OtherSp = newMsp;
        }
        else
        {
            R[13] = newMsp;
            OtherSp = newPsp;
        }

        OnSecurityStateChanged();
    }

    /// <summary>
    /// Hook for everything that depends on the security state (TLB contexts, fetch stamps, TB flags); the
    /// attribution piece extends it.
    /// </summary>
    private void OnSecurityStateChanged() => OnMmuIndexChanged();

    /// <summary>The stack limit of the SP in use in the current state (v7m_sp_limit); 0 on cores without v8-M.</summary>
    internal uint SpLimit => !IsV8 ? 0 : UsingPsp ? Psplim[Bank] : Msplim[Bank];

    /// <summary>Reset of the security state: Secure on cores with the extension; every bank cleared.</summary>
    private void ResetSecurityState()
    {
        Array.Clear(_primask);
        Array.Clear(_basepri);
        Array.Clear(_faultmask);
        Array.Clear(_controlNPriv);
        Array.Clear(_controlSpsel);
        Array.Clear(Msplim);
        Array.Clear(Psplim);
        OtherSsMsp = OtherSsPsp = 0;
        ControlSfpa = false;
        Secure = HasSecurityExtension;
    }

    /// <summary>Memory transaction attributes for an access with the given privilege and security attribute.</summary>
    internal static MemTxAttrs Attrs(bool privileged, bool secure) =>
        secure ? (privileged ? SecurePrivilegedAttrs : SecureUserAttrs) : Attrs(privileged);

    private static readonly MemTxAttrs SecurePrivilegedAttrs = new(Secure: true);
    private static readonly MemTxAttrs SecureUserAttrs = new(Secure: true, User: true);

    /// <summary>The reset value of VTOR_S (QEMU's init-svtor property); takes effect at the next reset.</summary>
    public uint InitSvtor { get; set; }

    /// <summary>The reset value of VTOR_NS (QEMU's init-nsvtor property).</summary>
    public uint InitNsvtor { get; set; }

    /// <summary>
    /// QEMU's start-powered-off / power state: a powered-off CPU executes nothing and reports no work until
    /// <see cref="PowerOnAndReset"/>.
    /// </summary>
    public bool PoweredOff { get; set; }

    /// <summary>arm_set_cpu_on_and_reset: powers the core on and runs its reset (SP/PC from VTOR_S = InitSvtor).</summary>
    public void PowerOnAndReset()
    {
        PoweredOff = false;
        TakeReset();
        OnExceptionStateChanged();
    }
}
