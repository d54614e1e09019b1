// The PMSAv7 memory protection unit of Armv7-M (Armv7-M ARM B3.5; mprofile.md §5.1-§5.3) as QEMU 7.2 models it
// (target/arm/ptw.c get_phys_addr_pmsav7, hw/intc/armv7m_nvic.c MPU registers): MPU_CTRL (ENABLE, HFNMIENA,
// PRIVDEFENA), MPU_RNR, and per region the base (RBAR) and the size/attribute word (RASR). The lookup scans from
// the highest region down; the first enabled region that contains the address and whose subregion is not
// disabled decides through its AP/XN bits. With the MPU off for the access (ENABLE clear, or HFNMIENA clear for a
// HardFault/NMI/FAULTMASK context), for the PPB, and for privileged misses with PRIVDEFENA, the default memory map
// applies: everything readable and writable, 0x40000000-0x5FFFFFFF and 0xA0000000-0xFFFFFFFF execute-never, and
// the system region (0xE0000000 and up) is execute-never inside regions too. QEMU's IMPDEF choices kept: SIZE 1-3
// (UNPREDICTABLE) make 4-16 byte regions, SIZE 0 and bases not aligned to the size disable the region (logged to
// guest_errors), AP=4 is no access (logged), AP=7 reads as AP=6. Not modelled: the memory attributes (TEX, C, B,
// S), which have no effect without caches. PMSAv8 is Pmsav8Mpu.cs.
using System.Globalization;
using Nemu.Core.Logging;

namespace Nemu.Arm.Exceptions;

/// <summary>MPU state, its registers and the permission lookup.</summary>
public sealed class Mpu : IMpu
{
    public const uint CtrlEnable = 1, CtrlHfnmiena = 2, CtrlPrivdefena = 4;

    /// <summary>MPU_RASR is stored as QEMU does: the low half masked with 0xFF3F, the high half with 0x173F.</summary>
    public const uint RasrMask = 0x173FFF3F;

    private const uint RbarValid = 1 << 4;

    private readonly uint[] _rbar;
    private readonly uint[] _rasr;

    public Mpu(int regionCount)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(regionCount);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(regionCount, 16);
        RegionCount = regionCount;
        _rbar = new uint[regionCount];
        _rasr = new uint[regionCount];
    }

    /// <summary>Number of regions (MPU_TYPE.DREGION): 8 on Cortex-M3/M4/M7, 0 on Cortex-M0.</summary>
    public int RegionCount { get; }

    /// <summary>MPU_TYPE: DREGION in bits 15:8 (a unified MPU; 0 without one).</summary>
    public uint Type => (uint)RegionCount << 8;

    /// <summary>MPU_CTRL (ENABLE b0, HFNMIENA b1, PRIVDEFENA b2).</summary>
    public uint Ctrl { get; private set; }

    /// <summary>MPU_RNR: the region RBAR/RASR access.</summary>
    public uint Rnr { get; private set; }

    /// <summary>
    /// Incremented by every register write that can change a lookup result (QEMU's tlb_flush on MPU writes):
    /// cached permissions stamped with an older value are stale.
    /// </summary>
    public uint Generation { get; private set; }

    /// <summary>Called after every such write (the CPU drops its cached translations).</summary>
    public Action? Changed { get; set; }

    /// <summary>Whether any region lookups happen at all (MPU_CTRL.ENABLE).</summary>
    public bool Enabled => (Ctrl & CtrlEnable) != 0;

    /// <summary>The stored base of region <paramref name="n"/> (bits 31:5).</summary>
    public uint RegionBase(int n) => _rbar[n];

    /// <summary>The stored RASR of region <paramref name="n"/>.</summary>
    public uint RegionAttributes(int n) => _rasr[n];

    /// <summary>Reset: MPU off, every region cleared, RNR 0.</summary>
    public void Reset()
    {
        Ctrl = 0;
        Rnr = 0;
        Array.Clear(_rbar);
        Array.Clear(_rasr);
        OnChanged();
    }

    /// <summary>
    /// Whether region lookups apply to a context (regime_translation_disabled for M profile): ENABLE set, and for a
    /// negative-priority context (HardFault/NMI active or FAULTMASK) also HFNMIENA. HFNMIENA without ENABLE is
    /// UNPREDICTABLE and treated as off.
    /// </summary>
    public bool AppliesTo(bool negPri) => (Ctrl & CtrlEnable) != 0 && (!negPri || (Ctrl & CtrlHfnmiena) != 0);

    /// <summary>Whether an access is permitted.</summary>
    public bool Check(uint address, MpuAccess access, bool privileged, bool negPri)
    {
        var p = Permissions(address, privileged, negPri);
        var need = access switch
        {
            MpuAccess.Read => MpuPermissions.Read,
            MpuAccess.Write => MpuPermissions.Write,
            _ => MpuPermissions.Execute,
        };
        return (p & need) != 0;
    }

    /// <summary>The permissions of one address for a context.</summary>
    public MpuPermissions Permissions(uint address, bool privileged, bool negPri) =>
        Lookup(address, privileged, negPri, 0, out _);

    /// <summary>
    /// The permissions of <paramref name="address"/> and whether they hold for the whole aligned block of
    /// 2^<paramref name="pageShift"/> bytes around it (so a TLB may cache the page). Regions or subregions smaller
    /// than the page, or edges inside it, make it non-uniform: every access must then be looked up, as in QEMU.
    /// </summary>
    public MpuPermissions Permissions(uint address, bool privileged, bool negPri, int pageShift, out bool uniform) =>
        Lookup(address, privileged, negPri, pageShift, out uniform);

    /// <summary>The default memory map (Armv7-M ARM B3.1 Table B3-1): all read/write, execute-never where noted.</summary>
    public static MpuPermissions DefaultMap(uint address) =>
        address < 0x40000000 || (address >= 0x60000000 && address < 0xA0000000) ? MpuPermissions.All : MpuPermissions.ReadWrite;

    /// <summary>The Private Peripheral Bus, which always uses the default map.</summary>
    public static bool IsPpb(uint address) => (address >> 20) == 0xE00;

    private MpuPermissions Lookup(uint address, bool privileged, bool negPri, int pageShift, out bool uniform)
    {
        uniform = true;
        if (!AppliesTo(negPri) || IsPpb(address))
        {
            return DefaultMap(address);
        }

        var pageMask = (1u << pageShift) - 1;
        var page = address & ~pageMask;
        for (var n = RegionCount - 1; n >= 0; n--)
        {
            var rasr = _rasr[n];
            if ((rasr & 1) == 0)
            {
                continue;
            }

            var sizeField = (int)((rasr >> 1) & 0x1F);
            if (sizeField == 0)
            {
                GuestError(n, "DRSR[{0}]: Rsize field cannot be 0");
                continue;
            }

            var bits = sizeField + 1;
            var mask = (uint)((1UL << bits) - 1);
            var regionBase = _rbar[n];
            if ((regionBase & mask) != 0)
            {
                if (Log.IsEnabled(LogItem.GuestErrors))
                {
                    Log.Write(LogItem.GuestErrors, string.Create(CultureInfo.InvariantCulture, $"DRBAR[{n}]: 0x{regionBase:x} misaligned to DRSR region size, mask = 0x{mask:x}"));
                }

                continue;
            }

            // The region against the page: a partial overlap makes the page non-uniform (checked before the
            // address test, since the region may cover the rest of the page but not the address).
            var regionLast = regionBase + mask;
            if (pageShift != 0 && regionBase <= page + pageMask && page <= regionLast
                && (regionBase > page || regionLast < page + pageMask))
            {
                uniform = false;
            }

            if (address < regionBase || address > regionLast)
            {
                continue;
            }

            if (bits >= 8)
            {
                var subShift = bits - 3;
                var sub = (int)((address - regionBase) >> subShift) & 7;
                if (subShift < pageShift && ((rasr >> 8) & 0xFF) != 0)
                {
                    // Subregions smaller than the page with at least one disabled: the page mixes them.
                    uniform = false;
                }

                if (((rasr >> (8 + sub)) & 1) != 0)
                {
                    continue;
                }
            }

            return RegionPermissions(n, rasr, address, privileged);
        }

        return privileged && (Ctrl & CtrlPrivdefena) != 0 ? DefaultMap(address) : MpuPermissions.None;
    }

    private static MpuPermissions RegionPermissions(int n, uint rasr, uint address, bool privileged)
    {
        var ap = (rasr >> 24) & 7;
        var p = (privileged, ap) switch
        {
            (_, 3) or (true, 1 or 2) => MpuPermissions.All,
            (_, 6 or 7) or (true, 5) or (false, 2) => MpuPermissions.Read | MpuPermissions.Execute,
            (_, 4) => BadAp(n, ap),
            _ => MpuPermissions.None,
        };
        if ((rasr & (1u << 28)) != 0 || address >= 0xE0000000)
        {
            p &= ~MpuPermissions.Execute;
        }

        return p;
    }

    private static MpuPermissions BadAp(int n, uint ap)
    {
        if (Log.IsEnabled(LogItem.GuestErrors))
        {
            Log.Write(LogItem.GuestErrors, string.Create(CultureInfo.InvariantCulture, $"DRACR[{n}]: Bad value for AP bits: 0x{ap:x}"));
        }

        return MpuPermissions.None;
    }

    private static void GuestError(int n, string format)
    {
        if (Log.IsEnabled(LogItem.GuestErrors))
        {
            Log.Write(LogItem.GuestErrors, string.Format(CultureInfo.InvariantCulture, format, n));
        }
    }

    // ---- registers (nvic_readl/nvic_writel, the v7 branches) ----

    public void WriteCtrl(uint value)
    {
        if ((value & (CtrlHfnmiena | CtrlEnable)) == CtrlHfnmiena)
        {
            LogGuestError("MPU_CTRL: HFNMIENA and !ENABLE is UNPREDICTABLE");
        }

        Ctrl = value & (CtrlEnable | CtrlHfnmiena | CtrlPrivdefena);
        OnChanged();
    }

    public void WriteRnr(uint value)
    {
        if (value >= (uint)RegionCount)
        {
            OutOfRange(value);
            return;
        }

        Rnr = value;
    }

    /// <summary>MPU_RBAR (and its aliases): with VALID, bits 3:0 select the region and update RNR.</summary>
    public void WriteRbar(uint value)
    {
        var region = Rnr;
        if ((value & RbarValid) != 0)
        {
            region = value & 0xF;
            if (region >= (uint)RegionCount)
            {
                OutOfRange(region);
                return;
            }

            Rnr = region;
        }

        if (region >= (uint)RegionCount)
        {
            return;
        }

        _rbar[region] = value & ~0x1Fu;
        OnChanged();
    }

    public uint ReadRbar() => Rnr < (uint)RegionCount ? _rbar[Rnr] | (Rnr & 0xF) : 0;

    public void WriteRasr(uint value)
    {
        if (Rnr >= (uint)RegionCount)
        {
            return;
        }

        _rasr[Rnr] = value & RasrMask;
        OnChanged();
    }

    public uint ReadRasr() => Rnr < (uint)RegionCount ? _rasr[Rnr] : 0;

    /// <summary>Restores migrated registers (values already validated by the caller's masks).</summary>
    public void Load(uint ctrl, uint rnr, ReadOnlySpan<uint> rbar, ReadOnlySpan<uint> rasr)
    {
        Ctrl = ctrl & (CtrlEnable | CtrlHfnmiena | CtrlPrivdefena);
        Rnr = rnr;
        for (var i = 0; i < RegionCount; i++)
        {
            _rbar[i] = i < rbar.Length ? rbar[i] & ~0x1Fu : 0;
            _rasr[i] = i < rasr.Length ? rasr[i] & RasrMask : 0;
        }

        OnChanged();
    }

    private void OutOfRange(uint region) =>
        LogGuestError(string.Create(CultureInfo.InvariantCulture, $"MPU region out of range {region}/{RegionCount}"));

    private static void LogGuestError(string message)
    {
        if (Log.IsEnabled(LogItem.GuestErrors))
        {
            Log.Write(LogItem.GuestErrors, message);
        }
    }

    private void OnChanged()
    {
        Generation++;
        Changed?.Invoke();
    }
}
