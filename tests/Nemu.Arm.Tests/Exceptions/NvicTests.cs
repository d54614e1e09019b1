// Unit tests of the NVIC priority rules (mprofile.md §2.7, §3.6, §4.2-§4.3; QEMU armv7m_nvic.c): derived
// exceptions, lazy-FP escalation, ready status, negative-priority requests, the Lockup exit query and the
// bitmap bookkeeping behind VECTPENDING/RETTOBASE/ISRPENDING.
using Nemu.Arm.Cpu;
using Nemu.Arm.Exceptions;
using Nemu.Arm.Tests.Support;

namespace Nemu.Arm.Tests.Exceptions;

public sealed class NvicTests
{
    private const int Irq0 = ExceptionNumber.FirstExternal;

    private static (Armv7mMachine Machine, Nvic Nvic) Create(string cpu = "cortex-m3")
    {
        var m = new Armv7mMachine(cpu);
        return (m, m.Armv7m.Nvic!);
    }

    private static void SetMasks(ArmCpu cpu, bool primask = false, bool faultmask = false, uint basepri = 0, uint? fpccr = null)
    {
        var s = new ArmCpuState();
        cpu.SaveState(s);
        s.Primask = primask ? 1u : 0;
        s.Faultmask = faultmask ? 1u : 0;
        s.Basepri = basepri;
        if (fpccr is { } f)
        {
            s.Fpccr = f;
        }

        cpu.LoadState(s);
    }

    private static void Enable(Nvic nvic, int exc, int priority)
    {
        nvic.Vector(exc).Enabled = true;
        nvic.Recompute();
        nvic.SetPriority(exc, priority);
    }

    [Fact]
    public void DerivedDebugMonitorThatCannotPreemptIsDropped()
    {
        var (m, nvic) = Create();
        using var _ = m;
        Enable(nvic, ExceptionNumber.DebugMonitor, 0x80);
        SetMasks(m.Cpu, basepri: 0x40);
        Assert.True(nvic.SetPendingDerived(ExceptionNumber.DebugMonitor));
        Assert.False(nvic.Vector(ExceptionNumber.DebugMonitor).Pending);
        Assert.False(nvic.Vector(ExceptionNumber.HardFault).Pending);
        Assert.Equal(0u, nvic.Hfsr);
    }

    [Fact]
    public void TerminalDerivedHardFaultThatCannotBeatThePendingExceptionIsLockup()
    {
        var (m, nvic) = Create();
        using var _ = m;
        nvic.SetPending(ExceptionNumber.Nmi);
        Assert.False(nvic.SetPendingDerived(ExceptionNumber.HardFault));
        Assert.False(nvic.Vector(ExceptionNumber.HardFault).Pending);
    }

    [Fact]
    public void TerminalDerivedHardFaultDuringAnIrqEntryIsPendedAndWins()
    {
        var (m, nvic) = Create();
        using var _ = m;
        Enable(nvic, Irq0, 0x40);
        nvic.SetPending(Irq0);
        Assert.True(nvic.SetPendingDerived(ExceptionNumber.HardFault));
        Assert.Equal(ExceptionNumber.HardFault, nvic.VectPending);
        Assert.True(nvic.Vector(Irq0).Pending);
    }

    [Fact]
    public void DerivedDisabledFaultEscalatesAgainstThePreEntryPriority()
    {
        var (m, nvic) = Create();
        using var _ = m;
        Enable(nvic, Irq0, 0x40);
        nvic.SetPending(Irq0);
        Assert.True(nvic.SetPendingDerived(ExceptionNumber.MemManage));
        Assert.True(nvic.Vector(ExceptionNumber.HardFault).Pending);
        Assert.False(nvic.Vector(ExceptionNumber.MemManage).Pending);
        Assert.Equal(FaultStatus.HfsrForced, nvic.Hfsr);
    }

    [Fact]
    public void DisabledDebugMonitorEscalatesWithDebugEvtNotForced()
    {
        var (m, nvic) = Create();
        using var _ = m;
        Assert.True(nvic.SetPending(ExceptionNumber.DebugMonitor));
        Assert.True(nvic.Vector(ExceptionNumber.HardFault).Pending);
        Assert.Equal(FaultStatus.HfsrDebugEvt, nvic.Hfsr);
    }

    [Fact]
    public void DerivedEnabledFaultStaysPendingBesideTheOriginal()
    {
        var (m, nvic) = Create();
        using var _ = m;
        Enable(nvic, Irq0, 0x40);
        Enable(nvic, ExceptionNumber.MemManage, 0xC0);
        nvic.SetPending(Irq0);
        Assert.True(nvic.SetPendingDerived(ExceptionNumber.MemManage));
        Assert.Equal(Irq0, nvic.VectPending);
        Assert.True(nvic.Vector(ExceptionNumber.MemManage).Pending);
        Assert.Equal(0u, nvic.Hfsr);
    }

    [Fact]
    public void DerivedFaultUnderFaultmaskIsLockup()
    {
        var (m, nvic) = Create();
        using var _ = m;
        SetMasks(m.Cpu, faultmask: true);
        Assert.False(nvic.SetPendingDerived(ExceptionNumber.BusFault));
        Assert.False(nvic.SetPending(ExceptionNumber.UsageFault));
    }

    [Fact]
    public void LazyFpFaultEscalatesWhenItsReadyBitIsClear()
    {
        var (m, nvic) = Create("cortex-m4");
        using var _ = m;
        Enable(nvic, ExceptionNumber.MemManage, 0);
        SetMasks(m.Cpu, fpccr: 0xC000_0000 | (1 << 4));
        Assert.True(nvic.SetPendingLazyFp(ExceptionNumber.MemManage));
        Assert.True(nvic.Vector(ExceptionNumber.HardFault).Pending);
        Assert.False(nvic.Vector(ExceptionNumber.MemManage).Pending);
        Assert.Equal(FaultStatus.HfsrForced, nvic.Hfsr);
    }

    [Fact]
    public void LazyFpFaultWithItsReadyBitSetIsPendedAsItself()
    {
        var (m, nvic) = Create("cortex-m4");
        using var _ = m;
        Enable(nvic, ExceptionNumber.BusFault, 0);
        SetMasks(m.Cpu, fpccr: 0xC000_0000 | (1 << 4) | (1 << 6));
        Assert.True(nvic.SetPendingLazyFp(ExceptionNumber.BusFault));
        Assert.True(nvic.Vector(ExceptionNumber.BusFault).Pending);
        Assert.Equal(0u, nvic.Hfsr);
    }

    [Fact]
    public void LazyFpFaultThatCannotPreemptWithoutHfrdyIsLockup()
    {
        var (m, nvic) = Create("cortex-m4");
        using var _ = m;
        SetMasks(m.Cpu, faultmask: true, fpccr: 0xC000_0000);
        Assert.False(nvic.SetPendingLazyFp(ExceptionNumber.UsageFault));
    }

    [Fact]
    public void LazyFpDebugMonitorWithoutMonrdyIsIgnored()
    {
        var (m, nvic) = Create("cortex-m4");
        using var _ = m;
        SetMasks(m.Cpu, fpccr: 0xC000_0000);
        Assert.True(nvic.SetPendingLazyFp(ExceptionNumber.DebugMonitor));
        Assert.Equal(0, nvic.VectPending);
    }

    [Fact]
    public void ReadyStatusNeedsEnabledAndHigherGroupPriority()
    {
        var (m, nvic) = Create();
        using var _ = m;
        Assert.False(nvic.GetReadyStatus(ExceptionNumber.MemManage));
        Enable(nvic, ExceptionNumber.MemManage, 0x40);
        Assert.True(nvic.GetReadyStatus(ExceptionNumber.MemManage));
        SetMasks(m.Cpu, basepri: 0x40);
        Assert.False(nvic.GetReadyStatus(ExceptionNumber.MemManage));
        Assert.True(nvic.GetReadyStatus(ExceptionNumber.HardFault));
        SetMasks(m.Cpu, faultmask: true);
        Assert.False(nvic.GetReadyStatus(ExceptionNumber.HardFault));
    }

    [Fact]
    public void NegPriRequestedByFaultmaskOrActiveHardFaultOrNmi()
    {
        var (m, nvic) = Create();
        using var _ = m;
        Assert.False(nvic.NegPriRequested);
        SetMasks(m.Cpu, faultmask: true);
        Assert.True(nvic.NegPriRequested);
        SetMasks(m.Cpu);
        nvic.SetPending(ExceptionNumber.Nmi);
        nvic.Acknowledge();
        Assert.True(nvic.NegPriRequested);
        nvic.Complete(ExceptionNumber.Nmi);
        Assert.False(nvic.NegPriRequested);
    }

    [Fact]
    public void OnlyNmiCanEndAHardFaultLevelLockup()
    {
        var (m, nvic) = Create();
        using var _ = m;
        Enable(nvic, Irq0, 0);
        nvic.SetPending(Irq0);
        Assert.False(nvic.CanExitLockup);
        nvic.SetPending(ExceptionNumber.Nmi);
        Assert.True(nvic.CanExitLockup);
        nvic.Acknowledge();
        nvic.SetPending(ExceptionNumber.Nmi);
        Assert.False(nvic.CanExitLockup);
    }

    [Fact]
    public void BitmapsTrackPendingActiveAndRetToBaseThroughNesting()
    {
        var (m, nvic) = Create();
        using var _ = m;
        Enable(nvic, Irq0 + 20, 0x80);
        Enable(nvic, Irq0 + 3, 0x40);
        nvic.SetPending(Irq0 + 20);
        Assert.Equal(Irq0 + 20, nvic.VectPending);
        Assert.True(nvic.IsrPending);
        Assert.Equal(Irq0 + 20, nvic.Acknowledge());
        Assert.True(nvic.RetToBase);
        Assert.Equal(0x80, nvic.ExceptionPriority);
        nvic.SetPriority(ExceptionNumber.PendSv, 0xF0);
        nvic.SetPending(ExceptionNumber.PendSv);
        nvic.SetPending(Irq0 + 3);
        Assert.Equal(Irq0 + 3, nvic.VectPending);
        Assert.True(nvic.CanTakePending());
        nvic.Acknowledge();
        Assert.False(nvic.RetToBase);
        Assert.Equal(0x40, nvic.ExceptionPriority);
        Assert.Equal(0, nvic.Complete(Irq0 + 3));
        Assert.Equal(1, nvic.Complete(Irq0 + 20));
        Assert.Equal(-1, nvic.Complete(Irq0 + 20));
        Assert.Equal(ExceptionNumber.PendSv, nvic.VectPending);
        Assert.Equal(Nvic.NoPriority, nvic.ExceptionPriority);
        Assert.False(nvic.IsrPending);
    }

    [Fact]
    public void DisabledPendingInterruptCountsForIsrPendingButIsNotSelected()
    {
        var (m, nvic) = Create();
        using var _ = m;
        nvic.SetPending(Irq0 + 1);
        Assert.Equal(0, nvic.VectPending);
        Assert.True(nvic.IsrPending);
    }

    [Fact]
    public void RecomputeRebuildsTheBitmapsAfterDirectChanges()
    {
        var (m, nvic) = Create();
        using var _ = m;
        nvic.Vector(ExceptionNumber.SvCall).Active = true;
        nvic.Vector(ExceptionNumber.PendSv).Active = true;
        nvic.Recompute();
        Assert.Equal(2, nvic.ActiveCount());
        Assert.Equal(-1, nvic.Complete(ExceptionNumber.SysTick));
        Assert.Equal(0, nvic.Complete(ExceptionNumber.SvCall));
        Assert.Equal(1, nvic.Complete(ExceptionNumber.PendSv));
    }
}
