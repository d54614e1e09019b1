// The ARMv8-M Security Extension side of the NVIC and SCB (Armv8-M ARM B3.9 "Exception priorities and
// preemption", D1.2 banked SCB registers; mprofile.md §4.2, §4.4, §4.5; QEMU hw/intc/armv7m_nvic.c sec_vectors,
// itns, nvic_recompute_state_secure, exc_targets_secure). Holds the banked SCB registers (index BankNs/BankS, as
// QEMU's M_REG_NS/M_REG_S) and the unbanked SecExt registers (SFSR, SFAR, NSACR, AIRCR.PRIS/BFHFNMINS/
// SYSRESETREQS). The (exception, secure) entry points take the target security state of a banked exception.
// Not modelled yet: the Secure copies of the banked exceptions (sec_vectors) and ITNS; the secure parameter of
// the entry points is accepted and the single vector table used.
namespace Nemu.Arm.Exceptions;

/// <summary>Security Extension state and entry points of the NVIC.</summary>
public sealed partial class Nvic
{
    private const int BankNs = 0, BankS = 1;

    private readonly uint[] _vtor = new uint[2];
    private readonly uint[] _ccr = new uint[2];
    private readonly uint[] _scr = new uint[2];
    private readonly uint[] _cfsr = new uint[2];
    private readonly uint[] _mmfar = new uint[2];
    private readonly int[] _priGroup = new int[2];

    /// <summary>SFSR (Secure only).</summary>
    public uint Sfsr;

    /// <summary>SFAR (Secure only).</summary>
    public uint Sfar;

    /// <summary>NSACR (Secure only): CP10/CP11 bits 10/11 grant Non-secure FP access.</summary>
    public uint Nsacr;

    /// <summary>AIRCR.BFHFNMINS: BusFault, HardFault and NMI target Non-secure.</summary>
    public bool Bfhfnmins;

    /// <summary>AIRCR.PRIS: Non-secure exception priorities are squashed into the lower half.</summary>
    public bool Pris;

    /// <summary>AIRCR.SYSRESETREQS: SYSRESETREQ is Secure only.</summary>
    public bool Sysresetreqs;

    /// <summary>VTOR of the given bank.</summary>
    public ref uint VtorOf(bool secure) => ref _vtor[secure ? BankS : BankNs];

    /// <summary>CCR of the given bank.</summary>
    public ref uint CcrOf(bool secure) => ref _ccr[secure ? BankS : BankNs];

    /// <summary>SCR of the given bank.</summary>
    public ref uint ScrOf(bool secure) => ref _scr[secure ? BankS : BankNs];

    /// <summary>CFSR of the given bank (the BFSR byte is unbanked and lives in the Non-secure copy on SecExt).</summary>
    public ref uint CfsrOf(bool secure) => ref _cfsr[secure ? BankS : BankNs];

    /// <summary>MMFAR of the given bank.</summary>
    public ref uint MmfarOf(bool secure) => ref _mmfar[secure ? BankS : BankNs];

    /// <summary>AIRCR.PRIGROUP of the given bank.</summary>
    public ref int PriGroupOf(bool secure) => ref _priGroup[secure ? BankS : BankNs];

    /// <summary>Whether the pending exception selected in <see cref="VectPending"/> is the Secure copy.</summary>
    public bool VectPendingSecure { get; private set; }

    /// <summary>
    /// exc_targets_secure: whether exception <paramref name="exc"/> is taken to Secure state. Without the
    /// extension always false.
    /// </summary>
    public bool TargetsSecure(int exc, bool requestedSecure)
    {
        _ = exc;
        return _cpu.HasSecurityExtension && requestedSecure;
    }

    /// <summary>armv7m_nvic_set_pending with the target bank of a banked exception.</summary>
    public bool SetPending(int exc, bool secure)
    {
        _ = secure;
        return SetPending(exc);
    }

    /// <summary>armv7m_nvic_set_pending_derived with the target bank.</summary>
    public bool SetPendingDerived(int exc, bool secure)
    {
        _ = secure;
        return SetPendingDerived(exc);
    }

    /// <summary>armv7m_nvic_set_pending_lazyfp with the target bank.</summary>
    public bool SetPendingLazyFp(int exc, bool secure)
    {
        _ = secure;
        return SetPendingLazyFp(exc);
    }

    /// <summary>armv7m_nvic_get_ready_status with the target bank.</summary>
    public bool GetReadyStatus(int exc, bool secure)
    {
        _ = secure;
        return GetReadyStatus(exc);
    }

    /// <summary>armv7m_nvic_neg_prio_requested with the bank whose MPU asks.</summary>
    public bool NegPriRequestedFor(bool secure)
    {
        _ = secure;
        return NegPriRequested;
    }

    /// <summary>armv7m_nvic_acknowledge_irq: also reports whether the Secure copy became active.</summary>
    public int Acknowledge(out bool secure)
    {
        secure = VectPendingSecure;
        return Acknowledge();
    }

    /// <summary>armv7m_nvic_complete_irq with the bank of the returning exception.</summary>
    public int Complete(int exc, bool secure)
    {
        _ = secure;
        return Complete(exc);
    }

    private void ResetSecurityRegisters()
    {
        Sfsr = Sfar = Nsacr = 0;
        Bfhfnmins = Pris = Sysresetreqs = false;
        VectPendingSecure = false;
    }
}
