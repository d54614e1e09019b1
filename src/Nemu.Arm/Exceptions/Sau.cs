// The Security Attribution Unit (Armv8-M ARM B8.2 SecurityCheck, D1.2 SAU_CTRL/SAU_TYPE/SAU_RNR/SAU_RBAR/SAU_RLAR;
// mprofile.md §5.5; QEMU 7.2 env->sau and v8m_security_lookup in target/arm/ptw.c). Holds the SAU registers and
// attributes an address by merging the SAU regions with the board's IDAU: instruction fetches from 0xF0000000 and
// above are Secure with no region information; the exempt ranges (the IDAU's, the system region for fetches, and
// the PPB windows 0xE0000000-0xE0002FFF, 0xE000E000-0xE000EFFF, 0xE002E000-0xE002EFFF, 0xE0040000-0xE0041FFF,
// 0xE00FF000-0xE00FFFFF) take the security state of the access; otherwise SAU_CTRL decides: 0 all Secure, ALLNS
// alone all Non-secure, ENABLE the regions (base RBAR & ~0x1F, limit RLAR | 0x1F, EN b0, NSC b1), where a hit in two
// regions is Secure with no valid region and no hit is Secure. The IDAU can only raise security (its Secure
// overrides an SAU Non-secure or an SAU NSC where it is not NSC itself). SubPage reports a region edge inside the
// 1 KiB page, so TLBs and decoded pages do not cache the page for the whole of it.
namespace Nemu.Arm.Exceptions;

/// <summary>SAU registers and the security lookup of one CPU.</summary>
public sealed class Sau
{
    public const uint CtrlEnable = 1, CtrlAllNs = 2;

    private const uint RlarEnable = 1, RlarNsc = 2;
    private const int PageShift = 10;

    public Sau(int regions)
    {
        Regions = regions;
        Rbar = new uint[regions];
        Rlar = new uint[regions];
    }

    /// <summary>SAU_TYPE.SREGION.</summary>
    public int Regions { get; }

    /// <summary>SAU_CTRL (ENABLE b0, ALLNS b1).</summary>
    public uint Ctrl;

    /// <summary>SAU_RNR.</summary>
    public uint Rnr;

    /// <summary>SAU_RBAR per region.</summary>
    public uint[] Rbar { get; }

    /// <summary>SAU_RLAR per region.</summary>
    public uint[] Rlar { get; }

    /// <summary>Raised after any SAU register write (the CPU flushes its TLBs).</summary>
    public Action? Changed { get; set; }

    /// <summary>Reset: SAU disabled, every region cleared.</summary>
    public void Reset()
    {
        Ctrl = Rnr = 0;
        Array.Clear(Rbar);
        Array.Clear(Rlar);
        Changed?.Invoke();
    }

    /// <summary>SAU_CTRL write (bits 1:0 kept).</summary>
    public void WriteCtrl(uint value)
    {
        Ctrl = value & 3;
        Changed?.Invoke();
    }

    /// <summary>SAU_RNR write; false (ignored) when the region does not exist.</summary>
    public bool WriteRnr(uint value)
    {
        if (value >= (uint)Regions)
        {
            return false;
        }

        Rnr = value;
        return true;
    }

    /// <summary>SAU_RBAR of the region RNR selects (0 when it does not exist).</summary>
    public uint ReadRbar() => Rnr < (uint)Regions ? Rbar[Rnr] : 0;

    /// <summary>SAU_RLAR of the region RNR selects (0 when it does not exist).</summary>
    public uint ReadRlar() => Rnr < (uint)Regions ? Rlar[Rnr] : 0;

    /// <summary>SAU_RBAR write: BADDR (bits 31:5).</summary>
    public void WriteRbar(uint value)
    {
        if (Rnr < (uint)Regions)
        {
            Rbar[Rnr] = value & ~0x1Fu;
            Changed?.Invoke();
        }
    }

    /// <summary>SAU_RLAR write: LADDR (bits 31:5), NSC b1, ENABLE b0.</summary>
    public void WriteRlar(uint value)
    {
        if (Rnr < (uint)Regions)
        {
            Rlar[Rnr] = value & ~0x1Cu;
            Changed?.Invoke();
        }
    }

    /// <summary>Restores migrated registers.</summary>
    public void Load(uint ctrl, uint rnr, ReadOnlySpan<uint> rbar, ReadOnlySpan<uint> rlar)
    {
        Ctrl = ctrl & 3;
        Rnr = rnr;
        for (var i = 0; i < Regions; i++)
        {
            Rbar[i] = i < rbar.Length ? rbar[i] & ~0x1Fu : 0;
            Rlar[i] = i < rlar.Length ? rlar[i] & ~0x1Cu : 0;
        }

        Changed?.Invoke();
    }

    /// <summary>
    /// v8m_security_lookup for <paramref name="address"/>: a fetch or a data access made by (or, for TT, targeting)
    /// the security state <paramref name="targetSecure"/>, merged with <paramref name="idau"/> when there is one.
    /// </summary>
    public SecurityAttributes Lookup(uint address, bool fetch, bool targetSecure, IIdau? idau)
    {
        var iregion = -1;
        var idauExempt = false;
        var idauNs = true;
        var idauNsc = true;
        idau?.Check(address, out iregion, out idauExempt, out idauNs, out idauNsc);

        if (fetch && (address >> 28) == 0xF)
        {
            return default;
        }

        if (idauExempt || IsExempt(address, fetch))
        {
            return new SecurityAttributes(Ns: !targetSecure, Nsc: false, SRegion: 0, SrValid: false, IRegion: 0, IrValid: false, SubPage: false);
        }

        var irValid = iregion >= 0;
        var ns = false;
        var nsc = false;
        var srValid = false;
        byte sregion = 0;
        var subPage = false;
        switch (Ctrl & 3)
        {
            case 0:
                break;
            case CtrlAllNs:
                ns = true;
                break;
            default:
                var pageBase = address & ~((1u << PageShift) - 1);
                var pageLimit = pageBase + ((1u << PageShift) - 1);
                for (var r = 0; r < Regions; r++)
                {
                    var rlar = Rlar[r];
                    if ((rlar & RlarEnable) == 0)
                    {
                        continue;
                    }

                    var regionBase = Rbar[r] & ~0x1Fu;
                    var limit = rlar | 0x1F;
                    if (regionBase <= address && limit >= address)
                    {
                        if (regionBase > pageBase || limit < pageLimit)
                        {
                            subPage = true;
                        }

                        if (srValid)
                        {
                            // A hit in two regions: Secure, not NSC, no valid region number.
                            ns = nsc = srValid = false;
                            sregion = 0;
                            break;
                        }

                        if ((rlar & RlarNsc) != 0)
                        {
                            nsc = true;
                        }
                        else
                        {
                            ns = true;
                        }

                        srValid = true;
                        sregion = (byte)r;
                    }
                    else if (limit >= regionBase && regionBase <= pageLimit && limit >= pageBase)
                    {
                        // A region elsewhere in the same page: the page's attribution is not uniform.
                        subPage = true;
                    }
                }

                break;
        }

        if (!idauNs && (ns || (!idauNsc && nsc)))
        {
            ns = false;
            nsc = idauNsc;
        }

        return new SecurityAttributes(ns, nsc, sregion, srValid, irValid ? (byte)iregion : (byte)0, irValid, subPage);
    }

    /// <summary>v8m_is_sau_exempt: the ranges whose attribution is the accessing state's.</summary>
    public static bool IsExempt(uint address, bool fetch) =>
        (fetch && address >= 0xE0000000)
        || address is (>= 0xE0000000 and <= 0xE0002FFF) or (>= 0xE000E000 and <= 0xE000EFFF) or (>= 0xE002E000 and <= 0xE002EFFF)
            or (>= 0xE0040000 and <= 0xE0041FFF) or (>= 0xE00FF000 and <= 0xE00FFFFF);
}
