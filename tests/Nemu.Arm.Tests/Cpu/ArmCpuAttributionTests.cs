// Security attribution of Armv8-M CPU accesses (ArmCpu.Attribution.cs, ArmCpu.MemoryV8.cs, ArmCpu.Mpu.cs;
// mprofile.md §5.4-§5.6, plan §3.7): data AUVIOL with the architectural SFAR, Non-secure attributes for Secure
// accesses to Non-secure memory, per-state TLB contexts that survive transitions, SAU writes flushing both, RAM
// behind an IOMMU cached per state, MemManage in the faulting state's bank, fetch INVTRAN/INVEP and TT fields.
using Nemu.Arm.Exceptions;
using Nemu.Arm.Tests.Support;
using Nemu.Core;
using Nemu.Memory;

namespace Nemu.Arm.Tests.Cpu;

public sealed class ArmCpuAttributionTests
{
    [Fact]
    public void NonSecureLoadFromSecureMemoryRaisesAuviolWithSfar()
    {
        var m = Machine();
        NsRegion(m, 0, 0x20000000, 0x2000FFE0);
        m.Cpu.SwitchSecurityState(false);

        Assert.True(m.Cpu.Load(0x20000100, 4, out _));
        Assert.False(m.Cpu.Load(0x00000104, 4, out _));
        Assert.Equal(ArmCpuAttributionSfsr.AuViol | ArmCpuAttributionSfsr.SfarValid, m.Nvic.Sfsr);
        Assert.Equal(0x104u, m.Nvic.Sfar);
    }

    [Fact]
    public void SecureAccessToNonSecureMemoryUsesNonSecureAttributes()
    {
        var m = Machine();
        var probe = new AttrsProbe();
        m.Root.AddSubregion(0x40000000, MemoryRegion.CreateIo("probe", 0x2000, probe));
        NsRegion(m, 0, 0x40000000, 0x40000FE0);

        Assert.True(m.Cpu.Load(0x40000010, 4, out _));
        Assert.True(m.Cpu.Load(0x40001010, 4, out _));
        Assert.Equal([false, true], probe.Secure);
    }

    [Fact]
    public void SecurityTransitionsKeepEachStatesTlb()
    {
        var m = Machine();
        NsRegion(m, 0, 0x20000000, 0x2000FFE0);
        var sTlb = m.Cpu.TlbFor(secure: true, privileged: true, negPri: false);
        var nsTlb = m.Cpu.TlbFor(secure: false, privileged: true, negPri: false);
        Assert.NotSame(sTlb, nsTlb);

        Assert.True(m.Cpu.Load(0x00000100, 4, out _));
        var sFills = sTlb.FillCount;
        m.Cpu.SwitchSecurityState(false);
        Assert.True(m.Cpu.Load(0x20000100, 4, out _));
        m.Cpu.SwitchSecurityState(true);
        Assert.True(m.Cpu.Load(0x00000100, 4, out _));
        Assert.Equal(sFills, sTlb.FillCount);
        Assert.Equal(1, nsTlb.FillCount);
    }

    [Fact]
    public void SauWriteFlushesBothStatesTlbs()
    {
        var m = Machine();
        NsRegion(m, 0, 0x20000000, 0x2000FFE0);
        Assert.True(m.Cpu.Load(0x20000100, 4, out _));
        var tlb = m.Cpu.TlbFor(secure: true, privileged: true, negPri: false);
        Assert.True(tlb.TryRead(0x20000100, 4, out _));

        m.Cpu.Sau.WriteCtrl(0);
        Assert.False(tlb.TryRead(0x20000100, 4, out _));
    }

    [Fact]
    public void RamBehindAnIommuIsCachedForTheStateItAdmits()
    {
        var m = Machine();
        var ram = MemoryRegion.CreateRam("ssram", 0x40000);
        var target = new AddressSpace(m.System, "downstream", ram);
        m.Root.AddSubregion(0x30000000, MemoryRegion.CreateIommu("mpc", 0x40000, new SecureOnlyIommu(target)));
        target.Write(new GuestAddress(0x40), 0x12345678, 4, default);
        NsRegion(m, 0, 0x30000000, 0x3003FFE0);
        m.Cpu.Sau.WriteCtrl(0);

        Assert.True(m.Cpu.Load(0x30000040, 4, out var v));
        Assert.Equal(0x12345678u, v);
        Assert.True(m.Cpu.TlbFor(secure: true, privileged: true, negPri: false).TryRead(0x30000040, 4, out _));

        m.Cpu.Sau.WriteCtrl(Sau.CtrlEnable);
        m.Cpu.SwitchSecurityState(false);
        Assert.False(m.Cpu.Load(0x30000040, 4, out _));
        Assert.False(m.Cpu.TlbFor(secure: false, privileged: true, negPri: false).TryRead(0x30000040, 4, out _));
    }

    [Fact]
    public void MemManageGoesToTheBankOfTheFaultingState()
    {
        var m = Machine();
        NsRegion(m, 0, 0x20000000, 0x2000FFE0);
        m.Cpu.Pmsav8Of(secure: false).WriteCtrl(Mpu.CtrlEnable);
        Assert.True(m.Cpu.Load(0x20000100, 4, out _));

        m.Cpu.SwitchSecurityState(false);
        Assert.False(m.Cpu.Load(0x20000200, 4, out _));
        Assert.Equal(FaultStatus.DaccViol | FaultStatus.MmarValid, m.Nvic.CfsrOf(false) & 0xFF);
        Assert.Equal(0x20000200u, m.Nvic.MmfarOf(false));
        Assert.Equal(0u, m.Nvic.CfsrOf(true) & 0xFF);
    }

    [Fact]
    public void SecureBranchToNonSecureMemoryRaisesInvtran()
    {
        var m = new TestMachine("cortex-m33");
        m.LoadProgram(@"
.thumb_func
start:
    ldr r0, =0x20000001
    bx r0
", cpu: "cortex-m33");
        NsRegion(m, 0, 0x20000000, 0x2000FFE0);
        m.Cpu.RunSlice(3);
        Assert.Equal(ArmCpuAttributionSfsr.InvTran, m.Nvic.Sfsr & 0xFF);
    }

    [Fact]
    public void NonSecureFetchFromSecureOrNscMemoryWithoutSgRaisesInvep()
    {
        var m = new TestMachine("cortex-m33");
        m.LoadProgram(@"
.thumb_func
start:
    b start
", cpu: "cortex-m33");
        m.Cpu.Sau.WriteRnr(0);
        m.Cpu.Sau.WriteRbar(0);
        m.Cpu.Sau.WriteRlar(0x3E0 | 3);
        m.Cpu.Sau.WriteCtrl(Sau.CtrlEnable);
        m.Cpu.SwitchSecurityState(false);
        m.Cpu.RunSlice(1);
        Assert.Equal(ArmCpuAttributionSfsr.InvEp, m.Nvic.Sfsr & 0xFF);
    }

    [Fact]
    public void TransitionsDoNotChangeEitherStatesFetchStamp()
    {
        var m = Machine();
        var secureStamp = m.Cpu.FetchStamp;
        m.Cpu.SwitchSecurityState(false);
        var nsStamp = m.Cpu.FetchStamp;
        m.Cpu.SwitchSecurityState(true);
        Assert.Equal(secureStamp, m.Cpu.FetchStamp);
        m.Cpu.SwitchSecurityState(false);
        Assert.Equal(nsStamp, m.Cpu.FetchStamp);

        m.Cpu.Sau.WriteCtrl(Sau.CtrlAllNs);
        Assert.NotEqual(nsStamp, m.Cpu.FetchStamp);
    }

    [Fact]
    public void TtReportsMpuAndSauFieldsForASecureCaller()
    {
        var m = Machine();
        NsRegion(m, 3, 0x20000000, 0x2000FFE0);
        var mpu = m.Cpu.Pmsav8Of(secure: true);
        mpu.WriteRnr(5);
        mpu.WriteRbar(0, 0x20000000 | (1 << 1));
        mpu.WriteRlar(0, 0x20000FE0 | 1);
        mpu.WriteCtrl(Mpu.CtrlEnable | Mpu.CtrlPrivdefena);

        // MREGION 5, SREGION 3, MRVALID, SRVALID, R, RW, NSR, NSRW; S clear.
        Assert.Equal(0x003F0305u, m.Cpu.TtLookup(0x20000010, secure: true, unprivileged: false, alt: false));

        // Background region (no MPU region, PRIVDEFENA): MRVALID clear; Secure memory: S set, no SAU region.
        Assert.Equal(0x004C0000u, m.Cpu.TtLookup(0x00000010, secure: true, unprivileged: false, alt: false));

        // TTT: unprivileged, so the background region gives nothing.
        Assert.Equal(0x00400000u, m.Cpu.TtLookup(0x00000010, secure: true, unprivileged: true, alt: false));
    }

    [Fact]
    public void TtFromNonSecureReportsNoSecurityFields()
    {
        var m = Machine();
        NsRegion(m, 3, 0x20000000, 0x2000FFE0);
        m.Cpu.SwitchSecurityState(false);
        Assert.Equal(0x000C0000u, m.Cpu.TtLookup(0x00000010, secure: false, unprivileged: false, alt: false));
    }

    [Fact]
    public void AttributionStateRoundTrips()
    {
        var m = Machine();
        NsRegion(m, 2, 0x20000000, 0x2000FFE0);
        m.Cpu.Pmsav8Of(true).WriteRnr(9);
        m.Cpu.Pmsav8Of(true).WriteRbar(0, 0xABCDEF01);
        m.Cpu.Pmsav8Of(false).WriteMair(1, 0x44);
        var s = new Nemu.Arm.Cpu.ArmCpuAttributionState();
        m.Cpu.SaveAttributionState(s);
        var bytes = Nemu.Arm.Cpu.ArmCpuAttributionState.Vmsd.Save(s);

        var copy = Machine();
        var loaded = new Nemu.Arm.Cpu.ArmCpuAttributionState();
        Nemu.Arm.Cpu.ArmCpuAttributionState.Vmsd.Load(loaded, bytes, 1);
        copy.Cpu.LoadAttributionState(loaded);
        Assert.Equal(Sau.CtrlEnable, copy.Cpu.Sau.Ctrl);
        Assert.Equal(0x2000FFE1u, copy.Cpu.Sau.Rlar[2]);
        Assert.Equal(0xABCDEF01u, copy.Cpu.Pmsav8Of(true).RegionBase(9));
        Assert.Equal(0x44u, copy.Cpu.Pmsav8Of(false).Mair1);
    }

    private static TestMachine Machine()
    {
        var m = new TestMachine("cortex-m33");
        m.LoadProgram(".thumb_func\nstart: b start\n", cpu: "cortex-m33");
        return m;
    }

    private static void NsRegion(TestMachine m, uint n, uint regionBase, uint limit)
    {
        m.Cpu.Sau.WriteRnr(n);
        m.Cpu.Sau.WriteRbar(regionBase);
        m.Cpu.Sau.WriteRlar(limit | 1);
        m.Cpu.Sau.WriteCtrl(Sau.CtrlEnable);
    }

    private static class ArmCpuAttributionSfsr
    {
        public const uint InvEp = 1, AuViol = 8, InvTran = 0x10, SfarValid = 0x40;
    }

    private sealed class AttrsProbe : IMemoryRegionOps
    {
        public List<bool> Secure { get; } = [];

        public AccessConstraints Constraints { get; } = AccessConstraints.Default;

        public MemTxResult Read(ulong offset, uint size, MemTxAttrs attrs, out ulong value)
        {
            Secure.Add(attrs.Secure);
            value = 0;
            return MemTxResult.Ok;
        }

        public MemTxResult Write(ulong offset, ulong value, uint size, MemTxAttrs attrs) => MemTxResult.Ok;
    }

    // A TZ-MPC-like IOMMU: Secure accesses (iommu index 0) reach the target, Non-secure ones (1) are refused.
    private sealed class SecureOnlyIommu(AddressSpace target) : IIommuOps
    {
        public int NumIndexes => 2;

        public int AttrsToIndex(MemTxAttrs attrs) => attrs.Secure ? 0 : 1;

        public IommuTlbEntry Translate(ulong offset, IommuAccess access, int iommuIndex) =>
            new(iommuIndex == 0 ? target : null, offset, offset, 0x3FF, iommuIndex == 0 ? IommuAccess.ReadWrite : IommuAccess.None);
    }
}
