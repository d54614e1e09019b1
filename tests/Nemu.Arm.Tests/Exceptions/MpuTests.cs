using Nemu.Arm.Exceptions;

namespace Nemu.Arm.Tests.Exceptions;

/// <summary>The PMSAv7 lookup and registers of <see cref="Mpu"/> (mprofile.md §5.1-§5.3).</summary>
public sealed class MpuTests
{
    private const MpuPermissions Rx = MpuPermissions.Read | MpuPermissions.Execute;

    [Fact]
    public void DisabledMpuUsesTheDefaultMapWithItsExecuteNeverRegions()
    {
        var mpu = new Mpu(8);
        Assert.Equal(MpuPermissions.All, mpu.Permissions(0x20000000, privileged: false, negPri: false));
        Assert.Equal(MpuPermissions.ReadWrite, mpu.Permissions(0x40001000, false, false));
        Assert.Equal(MpuPermissions.All, mpu.Permissions(0x60000000, false, false));
        Assert.Equal(MpuPermissions.ReadWrite, mpu.Permissions(0xA0000000, false, false));
        Assert.Equal(MpuPermissions.ReadWrite, mpu.Permissions(0xE000ED00, false, false));
        Assert.False(mpu.Check(0xFFFFFFF0, MpuAccess.Execute, true, false));
    }

    [Fact]
    public void HighestNumberedMatchingRegionWins()
    {
        var mpu = Enabled(0);
        Region(mpu, 2, 0x20100000, Rasr(ap: 3, size: 15));
        Region(mpu, 5, 0x20100000, Rasr(ap: 0, size: 11));
        Assert.Equal(MpuPermissions.None, mpu.Permissions(0x20100000, true, false));
        Assert.Equal(MpuPermissions.All, mpu.Permissions(0x20101000, true, false));
    }

    [Fact]
    public void DisabledSubregionFallsThroughToLowerRegionThenBackground()
    {
        var mpu = Enabled(Mpu.CtrlPrivdefena);
        Region(mpu, 1, 0x20000000, Rasr(ap: 6, size: 21));
        Region(mpu, 7, 0x20120000, Rasr(ap: 0, size: 10, srd: 0x0F));
        Assert.Equal(Rx, mpu.Permissions(0x20120000, true, false));
        Assert.Equal(MpuPermissions.None, mpu.Permissions(0x20120400, true, false));

        Region(mpu, 1, 0, 0);
        Assert.Equal(MpuPermissions.All, mpu.Permissions(0x20120000, true, false));
        Assert.Equal(MpuPermissions.None, mpu.Permissions(0x20120000, false, false));
    }

    [Fact]
    public void SubregionBitsAreIgnoredBelow256Bytes()
    {
        var mpu = Enabled(Mpu.CtrlPrivdefena);
        Region(mpu, 6, 0x20130000, Rasr(ap: 0, size: 6, srd: 0xFF));
        Assert.Equal(MpuPermissions.None, mpu.Permissions(0x20130000, true, false));
        Assert.Equal(MpuPermissions.All, mpu.Permissions(0x20130080, true, false));
    }

    [Theory]
    [InlineData(0u, MpuPermissions.None, MpuPermissions.None)]
    [InlineData(1u, MpuPermissions.All, MpuPermissions.None)]
    [InlineData(2u, MpuPermissions.All, Rx)]
    [InlineData(3u, MpuPermissions.All, MpuPermissions.All)]
    [InlineData(4u, MpuPermissions.None, MpuPermissions.None)]
    [InlineData(5u, Rx, MpuPermissions.None)]
    [InlineData(6u, Rx, Rx)]
    [InlineData(7u, Rx, Rx)]
    public void AccessPermissionTable(uint ap, MpuPermissions privileged, MpuPermissions user)
    {
        var mpu = Enabled(0);
        Region(mpu, 0, 0x20000000, Rasr(ap, size: 11));
        Assert.Equal(privileged, mpu.Permissions(0x20000010, true, false));
        Assert.Equal(user, mpu.Permissions(0x20000010, false, false));
    }

    [Fact]
    public void ExecuteNeverRegionAndSystemRegionRemoveExecute()
    {
        var mpu = Enabled(0);
        Region(mpu, 0, 0x20000000, Rasr(ap: 3, size: 11, xn: true));
        Region(mpu, 1, 0xE0000000, Rasr(ap: 3, size: 28));
        Assert.Equal(MpuPermissions.ReadWrite, mpu.Permissions(0x20000000, true, false));
        Assert.Equal(MpuPermissions.ReadWrite, mpu.Permissions(0xE0100000, true, false));
    }

    [Fact]
    public void PpbAlwaysUsesTheDefaultMap()
    {
        var mpu = Enabled(0);
        Region(mpu, 7, 0xE0000000, Rasr(ap: 0, size: 28));
        Assert.Equal(MpuPermissions.ReadWrite, mpu.Permissions(0xE000ED94, true, false));
        Assert.Equal(MpuPermissions.None, mpu.Permissions(0xE0100000, true, false));
    }

    [Fact]
    public void NoMatchFaultsUnlessPrivilegedWithPrivdefena()
    {
        var mpu = Enabled(0);
        Assert.Equal(MpuPermissions.None, mpu.Permissions(0x20000000, true, false));
        mpu.WriteCtrl(Mpu.CtrlEnable | Mpu.CtrlPrivdefena);
        Assert.Equal(MpuPermissions.All, mpu.Permissions(0x20000000, true, false));
        Assert.Equal(MpuPermissions.None, mpu.Permissions(0x20000000, false, false));
    }

    [Fact]
    public void NegativePriorityBypassesTheMpuUnlessHfnmiena()
    {
        var mpu = Enabled(0);
        Assert.True(mpu.Check(0x20000000, MpuAccess.Write, true, negPri: true));
        mpu.WriteCtrl(Mpu.CtrlEnable | Mpu.CtrlHfnmiena);
        Assert.False(mpu.Check(0x20000000, MpuAccess.Write, true, negPri: true));
    }

    [Fact]
    public void HfnmienaWithoutEnableLeavesTheMpuOff()
    {
        var mpu = new Mpu(8);
        mpu.WriteCtrl(Mpu.CtrlHfnmiena);
        Assert.Equal(Mpu.CtrlHfnmiena, mpu.Ctrl);
        Assert.False(mpu.AppliesTo(false));
        Assert.False(mpu.AppliesTo(true));
    }

    [Fact]
    public void SizeZeroAndMisalignedBaseDisableTheRegionButSmallSizesWork()
    {
        var mpu = Enabled(Mpu.CtrlPrivdefena);
        Region(mpu, 5, 0x20000000, Rasr(ap: 0, size: 0));
        Region(mpu, 6, 0x20150100, Rasr(ap: 0, size: 11));
        Region(mpu, 7, 0x20140000, Rasr(ap: 0, size: 2));
        Assert.Equal(MpuPermissions.All, mpu.Permissions(0x20000000, true, false));
        Assert.Equal(MpuPermissions.All, mpu.Permissions(0x20150100, true, false));
        Assert.Equal(MpuPermissions.None, mpu.Permissions(0x20140007, true, false));
        Assert.Equal(MpuPermissions.All, mpu.Permissions(0x20140008, true, false));
    }

    [Fact]
    public void RegionFullyCoveringThePageIsUniform()
    {
        var mpu = Enabled(Mpu.CtrlPrivdefena);
        Region(mpu, 0, 0x20000000, Rasr(ap: 3, size: 15));
        mpu.Permissions(0x20000400, true, false, 10, out var uniform);
        Assert.True(uniform);
    }

    [Theory]
    [InlineData(0x20000000u, 8u, 0u)]
    [InlineData(0x20000100u, 7u, 0u)]
    [InlineData(0x20000000u, 11u, 0x01u)]
    public void SubPageRegionsAndSubregionsAreNotUniform(uint regionBase, uint size, uint srd)
    {
        var mpu = Enabled(Mpu.CtrlPrivdefena);
        Region(mpu, 3, regionBase, Rasr(ap: 0, size: size, srd: srd));
        mpu.Permissions(0x200003F0, true, false, 10, out var uniform);
        Assert.False(uniform);
    }

    [Fact]
    public void RegisterReadBackMatchesQemu()
    {
        var mpu = new Mpu(8);
        Assert.Equal(0x800u, mpu.Type);
        mpu.WriteCtrl(0xFFFFFFFF);
        Assert.Equal(7u, mpu.Ctrl);
        mpu.WriteRnr(5);
        mpu.WriteRnr(0xFFFFFFFF);
        Assert.Equal(5u, mpu.Rnr);
        mpu.WriteRnr(7);
        mpu.WriteRbar(0xFFFFFFFF);
        Assert.Equal(7u, mpu.ReadRbar());
        mpu.WriteRbar(0xFFFFFFEF);
        Assert.Equal(0xFFFFFFE7u, mpu.ReadRbar());
        mpu.WriteRasr(0xFFFFFFFF);
        Assert.Equal(0x173FFF3Fu, mpu.ReadRasr());
        mpu.WriteRbar(0x20100013);
        Assert.Equal(3u, mpu.Rnr);
        Assert.Equal(0x20100003u, mpu.ReadRbar());
    }

    [Fact]
    public void NoRegionsOnCortexM0()
    {
        var mpu = new Mpu(0);
        Assert.Equal(0u, mpu.Type);
        mpu.WriteRbar(0x20000010);
        Assert.Equal(0u, mpu.ReadRbar());
        Assert.Equal(0u, mpu.ReadRasr());
    }

    [Fact]
    public void RegisterWritesBumpTheGenerationAndNotify()
    {
        var mpu = new Mpu(8);
        var notified = 0;
        mpu.Changed = () => notified++;
        var before = mpu.Generation;
        mpu.WriteRasr(1);
        mpu.WriteCtrl(1);
        Assert.Equal(2, notified);
        Assert.Equal(before + 2, mpu.Generation);
    }

    private static Mpu Enabled(uint extra)
    {
        var mpu = new Mpu(8);
        mpu.WriteCtrl(Mpu.CtrlEnable | extra);
        return mpu;
    }

    private static void Region(Mpu mpu, uint n, uint regionBase, uint rasr)
    {
        mpu.WriteRnr(n);
        mpu.WriteRbar(regionBase);
        mpu.WriteRasr(rasr);
    }

    private static uint Rasr(uint ap, uint size, uint srd = 0, bool xn = false) =>
        (xn ? 1u << 28 : 0) | (ap << 24) | (srd << 8) | (size << 1) | 1;
}
