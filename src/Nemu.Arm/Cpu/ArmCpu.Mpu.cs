// The CPU's side of the MPU (Armv7-M ARM B3.5, Armv8-M ARM B3.5; mprofile.md §5; QEMU's M-profile MMU indexes
// PRIV/NEGPRI/S and tlb_flush on MPU and SAU writes). Loads and stores go through one SoftTlb chosen by the current
// MPU context: the default-map TLB when the MPU does not apply (off, or HardFault/NMI/FAULTMASK with HFNMIENA
// clear: today's fast path, one tag compare), or the privileged or unprivileged TLB, filled only with pages whose
// permissions are uniform over the page (smaller regions and subregions are looked up on every access, as QEMU
// does). LDRT/STRT use the unprivileged TLB of the same negative-priority state. On Armv8-M the MPU is PMSAv8
// (Pmsav8Mpu) with one bank per security state, and the three TLBs exist per security state (six contexts): a
// security transition only switches the set, nothing is flushed. The context is recomputed by OnMmuIndexChanged,
// which privilege changes (exception entry/return, MSR CONTROL, CPS/MSR FAULTMASK), security switches and MPU
// register writes call. Instruction fetches carry a stamp per security state: decoded pages are re-checked when
// the stamp of the state executing them changed (MPU context, MPU or SAU writes), not on a state switch. MemManage
// status (of the faulting state's bank): data DACCVIOL|MMARVALID with MMFAR, fetch IACCVIOL without MMFAR.
using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using Nemu.Arm.Exceptions;
using Nemu.Core.State;
using Nemu.Memory;

namespace Nemu.Arm.Cpu;

/// <summary>MPU integration.</summary>
public sealed partial class ArmCpu
{
    private const int MpuContextDefault = 0, MpuContextPrivileged = 1, MpuContextUser = 2;

    // _tlb (ArmCpu.Memory.cs) is the Non-secure (v7: the only) default-map TLB; the others are created on first use.
    private readonly SoftTlb?[] _tlbDefaultOf = new SoftTlb?[2];
    private readonly SoftTlb?[] _tlbPrivOf = new SoftTlb?[2];
    private readonly SoftTlb?[] _tlbUserOf = new SoftTlb?[2];
    private SoftTlb _dataTlb;
    private SoftTlb _unprivTlb;
    private int _mpuContext;

    // Armv8-M: the PMSAv8 banks [NS, S], the context each bank had last (to tell a switch from a change) and the
    // fetch stamp per bank, all drawn from one counter so a stamp names one bank's context.
    private Pmsav8Mpu[]? _pmsav8;
    private readonly int[] _mpuContextOf = new int[2];
    private readonly uint[] _fetchStampOf = new uint[2];
    private uint _nextFetchStamp = 1;

    // Bumped whenever fetch permissions of the current state may have changed; decoded pages checked for another
    // stamp are re-checked.
    private uint _fetchStamp = 1;

    /// <summary>The PMSAv7 memory protection unit (unused on Armv8-M cores, whose MPU is <see cref="Pmsav8Of"/>).</summary>
    public Mpu Mpu { get; }

    /// <summary>True when the MPU is PMSAv8 (Armv8-M), banked by security state.</summary>
    internal bool IsPmsav8 => _pmsav8 is not null;

    /// <summary>The stamp decoded pages compare with their own to know their execute check still holds.</summary>
    internal uint FetchStamp => _fetchStamp;

    /// <summary>Whether loads and stores currently go through MPU lookups (tests).</summary>
    internal bool MpuAppliesToData => _mpuContext % 3 != MpuContextDefault;

    private bool NegPri => _nvic is { } nvic && nvic.NegPriRequested;

    /// <summary>The PMSAv8 MPU bank of a security state (Armv8-M cores; bank 0 without the Security Extension).</summary>
    public Pmsav8Mpu Pmsav8Of(bool secure) =>
        _pmsav8 is { } banks ? banks[secure && HasSecurityExtension ? BankS : BankNs] : throw new InvalidOperationException("the core has no PMSAv8 MPU");

    /// <summary>The MPU that checks accesses made in a security state (the PMSAv7 MPU on Armv7-M).</summary>
    public IMpu MpuFor(bool secure) => _pmsav8 is { } banks ? banks[secure && HasSecurityExtension ? BankS : BankNs] : Mpu;

    /// <summary>armv7m_nvic_neg_prio_requested for the bank of a security state.</summary>
    private bool NegPriFor(bool secure) => _nvic is { } nvic && (HasSecurityExtension ? nvic.NegPriRequestedFor(secure) : nvic.NegPriRequested);

    /// <summary>Checks an access made by the exception machinery (stacking, lazy FP) against the MPU.</summary>
    internal bool MpuAllows(uint address, MpuAccess access, bool privileged, bool negPri) =>
        _pmsav8 is null ? Mpu.Check(address, access, privileged, negPri) : MpuFor(Secure).Check(address, access, privileged, negPri);

    /// <summary>As <see cref="MpuAllows(uint, MpuAccess, bool, bool)"/> with the MPU bank of a security state.</summary>
    internal bool MpuAllows(uint address, MpuAccess access, bool privileged, bool negPri, bool secure) =>
        MpuFor(secure).Check(address, access, privileged, negPri);

    /// <summary>
    /// The TLB whose entries are valid for an access with the given privilege and negative-priority state: a hit
    /// there is an access the MPU allows, a miss needs <see cref="MpuAllows(uint, MpuAccess, bool, bool)"/> and the
    /// bus (for stacking). On Armv8-M: the current security state's set.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal SoftTlb TlbFor(bool privileged, bool negPri) =>
        _pmsav8 is not null ? TlbFor(Secure, privileged, negPri) : !Mpu.AppliesTo(negPri) ? _tlb : privileged ? PrivTlb : UserTlb;

    /// <summary>The TLB for an access in the given security state (the MPU and TLBs are banked on SecExt cores).</summary>
    internal SoftTlb TlbFor(bool secure, bool privileged, bool negPri)
    {
        if (_pmsav8 is not { } banks)
        {
            return TlbFor(privileged, negPri);
        }

        var bank = secure && HasSecurityExtension ? BankS : BankNs;
        return TlbOf(bank, !banks[bank].AppliesTo(negPri) ? MpuContextDefault : privileged ? MpuContextPrivileged : MpuContextUser);
    }

    /// <summary>
    /// Called after anything that changes which MPU permissions apply (privilege, HardFault/NMI/FAULTMASK state,
    /// MPU register writes, the security state): drops cached decoded-page permissions that may no longer hold.
    /// Cheap when nothing changed (always the case with the MPU disabled).
    /// </summary>
    internal void OnMmuIndexChanged()
    {
        if (_pmsav8 is not null)
        {
            OnMmuIndexChangedV8();
            return;
        }

        var context = !Mpu.AppliesTo(NegPri) ? MpuContextDefault : IsPrivileged ? MpuContextPrivileged : MpuContextUser;
        if (context != _mpuContext)
        {
            SetMpuContext(context);
        }
    }

    /// <summary>
    /// An IDAU's attribution changed (e.g. the SSE NSCCFG register): every TLB and decoded-page check of both
    /// states is dropped.
    /// </summary>
    public void FlushSecurityAttribution() => OnSauChanged();

    private SoftTlb PrivTlb => _tlbPrivOf[0] ??= new SoftTlb(Memory, DecodedPage.Shift);

    private SoftTlb UserTlb => _tlbUserOf[0] ??= new SoftTlb(Memory, DecodedPage.Shift);

    private SoftTlb TlbOf(int bank, int kind) => kind switch
    {
        MpuContextDefault => bank == BankNs ? _tlb : _tlbDefaultOf[bank] ??= new SoftTlb(Memory, DecodedPage.Shift),
        MpuContextPrivileged => _tlbPrivOf[bank] ??= new SoftTlb(Memory, DecodedPage.Shift),
        _ => _tlbUserOf[bank] ??= new SoftTlb(Memory, DecodedPage.Shift),
    };

    [MemberNotNull(nameof(_dataTlb), nameof(_unprivTlb))]
    private void InitMpu()
    {
        _dataTlb = _unprivTlb = _tlb;
        _tlbDefaultOf[0] = _tlb;
        Mpu.Changed = OnMpuChanged;
        if (Model.IsV8)
        {
            _pmsav8 = [new Pmsav8Mpu(Model.MpuRegions), new Pmsav8Mpu(Model.MpuRegions)];
            _pmsav8[BankNs].Changed = () => OnPmsav8Changed(BankNs);
            _pmsav8[BankS].Changed = () => OnPmsav8Changed(BankS);
            _fetchStampOf[0] = _fetchStampOf[1] = _fetchStamp;

            // The system reset resets the MPU (Armv7m.OnReset calls Mpu.Reset): on v8 the PMSAv7 object is never
            // written otherwise, so its change means a reset of both PMSAv8 banks and the SAU.
            Mpu.Changed = () =>
            {
                if (!_resettingMpu)
                {
                    ResetMemoryProtection();
                }
            };
        }

        Sau.Changed = OnSauChanged;
    }

    // Set while ResetMemoryProtection runs, so the bank resets do not each re-flush.
    private bool _resettingMpu;

    /// <summary>Reset of the MPU banks and the SAU (arm_cpu_reset_hold: regions cleared, MPU and SAU off).</summary>
    public void ResetMemoryProtection()
    {
        _resettingMpu = true;
        Mpu.Reset();
        if (_pmsav8 is { } banks)
        {
            banks[0].Reset();
            banks[1].Reset();
        }

        _sau?.Reset();
        _resettingMpu = false;
        if (_pmsav8 is null)
        {
            OnMpuChanged();
        }
        else
        {
            OnSauChanged();
        }
    }

    private void SetMpuContext(int context)
    {
        _mpuContext = context;
        _dataTlb = context switch
        {
            MpuContextDefault => _tlb,
            MpuContextPrivileged => PrivTlb,
            _ => UserTlb,
        };
        _unprivTlb = context == MpuContextDefault ? _tlb : UserTlb;
        InvalidateFetchPermissions();
    }

    // Armv8-M: context = bank * 3 + kind. A change of the current bank's kind (or its MPU) gives the bank a new
    // fetch stamp; a switch to the other bank only selects that bank's TLBs and stamp.
    private void OnMmuIndexChangedV8()
    {
        var secure = Secure;
        var bank = Bank;
        var kind = !_pmsav8![bank].AppliesTo(NegPriFor(secure)) ? MpuContextDefault : IsPrivileged ? MpuContextPrivileged : MpuContextUser;
        var context = (bank * 3) + kind;
        if (context == _mpuContext)
        {
            return;
        }

        _mpuContext = context;
        _dataTlb = TlbOf(bank, kind);
        _unprivTlb = TlbOf(bank, kind == MpuContextDefault ? MpuContextDefault : MpuContextUser);
        if (_mpuContextOf[bank] != kind)
        {
            _mpuContextOf[bank] = kind;
            _fetchStampOf[bank] = ++_nextFetchStamp;
        }

        _fetchStamp = _fetchStampOf[bank];
        _pages.ResetCurrent();
        _stopSlice = true;
    }

    // An MPU register write: QEMU's tlb_flush. The default-map TLB holds no MPU result and stays.
    private void OnMpuChanged()
    {
        if (_pmsav8 is not null)
        {
            return;
        }

        _tlbPrivOf[0]?.Flush();
        _tlbUserOf[0]?.Flush();
        var context = !Mpu.AppliesTo(NegPri) ? MpuContextDefault : IsPrivileged ? MpuContextPrivileged : MpuContextUser;
        SetMpuContext(context);
    }

    // A PMSAv8 bank's register write: flush that bank's MPU TLBs and re-check its fetches.
    private void OnPmsav8Changed(int bank)
    {
        if (_resettingMpu)
        {
            return;
        }

        _tlbPrivOf[bank]?.Flush();
        _tlbUserOf[bank]?.Flush();
        _fetchStampOf[bank] = ++_nextFetchStamp;
        RecomputeContextV8();
    }

    // An SAU (or IDAU) change: every TLB of both states caches attribution results (QEMU flushes all on SAU writes).
    private void OnSauChanged()
    {
        if (_resettingMpu)
        {
            return;
        }

        for (var b = 0; b < 2; b++)
        {
            _tlbDefaultOf[b]?.Flush();
            _tlbPrivOf[b]?.Flush();
            _tlbUserOf[b]?.Flush();
            _fetchStampOf[b] = ++_nextFetchStamp;
        }

        if (_pmsav8 is null)
        {
            InvalidateFetchPermissions();
            return;
        }

        RecomputeContextV8();
    }

    private void RecomputeContextV8()
    {
        _mpuContext = -1;
        _mpuContextOf[Bank] = -1;
        OnMmuIndexChangedV8();
    }

    private void InvalidateFetchPermissions()
    {
        _fetchStamp++;
        _pages.ResetCurrent();
        _stopSlice = true;
    }

    /// <summary>The permissions an instruction fetch at <paramref name="address"/> has in the current context.</summary>
    internal MpuPermissions FetchPermissions(uint address, out bool uniform)
    {
        if (_mpuContext % 3 == MpuContextDefault)
        {
            uniform = true;
            return Mpu.DefaultMap(address);
        }

        return _pmsav8 is { } banks
            ? banks[Bank].Permissions(address, IsPrivileged, NegPriFor(Secure), DecodedPage.Shift, out uniform)
            : Mpu.Permissions(address, IsPrivileged, NegPri, DecodedPage.Shift, out uniform);
    }

    /// <summary>MemManage IACCVIOL for a fetch (no MMFAR; the log names the halfword's address).</summary>
    internal void RaiseFetchPermissionFault(uint address)
    {
        _faultAddress = address;
        RaiseFault(ExceptionNumber.MemManage, FaultStatus.IaccViol);
    }

    // The MPU lookup of a load or store that missed a TLB whose context has the MPU on: false (the fault raised)
    // when denied; otherwise fills the TLB if the page is uniform. Accesses that cross into the next page are
    // checked at both ends.
    private bool MpuDataCheck(SoftTlb tlb, uint address, uint size, bool write, bool unprivileged)
    {
        var privileged = IsPrivileged && !unprivileged;
        var negPri = NegPri;
        var need = write ? MpuPermissions.Write : MpuPermissions.Read;
        var perms = Mpu.Permissions(address, privileged, negPri, DecodedPage.Shift, out var uniform);
        if ((perms & need) == 0)
        {
            return MpuDataFault(address);
        }

        var last = address + size - 1;
        if ((last >> DecodedPage.Shift) != (address >> DecodedPage.Shift)
            && (Mpu.Permissions(last, privileged, negPri) & need) == 0)
        {
            return MpuDataFault(last);
        }

        if (uniform)
        {
            tlb.Fill(address, write, (perms & MpuPermissions.Read) != 0, (perms & MpuPermissions.Write) != 0);
        }

        return true;
    }

    private void SaveMpuState(ArmCpuState s)
    {
        s.MpuCtrl = Mpu.Ctrl;
        s.MpuRnr = Mpu.Rnr;
        for (var i = 0; i < ArmCpuState.MpuRegionSlots; i++)
        {
            var rasr = i < Mpu.RegionCount ? Mpu.RegionAttributes(i) : 0;
            s.MpuRbar[i] = i < Mpu.RegionCount ? Mpu.RegionBase(i) : 0;
            s.MpuRsr[i] = rasr & 0xFFFF;
            s.MpuRacr[i] = rasr >> 16;
        }
    }

    // Before version 3 the MPU was not migrated (nor implemented): it loads as reset.
    private void LoadMpuState(ArmCpuState s)
    {
        if (s.MpuRnr >= Math.Max(1, Mpu.RegionCount) || s.MpuCtrl > 7)
        {
            throw new StateLoadException($"cpu: invalid mpu_ctrl 0x{s.MpuCtrl:x} or pmsav7.rnr {s.MpuRnr}");
        }

        Span<uint> rasr = stackalloc uint[ArmCpuState.MpuRegionSlots];
        for (var i = 0; i < rasr.Length; i++)
        {
            rasr[i] = (s.MpuRsr[i] & 0xFFFF) | (s.MpuRacr[i] << 16);
        }

        if (_pmsav8 is null)
        {
            Mpu.Load(s.MpuCtrl, s.MpuRnr, s.MpuRbar, rasr);
        }

        _mpuContext = -1;
        OnMmuIndexChanged();
    }

    private bool MpuDataFault(uint address)
    {
        Nvic.Mmfar = address;
        _faultAddress = address;
        RaiseFault(ExceptionNumber.MemManage, FaultStatus.DaccViol | FaultStatus.MmarValid);
        return false;
    }
}
