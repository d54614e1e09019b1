// The CPU's side of the MPU (Armv7-M ARM B3.5; mprofile.md §5; QEMU's M-profile MMU indexes and tlb_flush on MPU
// writes). Loads and stores go through one of three SoftTlbs, chosen by the current MPU context: the default-map
// TLB when the MPU does not apply (off, or HardFault/NMI/FAULTMASK with HFNMIENA clear: today's fast path, one tag
// compare), or the privileged or unprivileged TLB, filled only with pages whose permissions are uniform over the
// page (smaller regions and subregions are looked up on every access, as QEMU does). LDRT/STRT use the
// unprivileged TLB of the same negative-priority state. The context is recomputed by OnMmuIndexChanged, which the
// privilege changes (exception entry/return, MSR CONTROL, CPS/MSR FAULTMASK) and MPU register writes call; a
// change also re-checks instruction-fetch permission, because decoded pages carry the stamp of the context
// they were checked for. MemManage status: data DACCVIOL|MMARVALID with MMFAR, fetch IACCVIOL without MMFAR.
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

    // _tlb (ArmCpu.cs) is the default-map TLB; these two exist only once the MPU was enabled.
    private SoftTlb? _tlbPriv, _tlbUser;
    private SoftTlb _dataTlb;
    private SoftTlb _unprivTlb;
    private int _mpuContext;

    // Bumped whenever fetch permissions may have changed; decoded pages checked for another stamp are re-checked.
    private uint _fetchStamp = 1;

    /// <summary>The memory protection unit.</summary>
    public Mpu Mpu { get; }

    /// <summary>The stamp decoded pages compare with their own to know their execute check still holds.</summary>
    internal uint FetchStamp => _fetchStamp;

    /// <summary>Whether loads and stores currently go through MPU lookups (tests).</summary>
    internal bool MpuAppliesToData => _mpuContext != MpuContextDefault;

    private bool NegPri => _nvic is { } nvic && nvic.NegPriRequested;

    /// <summary>Checks an access made by the exception machinery (stacking, lazy FP) against the MPU.</summary>
    internal bool MpuAllows(uint address, MpuAccess access, bool privileged, bool negPri) =>
        Mpu.Check(address, access, privileged, negPri);

    /// <summary>
    /// The TLB whose entries are valid for an access with the given privilege and negative-priority state: a hit
    /// there is an access the MPU allows, a miss needs <see cref="MpuAllows"/> and the bus (for stacking).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal SoftTlb TlbFor(bool privileged, bool negPri) =>
        !Mpu.AppliesTo(negPri) ? _tlb : privileged ? PrivTlb : UserTlb;

    /// <summary>The TLB for an access in the given security state (the MPU and TLBs are banked on SecExt cores).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal SoftTlb TlbFor(bool secure, bool privileged, bool negPri)
    {
        _ = secure;
        return TlbFor(privileged, negPri);
    }

    /// <summary>
    /// Called after anything that changes which MPU permissions apply (privilege, HardFault/NMI/FAULTMASK state,
    /// MPU register writes): drops cached translations and decoded-page permissions that may no longer hold.
    /// Cheap when nothing changed (always the case with the MPU disabled).
    /// </summary>
    internal void OnMmuIndexChanged()
    {
        var context = !Mpu.AppliesTo(NegPri) ? MpuContextDefault : IsPrivileged ? MpuContextPrivileged : MpuContextUser;
        if (context != _mpuContext)
        {
            SetMpuContext(context);
        }
    }

    private SoftTlb PrivTlb => _tlbPriv ??= new SoftTlb(Memory, DecodedPage.Shift);

    private SoftTlb UserTlb => _tlbUser ??= new SoftTlb(Memory, DecodedPage.Shift);

    [MemberNotNull(nameof(_dataTlb), nameof(_unprivTlb))]
    private void InitMpu()
    {
        _dataTlb = _unprivTlb = _tlb;
        Mpu.Changed = OnMpuChanged;
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

    // An MPU register write: QEMU's tlb_flush. The default-map TLB holds no MPU result and stays.
    private void OnMpuChanged()
    {
        _tlbPriv?.Flush();
        _tlbUser?.Flush();
        var context = !Mpu.AppliesTo(NegPri) ? MpuContextDefault : IsPrivileged ? MpuContextPrivileged : MpuContextUser;
        SetMpuContext(context);
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
        if (_mpuContext == MpuContextDefault)
        {
            uniform = true;
            return Mpu.DefaultMap(address);
        }

        return Mpu.Permissions(address, IsPrivileged, NegPri, DecodedPage.Shift, out uniform);
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

        Mpu.Load(s.MpuCtrl, s.MpuRnr, s.MpuRbar, rasr);
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
