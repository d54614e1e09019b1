// The PMSAv8 memory protection unit of Armv8-M (Armv8-M ARM B3.5, D1.2 MPU_CTRL/RNR/RBAR/RLAR/MAIR0/MAIR1;
// mprofile.md §5.1, §5.4) as QEMU 7.2 models it (target/arm/ptw.c pmsav8_mpu_lookup, hw/intc/armv7m_nvic.c MPU
// registers). One instance per security state on cores with the Security Extension. Registers are stored raw (an
// all-ones write reads back all ones, as on QEMU 7.2); RBAR_A1..A3/RLAR_A1..A3 address region (RNR & ~3) | n; a
// region out of range reads as zero and ignores writes. Lookup: every enabled region with base (RBAR & ~0x1F) <=
// address <= limit (RLAR | 0x1F) matches; two or more matches fault (unlike PMSAv7, no region wins); no match uses
// the default map for privileged accesses with PRIVDEFENA, else faults. AP: 0 RW privileged, 1 RW any, 2 RO
// privileged, 3 RO any; executable when readable and not XN and not in the system region. With the MPU off for the
// context and for the PPB the default map applies. Not modelled: the memory attributes (SH, AttrIndx, MAIR), which
// have no effect without caches; PXN (Armv8.1-M).
using System.Globalization;
using Nemu.Core.Logging;

namespace Nemu.Arm.Exceptions;

/// <summary>One PMSAv8 MPU bank: registers and the permission lookup.</summary>
public sealed class Pmsav8Mpu : IMpu
{
    private readonly uint[] _rbar;
    private readonly uint[] _rlar;

    public Pmsav8Mpu(int regionCount)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(regionCount);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(regionCount, 255);
        RegionCount = regionCount;
        _rbar = new uint[regionCount];
        _rlar = new uint[regionCount];
    }

    /// <summary>Number of regions (MPU_TYPE.DREGION).</summary>
    public int RegionCount { get; }

    /// <summary>MPU_TYPE: DREGION in bits 15:8.</summary>
    public uint Type => (uint)RegionCount << 8;

    /// <summary>MPU_CTRL (ENABLE b0, HFNMIENA b1, PRIVDEFENA b2).</summary>
    public uint Ctrl { get; private set; }

    /// <summary>MPU_RNR.</summary>
    public uint Rnr { get; private set; }

    /// <summary>MPU_MAIR0 (stored, no effect).</summary>
    public uint Mair0 { get; set; }

    /// <summary>MPU_MAIR1 (stored, no effect).</summary>
    public uint Mair1 { get; set; }

    public Action? Changed { get; set; }

    /// <summary>The stored RBAR of region <paramref name="n"/>.</summary>
    public uint RegionBase(int n) => _rbar[n];

    /// <summary>The stored RLAR of region <paramref name="n"/>.</summary>
    public uint RegionLimit(int n) => _rlar[n];

    /// <summary>Reset: MPU off, regions and MAIRs cleared.</summary>
    public void Reset()
    {
        Ctrl = Rnr = Mair0 = Mair1 = 0;
        Array.Clear(_rbar);
        Array.Clear(_rlar);
        Changed?.Invoke();
    }

    public bool AppliesTo(bool negPri) => (Ctrl & Mpu.CtrlEnable) != 0 && (!negPri || (Ctrl & Mpu.CtrlHfnmiena) != 0);

    public bool Check(uint address, MpuAccess access, bool privileged, bool negPri)
    {
        var need = access switch
        {
            MpuAccess.Read => MpuPermissions.Read,
            MpuAccess.Write => MpuPermissions.Write,
            _ => MpuPermissions.Execute,
        };
        return (Lookup(address, privileged, negPri, 0, out _, out _) & need) != 0;
    }

    public MpuPermissions Permissions(uint address, bool privileged, bool negPri) =>
        Lookup(address, privileged, negPri, 0, out _, out _);

    public MpuPermissions Permissions(uint address, bool privileged, bool negPri, int pageShift, out bool uniform) =>
        Lookup(address, privileged, negPri, pageShift, out uniform, out _);

    /// <summary>
    /// pmsav8_mpu_lookup: the permissions of <paramref name="address"/>, whether they hold for its whole
    /// 2^<paramref name="pageShift"/>-byte page, and the matching region (-1: MPU off, background map, no match or
    /// several matches), as TT reports it.
    /// </summary>
    public MpuPermissions Lookup(uint address, bool privileged, bool negPri, int pageShift, out bool uniform, out int region)
    {
        uniform = true;
        region = -1;
        if (!AppliesTo(negPri) || Mpu.IsPpb(address))
        {
            return Mpu.DefaultMap(address);
        }

        var pageMask = (1u << pageShift) - 1;
        var page = address & ~pageMask;
        var pageLast = page + pageMask;
        var hits = 0;
        for (var n = RegionCount - 1; n >= 0; n--)
        {
            var rlar = _rlar[n];
            if ((rlar & 1) == 0)
            {
                continue;
            }

            var regionBase = _rbar[n] & ~0x1Fu;
            var limit = rlar | 0x1F;
            if (address < regionBase || address > limit)
            {
                if (pageShift != 0 && limit >= regionBase && regionBase <= pageLast && limit >= page)
                {
                    uniform = false;
                }

                continue;
            }

            if (pageShift != 0 && (regionBase > page || limit < pageLast))
            {
                uniform = false;
            }

            if (++hits == 1)
            {
                region = n;
            }
        }

        if (hits > 1)
        {
            // Several regions match: always a fault, with no region reported.
            region = -1;
            return MpuPermissions.None;
        }

        if (hits == 0)
        {
            return privileged && (Ctrl & Mpu.CtrlPrivdefena) != 0 ? Mpu.DefaultMap(address) : MpuPermissions.None;
        }

        var rbar = _rbar[region];
        var ap = (rbar >> 1) & 3;
        var p = ap switch
        {
            1 => MpuPermissions.ReadWrite,
            3 => MpuPermissions.Read,
            0 => privileged ? MpuPermissions.ReadWrite : MpuPermissions.None,
            _ => privileged ? MpuPermissions.Read : MpuPermissions.None,
        };
        if (p != MpuPermissions.None && (rbar & 1) == 0 && address < 0xE0000000)
        {
            p |= MpuPermissions.Execute;
        }

        return p;
    }

    // ---- registers (nvic_readl/nvic_writel, the v8 branches) ----

    public void WriteCtrl(uint value)
    {
        if ((value & (Mpu.CtrlHfnmiena | Mpu.CtrlEnable)) == Mpu.CtrlHfnmiena)
        {
            LogGuestError("MPU_CTRL: HFNMIENA and !ENABLE is UNPREDICTABLE");
        }

        Ctrl = value & (Mpu.CtrlEnable | Mpu.CtrlHfnmiena | Mpu.CtrlPrivdefena);
        Changed?.Invoke();
    }

    public void WriteRnr(uint value)
    {
        if (value >= (uint)RegionCount)
        {
            LogGuestError(string.Create(CultureInfo.InvariantCulture, $"MPU region out of range {value}/{RegionCount}"));
            return;
        }

        Rnr = value;
    }

    /// <summary>The region RBAR/RLAR alias <paramref name="alias"/> (0-3) addresses: RNR with bits 1:0 replaced.</summary>
    public uint AliasRegion(int alias) => alias == 0 ? Rnr : (Rnr & ~3u) | (uint)alias;

    public uint ReadRbar(int alias) => AliasRegion(alias) is var r && r < (uint)RegionCount ? _rbar[r] : 0;

    public uint ReadRlar(int alias) => AliasRegion(alias) is var r && r < (uint)RegionCount ? _rlar[r] : 0;

    public void WriteRbar(int alias, uint value)
    {
        var r = AliasRegion(alias);
        if (r < (uint)RegionCount)
        {
            _rbar[r] = value;
            Changed?.Invoke();
        }
    }

    public void WriteRlar(int alias, uint value)
    {
        var r = AliasRegion(alias);
        if (r < (uint)RegionCount)
        {
            _rlar[r] = value;
            Changed?.Invoke();
        }
    }

    /// <summary>MPU_MAIR0/1 write: RES0 without regions.</summary>
    public void WriteMair(int index, uint value)
    {
        if (RegionCount == 0)
        {
            return;
        }

        if (index == 0)
        {
            Mair0 = value;
        }
        else
        {
            Mair1 = value;
        }
    }

    /// <summary>Restores migrated registers.</summary>
    public void Load(uint ctrl, uint rnr, uint mair0, uint mair1, ReadOnlySpan<uint> rbar, ReadOnlySpan<uint> rlar)
    {
        Ctrl = ctrl & (Mpu.CtrlEnable | Mpu.CtrlHfnmiena | Mpu.CtrlPrivdefena);
        Rnr = rnr;
        Mair0 = mair0;
        Mair1 = mair1;
        for (var i = 0; i < RegionCount; i++)
        {
            _rbar[i] = i < rbar.Length ? rbar[i] : 0;
            _rlar[i] = i < rlar.Length ? rlar[i] : 0;
        }

        Changed?.Invoke();
    }

    private static void LogGuestError(string message)
    {
        if (Log.IsEnabled(LogItem.GuestErrors))
        {
            Log.Write(LogItem.GuestErrors, message);
        }
    }
}
