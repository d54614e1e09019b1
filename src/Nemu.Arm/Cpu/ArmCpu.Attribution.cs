// Security attribution of CPU accesses (Armv8-M ARM B8.2 SecurityCheck, B3.2 security state transitions, C2 TT;
// mprofile.md §5.5, §5.6; QEMU 7.2 get_phys_addr_pmsav8, the M_FAKE_FSR_SFAULT/NSC_EXEC branches of
// arm_v7m_cpu_do_interrupt and HELPER(v7m_tt)): the SAU of this core merged with the board's IDAU. Data: an address
// attributed Non-secure is accessed with Non-secure attributes even from Secure state; a Non-secure access to Secure
// memory raises SecureFault AUVIOL. Fetch: the attribution must equal the executing state; a Non-secure fetch from
// Secure NSC memory is handed to the SG emulation (HandleExecuteNsc), otherwise SecureFault INVTRAN (Secure state
// fetching Non-secure memory) or INVEP. The -d int lines are QEMU 7.2's. Deviation: the data AUVIOL also sets
// SFSR.SFARVALID and SFAR to the address, as the architecture says (QEMU 7.2 leaves both unchanged, mprofile.md §8.8).
// Not modelled: the "unaligned Device" UsageFault that should precede AUVIOL (QEMU does not check it either, §8.9).
using System.Globalization;
using Nemu.Arm.Exceptions;

namespace Nemu.Arm.Cpu;

/// <summary>SAU/IDAU attribution.</summary>
public sealed partial class ArmCpu
{
    /// <summary>SFSR bits (Armv8-M ARM D1.2.x).</summary>
    internal const uint SfsrInvEp = 1, SfsrInvIs = 2, SfsrInvEr = 4, SfsrAuViol = 8, SfsrInvTran = 0x10, SfsrLspErr = 0x20, SfsrSfarValid = 0x40, SfsrLsErr = 0x80;

    private Sau? _sau;

    /// <summary>The core's SAU (zero regions on cores without the Security Extension).</summary>
    public Sau Sau => _sau ??= new Sau(Model.SauRegions);

    /// <summary>The board's IDAU (QEMU's "idau" link of armv7m); null = none.</summary>
    public IIdau? Idau { get; set; }

    /// <summary>The security attribution of <paramref name="address"/> for a data access or a fetch.</summary>
    public SecurityAttributes SecurityLookup(uint address, bool fetch) => Sau.Lookup(address, fetch, Secure, Idau);

    /// <summary>The attribution of <paramref name="address"/> for an access made in the given security state.</summary>
    internal SecurityAttributes SecurityLookupFor(uint address, bool secure, bool fetch) => Sau.Lookup(address, fetch, secure, Idau);

    /// <summary>
    /// The transaction attributes of a data access made in state <paramref name="secure"/>: Non-secure when the
    /// address is attributed Non-secure. False (nothing raised) for a Non-secure access to Secure memory.
    /// </summary>
    internal bool DataAccessAttributes(uint address, bool secure, out bool attrSecure)
    {
        if (!HasSecurityExtension)
        {
            attrSecure = false;
            return true;
        }

        var s = Sau.Lookup(address, fetch: false, secure, Idau);
        attrSecure = secure && !s.Ns;
        return s.Ns || secure;
    }

    /// <summary>
    /// SecureFault AUVIOL for a Non-secure data access to Secure memory at <paramref name="address"/>, as QEMU logs it
    /// ("Taking exception 4 [Data Abort]", "...at fault address", "...really SecureFault with SFSR.AUVIOL"), with
    /// the architectural SFARVALID and SFAR (deviation from QEMU 7.2). Always false (the access failed).
    /// </summary>
    internal bool RaiseSecureDataFault(uint address)
    {
        if (ExceptionLog.Enabled)
        {
            ExceptionLog.Taking(ExceptionLog.ExcpDataAbort);
            ExceptionLog.Write(string.Create(CultureInfo.InvariantCulture, $"...at fault address 0x{address:x}"));
            ExceptionLog.Write("...really SecureFault with SFSR.AUVIOL");
        }

        var nvic = Nvic;
        nvic.Sfsr |= SfsrAuViol | SfsrSfarValid;
        nvic.Sfar = address;
        PendSecureFault();
        return false;
    }

    /// <summary>
    /// The security check of an instruction fetch at <paramref name="address"/> (one halfword): true when the
    /// attribution equals the executing state. Otherwise false, after either the SG emulation ran (a Non-secure fetch
    /// of Secure NSC memory holding SG: the core is now Secure at the next instruction) or SecureFault INVEP/INVTRAN
    /// was pended.
    /// </summary>
    internal bool CheckFetchSecurity(uint address)
    {
        var secure = Secure;
        var s = Sau.Lookup(address, fetch: true, secure, Idau);
        if (s.Ns != secure)
        {
            return true;
        }

        if (ExceptionLog.Enabled)
        {
            ExceptionLog.Taking(ExceptionLog.ExcpPrefetchAbort);
            ExceptionLog.Write(string.Create(CultureInfo.InvariantCulture, $"...at fault address 0x{address:x}"));
        }

        if (!secure && s.Nsc && HandleExecuteNsc())
        {
            return false;
        }

        uint bit;
        if (secure)
        {
            bit = SfsrInvTran;
            ExceptionLog.WriteIfEnabled("...really SecureFault with SFSR.INVTRAN");
        }
        else
        {
            bit = SfsrInvEp;
            ExceptionLog.WriteIfEnabled("...really SecureFault with SFSR.INVEP");
        }

        Nvic.Sfsr |= bit;
        PendSecureFault();
        return false;
    }

    /// <summary>
    /// HELPER(v7m_tt): the TT/TTT/TTA/TTAT result for <paramref name="address"/> (Armv8-M ARM C2.4 TT: MREGION[7:0],
    /// SREGION[15:8], MRVALID b16, SRVALID b17, R b18, RW b19, NSR b20, NSRW b21, S b22, IRVALID b23, IREGION[31:24]).
    /// <paramref name="secure"/> is the state the instruction executes in (the CPU's, normally <see cref="Secure"/>),
    /// <paramref name="unprivileged"/> the T forms, <paramref name="alt"/> the A forms (target the other state; the
    /// caller has already made TTA from Non-secure UNDEFINED). MPU fields need a privileged caller or A; SAU fields,
    /// S, NSR and NSRW a Secure caller.
    /// </summary>
    public uint TtLookup(uint address, bool secure, bool unprivileged, bool alt)
    {
        var targetSecure = secure ^ alt;
        var targetPrivileged = !unprivileged && (IsHandlerMode || !ControlNPrivOf(targetSecure));
        bool r = false, rw = false, mrValid = false;
        uint mregion = 0;
        if (IsPrivileged || alt)
        {
            var negPri = NegPriFor(targetSecure);
            MpuPermissions perms;
            var region = -1;
            if (_pmsav8 is { } banks)
            {
                perms = banks[targetSecure && HasSecurityExtension ? BankS : BankNs].Lookup(address, targetPrivileged, negPri, 0, out _, out region);
            }
            else
            {
                perms = Mpu.Permissions(address, targetPrivileged, negPri);
            }

            mrValid = region >= 0;
            mregion = mrValid ? (uint)region : 0;
            r = (perms & MpuPermissions.Read) != 0;
            rw = (perms & MpuPermissions.Write) != 0;
        }

        var result = mregion | (mrValid ? 1u << 16 : 0) | (r ? 1u << 18 : 0) | (rw ? 1u << 19 : 0);
        if (secure && HasSecurityExtension)
        {
            var s = Sau.Lookup(address, fetch: false, targetSecure, Idau);
            result |= ((uint)s.SRegion << 8) | (s.SrValid ? 1u << 17 : 0) | (s.Ns && r ? 1u << 20 : 0) | (s.Ns && rw ? 1u << 21 : 0)
                | (!s.Ns ? 1u << 22 : 0) | (s.IrValid ? 1u << 23 : 0) | ((uint)s.IRegion << 24);
        }

        return result;
    }

    // SecureFault is not banked and always targets Secure (armv7m_nvic_set_pending(ARMV7M_EXCP_SECURE, false)).
    private void PendSecureFault()
    {
        FaultSequence++;
        _entryCauseLogged = true;
        if (PendOrLockUp(ExceptionNumber.SecureFault, PendRule.Normal))
        {
            RequestExceptionCheck();
        }
    }
}
