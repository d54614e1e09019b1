// The PMSAv8 lookup and registers of Pmsav8Mpu (QEMU pmsav8_mpu_lookup; mprofile.md §5.4, §9 64-65).
using Nemu.Arm.Exceptions;

namespace Nemu.Arm.Tests.Exceptions;

public sealed class Pmsav8MpuTests
{
    [Fact]
    public void AddressInTwoEnabledRegionsFaultsEvenIfBothPermit()
    {
        var mpu = Enabled(Mpu.CtrlPrivdefena);
        Region(mpu, 0, 0x20000000, 0x20000FE0, ap: 1);
        Region(mpu, 1, 0x20000800, 0x20001FE0, ap: 1);
        Assert.Equal(MpuPermissions.None, mpu.Lookup(0x20000900, true, false, 0, out _, out var region));
        Assert.Equal(-1, region);
        Assert.Equal(MpuPermissions.All, mpu.Lookup(0x20000100, true, false, 0, out _, out region));
        Assert.Equal(0, region);
    }

    [Theory]
    [InlineData(0u, MpuPermissions.All, MpuPermissions.None)]
    [InlineData(1u, MpuPermissions.All, MpuPermissions.All)]
    [InlineData(2u, MpuPermissions.Read | MpuPermissions.Execute, MpuPermissions.None)]
    [InlineData(3u, MpuPermissions.Read | MpuPermissions.Execute, MpuPermissions.Read | MpuPermissions.Execute)]
    public void AccessPermissionTable(uint ap, MpuPermissions privileged, MpuPermissions user)
    {
        var mpu = Enabled(0);
        Region(mpu, 3, 0x20000000, 0x20000FE0, ap);
        Assert.Equal(privileged, mpu.Permissions(0x20000010, true, false));
        Assert.Equal(user, mpu.Permissions(0x20000010, false, false));
    }

    [Fact]
    public void ExecuteNeverAndSystemRegionRemoveExecute()
    {
        var mpu = Enabled(0);
        Region(mpu, 0, 0x20000000, 0x20000FE0, ap: 1, xn: true);
        Region(mpu, 1, 0xE0100000, 0xE01FFFE0, ap: 1);
        Assert.Equal(MpuPermissions.ReadWrite, mpu.Permissions(0x20000000, true, false));
        Assert.Equal(MpuPermissions.ReadWrite, mpu.Permissions(0xE0100000, true, false));
    }

    [Fact]
    public void NoMatchUsesTheDefaultMapOnlyForPrivilegedWithPrivdefena()
    {
        var mpu = Enabled(0);
        Assert.Equal(MpuPermissions.None, mpu.Permissions(0x20000000, true, false));
        mpu.WriteCtrl(Mpu.CtrlEnable | Mpu.CtrlPrivdefena);
        Assert.Equal(MpuPermissions.All, mpu.Permissions(0x20000000, true, false));
        Assert.Equal(MpuPermissions.None, mpu.Permissions(0x20000000, false, false));
    }

    [Fact]
    public void PpbAndNegativePriorityWithoutHfnmienaUseTheDefaultMap()
    {
        var mpu = Enabled(0);
        Assert.Equal(MpuPermissions.ReadWrite, mpu.Permissions(0xE000ED00, false, false));
        Assert.Equal(MpuPermissions.All, mpu.Permissions(0x20000000, false, negPri: true));
        mpu.WriteCtrl(Mpu.CtrlEnable | Mpu.CtrlHfnmiena);
        Assert.Equal(MpuPermissions.None, mpu.Permissions(0x20000000, false, negPri: true));
    }

    [Fact]
    public void AliasesAddressRnrWithItsLowBitsReplaced()
    {
        var mpu = new Pmsav8Mpu(16);
        mpu.WriteRnr(6);
        mpu.WriteRbar(1, 0x11111111);
        mpu.WriteRlar(3, 0x33333333);
        mpu.WriteRbar(0, 0x66666666);
        mpu.WriteRnr(5);
        Assert.Equal(0x11111111u, mpu.ReadRbar(0));
        mpu.WriteRnr(7);
        Assert.Equal(0x33333333u, mpu.ReadRlar(0));
        mpu.WriteRnr(6);
        Assert.Equal(0x66666666u, mpu.ReadRbar(0));
        Assert.Equal(0x11111111u, mpu.ReadRbar(1));
    }

    [Fact]
    public void RegistersReadBackRawAndOutOfRangeRegionsAreIgnored()
    {
        var mpu = new Pmsav8Mpu(16);
        mpu.WriteRnr(15);
        mpu.WriteRbar(0, 0xFFFFFFFF);
        mpu.WriteRlar(0, 0xFFFFFFFF);
        mpu.WriteMair(0, 0xFFFFFFFF);
        Assert.Equal(0xFFFFFFFFu, mpu.ReadRbar(0));
        Assert.Equal(0xFFFFFFFFu, mpu.ReadRlar(0));
        Assert.Equal(0xFFFFFFFFu, mpu.Mair0);
        mpu.WriteRnr(16);
        Assert.Equal(15u, mpu.Rnr);
        mpu.WriteCtrl(0xFFFFFFFF);
        Assert.Equal(7u, mpu.Ctrl);
        Assert.Equal(0x1000u, mpu.Type);
    }

    [Fact]
    public void RegionEdgeInsideThePageIsNotUniform()
    {
        var mpu = Enabled(Mpu.CtrlPrivdefena);
        Region(mpu, 0, 0x20000000, 0x200001E0, ap: 1);
        mpu.Permissions(0x20000300, true, false, 10, out var uniform);
        Assert.False(uniform);
        mpu.Permissions(0x20000400, true, false, 10, out uniform);
        Assert.True(uniform);
    }

    private static Pmsav8Mpu Enabled(uint extra)
    {
        var mpu = new Pmsav8Mpu(16);
        mpu.WriteCtrl(Mpu.CtrlEnable | extra);
        return mpu;
    }

    private static void Region(Pmsav8Mpu mpu, uint n, uint regionBase, uint limit, uint ap, bool xn = false)
    {
        mpu.WriteRnr(n);
        mpu.WriteRbar(0, regionBase | (ap << 1) | (xn ? 1u : 0));
        mpu.WriteRlar(0, limit | 1);
    }
}
