// The Security Attribution Unit (Armv8-M ARM B8.2, D1.2.x SAU_CTRL/SAU_TYPE/SAU_RNR/SAU_RBAR/SAU_RLAR;
// mprofile.md §5.5; QEMU env->sau and v8m_security_lookup). Holds the SAU registers.
// Not modelled yet: the lookup; it reports every address in the CPU's own security state.
namespace Nemu.Arm.Exceptions;

/// <summary>SAU registers and the security lookup of one CPU.</summary>
public sealed class Sau
{
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
    }

    /// <summary>v8m_security_lookup for <paramref name="address"/>.</summary>
    public SecurityAttributes Lookup(uint address, bool fetch, bool cpuSecure, IIdau? idau)
    {
        _ = address;
        _ = fetch;
        _ = idau;
        return new SecurityAttributes(Ns: !cpuSecure, Nsc: false, SRegion: 0, SrValid: false, IRegion: 0, IrValid: false, SubPage: false);
    }
}
