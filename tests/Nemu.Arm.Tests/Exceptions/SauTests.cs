// The SAU/IDAU attribution (Sau.Lookup, QEMU v8m_security_lookup; mprofile.md §5.5) and the SAU register masks.
using Nemu.Arm.Exceptions;

namespace Nemu.Arm.Tests.Exceptions;

public sealed class SauTests
{
    [Fact]
    public void DisabledSauMakesEveryAddressSecure()
    {
        var sau = new Sau(8);
        var a = sau.Lookup(0x00200000, fetch: false, targetSecure: true, idau: null);
        Assert.False(a.Ns);
        Assert.False(a.Nsc);
        Assert.False(a.SrValid);
    }

    [Fact]
    public void AllNsWithoutEnableMakesIdauNonSecureRegionsNonSecure()
    {
        var sau = new Sau(8);
        sau.WriteCtrl(Sau.CtrlAllNs);
        var idau = new BitTwentyEightIdau();
        Assert.True(sau.Lookup(0x00200000, false, true, idau).Ns);
        Assert.False(sau.Lookup(0x10000000, false, true, idau).Ns);
        Assert.True(sau.Lookup(0x10000000, false, true, null).Ns);
    }

    [Fact]
    public void EnabledRegionsGiveNsOrNscWithTheirRegionNumber()
    {
        var sau = Enabled((0x00200000, 0x003FFFE0, false), (0x10100000, 0x10100FE0, true));
        var ns = sau.Lookup(0x00300000, false, true, null);
        Assert.True(ns.Ns);
        Assert.True(ns.SrValid);
        Assert.Equal(0, ns.SRegion);
        var nsc = sau.Lookup(0x10100010, false, true, null);
        Assert.False(nsc.Ns);
        Assert.True(nsc.Nsc);
        Assert.Equal(1, nsc.SRegion);
        Assert.False(sau.Lookup(0x00400000, false, true, null).SrValid);
    }

    [Fact]
    public void OverlappingRegionsAreSecureWithNoValidRegion()
    {
        var sau = Enabled((0x20000000, 0x20000FE0, false), (0x20000800, 0x20001FE0, false));
        var a = sau.Lookup(0x20000900, false, true, null);
        Assert.False(a.Ns);
        Assert.False(a.Nsc);
        Assert.False(a.SrValid);
        Assert.Equal(0, a.SRegion);
        Assert.True(sau.Lookup(0x20000100, false, true, null).Ns);
    }

    [Fact]
    public void IdauSecureOverridesSauNonSecureAndNscOnlyWhereIdauIsNsc()
    {
        var sau = Enabled((0x10000000, 0x1000FFE0, false), (0x10100000, 0x101000E0, true), (0x00000000, 0x0000FFE0, false));
        var idau = new BitTwentyEightIdau();
        var sauNs = sau.Lookup(0x10000100, false, true, idau);
        Assert.False(sauNs.Ns);
        Assert.False(sauNs.Nsc);
        Assert.True(sauNs.IrValid);
        Assert.Equal(1, sauNs.IRegion);
        Assert.False(sau.Lookup(0x10100000, false, true, idau).Nsc);
        Assert.True(sau.Lookup(0x00000100, false, true, idau).Ns);

        idau.CodeNsc = true;
        Assert.True(sau.Lookup(0x10000100, false, true, idau).Nsc);
        Assert.True(sau.Lookup(0x10100000, false, true, idau).Nsc);
        Assert.False(sau.Lookup(0x10200000, false, true, idau).Nsc);
    }

    [Theory]
    [InlineData(0xE0000000u, false)]
    [InlineData(0xE000ED00u, false)]
    [InlineData(0xE002ED00u, false)]
    [InlineData(0xE0040000u, false)]
    [InlineData(0xE00FF000u, false)]
    [InlineData(0xE0100000u, true)]
    public void ExemptRangesTakeTheAccessingState(uint address, bool fetchOnly)
    {
        var sau = new Sau(8);
        Assert.Equal(!fetchOnly, sau.Lookup(address, fetch: false, targetSecure: false, idau: null).Ns);
        Assert.True(sau.Lookup(address, fetch: true, targetSecure: false, idau: null).Ns || address >= 0xF0000000);
        Assert.False(sau.Lookup(address, fetch: false, targetSecure: true, idau: null).Ns);
    }

    [Fact]
    public void FetchesFromTheTopSixteenthAreAlwaysSecure()
    {
        var sau = new Sau(8);
        sau.WriteCtrl(Sau.CtrlAllNs);
        Assert.False(sau.Lookup(0xF0000000, fetch: true, targetSecure: false, idau: null).Ns);
        Assert.True(sau.Lookup(0xF0000000, fetch: false, targetSecure: false, idau: null).Ns);
    }

    [Fact]
    public void RegionEdgeInsideThePageMakesItSubPage()
    {
        var sau = Enabled((0x10100000, 0x101000E0, true));
        Assert.True(sau.Lookup(0x10100010, false, true, null).SubPage);
        Assert.True(sau.Lookup(0x10100200, false, true, null).SubPage);
        Assert.False(sau.Lookup(0x10100400, false, true, null).SubPage);
    }

    [Fact]
    public void RegisterWritesKeepTheArchitecturalBits()
    {
        var sau = new Sau(8);
        var changes = 0;
        sau.Changed = () => changes++;
        sau.WriteCtrl(0xFFFFFFFF);
        Assert.Equal(3u, sau.Ctrl);
        Assert.False(sau.WriteRnr(8));
        Assert.True(sau.WriteRnr(7));
        sau.WriteRbar(0xFFFFFFFF);
        sau.WriteRlar(0xFFFFFFFF);
        Assert.Equal(0xFFFFFFE0u, sau.ReadRbar());
        Assert.Equal(0xFFFFFFE3u, sau.ReadRlar());
        Assert.Equal(3, changes);
    }

    private static Sau Enabled(params (uint Base, uint Limit, bool Nsc)[] regions)
    {
        var sau = new Sau(8);
        for (var i = 0; i < regions.Length; i++)
        {
            sau.WriteRnr((uint)i);
            sau.WriteRbar(regions[i].Base);
            sau.WriteRlar(regions[i].Limit | (regions[i].Nsc ? 2u : 0) | 1);
        }

        sau.WriteCtrl(Sau.CtrlEnable);
        return sau;
    }

    // The SSE-200 rule (armsse_idau_check): region = address bits 31:28, odd regions Secure, NSC by NSCCFG.
    private sealed class BitTwentyEightIdau : IIdau
    {
        public bool CodeNsc { get; set; }

        public void Check(uint address, out int iregion, out bool exempt, out bool ns, out bool nsc)
        {
            var region = (int)(address >> 28);
            iregion = region;
            exempt = (address & 0xEFF00000) == 0xE0000000;
            ns = (region & 1) == 0;
            nsc = region == 1 && CodeNsc;
        }
    }
}
