// Unit tests of the NVIC with the ARMv8-M Security Extension (mprofile.md §4.1-§4.3; QEMU 7.2 armv7m_nvic.c
// nvic_recompute_state_secure, exc_group_prio, nvic_exec_prio, do_armv7m_nvic_set_pending, armv7m_nvic_complete_irq,
// armv7m_nvic_neg_prio_requested) on a Cortex-M33.
using Nemu.Arm.Exceptions;
using Nemu.Arm.Tests.Support;

namespace Nemu.Arm.Tests.Exceptions;

public sealed class NvicSecurityTests
{
    private const int Irq0 = ExceptionNumber.FirstExternal;

    private static (Armv7mMachine Machine, Nvic Nvic) Create()
    {
        var m = new Armv7mMachine("cortex-m33");
        m.Armv7m.Reset();
        return (m, m.Armv7m.Nvic!);
    }

    [Fact]
    public void BankedExceptionsPendTheirOwnSecurityStatesCopy()
    {
        var (m, nvic) = Create();
        using var machine = m;
        nvic.SetPending(ExceptionNumber.PendSv, secure: true);
        Assert.True(nvic.VectorOf(ExceptionNumber.PendSv, true).Pending);
        Assert.False(nvic.VectorOf(ExceptionNumber.PendSv, false).Pending);
        Assert.Equal(ExceptionNumber.PendSv, nvic.VectPending);
        Assert.True(nvic.VectPendingSecure);
        Assert.True(nvic.VectPendingTargetsSecure);
    }

    [Fact]
    public void SecureCopyWinsATieWithTheNonSecureCopy()
    {
        var (m, nvic) = Create();
        using var machine = m;
        nvic.SetPending(ExceptionNumber.SvCall, secure: false);
        nvic.SetPending(ExceptionNumber.SvCall, secure: true);
        Assert.Equal(ExceptionNumber.SvCall, nvic.Acknowledge(out var secure));
        Assert.True(secure);
        Assert.True(nvic.VectorOf(ExceptionNumber.SvCall, true).Active);
        Assert.True(nvic.VectorOf(ExceptionNumber.SvCall, false).Pending);
    }

    [Fact]
    public void PrisSquashesNonSecureGroupPrioritiesIntoTheLowerHalf()
    {
        var (m, nvic) = Create();
        using var machine = m;
        nvic.WriteSecureAircrBits(pris: true, bfhfnmins: false, sysresetreqs: false);
        Assert.Equal(0x80, nvic.GroupPriority(0x00, targetsSecure: false));
        Assert.Equal(0xA0, nvic.GroupPriority(0x40, targetsSecure: false));
        Assert.Equal(0x40, nvic.GroupPriority(0x40, targetsSecure: true));
        Assert.Equal(-1, nvic.GroupPriority(-1, targetsSecure: false));
    }

    [Fact]
    public void ActiveNonSecureIrqAtZeroRunsAtEightyWithPris()
    {
        var (m, nvic) = Create();
        using var machine = m;
        nvic.WriteSecureAircrBits(pris: true, bfhfnmins: false, sysresetreqs: false);
        nvic.SetItns(Irq0, nonSecure: true);
        nvic.Vector(Irq0).Enabled = true;
        nvic.Vector(Irq0 + 1).Enabled = true;
        nvic.Vector(Irq0 + 2).Enabled = true;
        nvic.Recompute();
        nvic.SetPriority(Irq0 + 1, false, 0x40);
        nvic.SetPriority(Irq0 + 2, false, 0x90);
        nvic.SetPending(Irq0, false);
        Assert.Equal(Irq0, nvic.Acknowledge(out var secure));
        Assert.False(secure);
        Assert.Equal(0x80, nvic.ExecutionPriority());
        nvic.SetPending(Irq0 + 2, false);
        Assert.False(nvic.CanTakePending());
        nvic.SetPending(Irq0 + 1, false);
        Assert.True(nvic.CanTakePending());
        Assert.Equal(Irq0 + 1, nvic.VectPending);
    }

    [Fact]
    public void NonSecurePrimaskOnlyRaisesToTheLimitWithPris()
    {
        var (m, nvic) = Create();
        using var machine = m;
        m.Cpu.SetPrimaskOf(false, true);
        Assert.Equal(0, nvic.ExecutionPriority());
        nvic.WriteSecureAircrBits(pris: true, bfhfnmins: false, sysresetreqs: false);
        Assert.Equal(Nvic.NsPriorityLimit, nvic.ExecutionPriority());
        m.Cpu.SetPrimaskOf(true, true);
        Assert.Equal(0, nvic.ExecutionPriority());
    }

    [Fact]
    public void FaultmaskPrioritiesFollowBfhfnmins()
    {
        var (m, nvic) = Create();
        using var machine = m;
        m.Cpu.SetFaultmaskOf(true, true);
        Assert.Equal(-1, nvic.ExecutionPriority());
        nvic.WriteSecureAircrBits(pris: false, bfhfnmins: true, sysresetreqs: false);
        Assert.Equal(-3, nvic.ExecutionPriority());
        m.Cpu.SetFaultmaskOf(true, false);
        m.Cpu.SetFaultmaskOf(false, true);
        Assert.Equal(-1, nvic.ExecutionPriority());
        nvic.WriteSecureAircrBits(pris: false, bfhfnmins: false, sysresetreqs: false);
        Assert.Equal(0, nvic.ExecutionPriority());
    }

    [Fact]
    public void InterruptsTargetSecureUnlessItnsIsSet()
    {
        var (m, nvic) = Create();
        using var machine = m;
        Assert.True(nvic.TargetsSecure(Irq0 + 5, requestedSecure: false));
        nvic.SetItns(Irq0 + 5, nonSecure: true);
        Assert.False(nvic.TargetsSecure(Irq0 + 5, requestedSecure: true));
        Assert.True(nvic.TargetsSecure(ExceptionNumber.SecureFault, false));
        Assert.True(nvic.TargetsSecure(ExceptionNumber.BusFault, false));
        Assert.False(nvic.TargetsSecure(ExceptionNumber.DebugMonitor, true));
    }

    [Fact]
    public void BfhfnminsMakesTheSecureHardFaultMinusThreeAndTheNonSecureOneTakeable()
    {
        var (m, nvic) = Create();
        using var machine = m;
        Assert.False(nvic.VectorOf(ExceptionNumber.HardFault, false).Enabled);
        Assert.Equal(-1, nvic.VectorOf(ExceptionNumber.HardFault, true).Priority);
        nvic.WriteSecureAircrBits(pris: false, bfhfnmins: true, sysresetreqs: false);
        Assert.True(nvic.VectorOf(ExceptionNumber.HardFault, false).Enabled);
        Assert.Equal(-3, nvic.VectorOf(ExceptionNumber.HardFault, true).Priority);
        Assert.False(nvic.TargetsSecure(ExceptionNumber.BusFault, false));
        Assert.False(nvic.TargetsSecure(ExceptionNumber.Nmi, false));
    }

    [Fact]
    public void DisabledFaultEscalatesToTheSecureHardFaultUnlessItTargetsNonSecureWithBfhfnmins()
    {
        var (m, nvic) = Create();
        using var machine = m;
        Assert.True(nvic.SetPending(ExceptionNumber.UsageFault, secure: false));
        Assert.True(nvic.VectorOf(ExceptionNumber.HardFault, true).Pending);
        Assert.False(nvic.VectorOf(ExceptionNumber.HardFault, false).Pending);
        Assert.Equal(FaultStatus.HfsrForced, nvic.Hfsr);

        nvic.ClearPending(ExceptionNumber.HardFault, true);
        nvic.WriteSecureAircrBits(pris: false, bfhfnmins: true, sysresetreqs: false);
        Assert.True(nvic.SetPending(ExceptionNumber.UsageFault, secure: false));
        Assert.True(nvic.VectorOf(ExceptionNumber.HardFault, false).Pending);
        Assert.False(nvic.VectorOf(ExceptionNumber.HardFault, true).Pending);
        Assert.True(nvic.SetPending(ExceptionNumber.MemManage, secure: true));
        Assert.True(nvic.VectorOf(ExceptionNumber.HardFault, true).Pending);
    }

    [Fact]
    public void EscalationWhileTheSecureHardFaultIsActiveIsLockup()
    {
        var (m, nvic) = Create();
        using var machine = m;
        nvic.SetPending(ExceptionNumber.HardFault, true);
        nvic.Acknowledge(out var _);
        Assert.Equal(-1, nvic.ExecutionPriority());
        Assert.False(nvic.SetPending(ExceptionNumber.UsageFault, secure: true));
    }

    [Fact]
    public void CompletingAnUnbankedExceptionForTheOtherStateIsAnIllegalReturn()
    {
        var (m, nvic) = Create();
        using var machine = m;
        nvic.Vector(Irq0).Enabled = true;
        nvic.SetPending(Irq0, false);
        nvic.Acknowledge(out var secure);
        Assert.True(secure);
        Assert.Equal(-1, nvic.Complete(Irq0, secure: false));
        Assert.False(nvic.Vector(Irq0).Active);

        nvic.SetPending(Irq0, false);
        nvic.Acknowledge(out var _);
        Assert.Equal(1, nvic.Complete(Irq0, secure: true));
    }

    [Fact]
    public void CompletingTheWrongBanksCopyAnswersMinusOne()
    {
        var (m, nvic) = Create();
        using var machine = m;
        nvic.SetPending(ExceptionNumber.SvCall, true);
        nvic.Acknowledge(out var _);
        Assert.Equal(-1, nvic.Complete(ExceptionNumber.SvCall, secure: false));
        Assert.Equal(1, nvic.Complete(ExceptionNumber.SvCall, secure: true));
        Assert.Equal(0, nvic.ActiveCount());
    }

    [Fact]
    public void NegativeRawPriorityDeactivatesTheHardFaultWhateverTheNumber()
    {
        var (m, nvic) = Create();
        using var machine = m;
        nvic.SetPending(ExceptionNumber.HardFault, true);
        nvic.Acknowledge(out var _);
        Assert.Equal(-1, nvic.ExceptionPriority);
        Assert.Equal(1, nvic.Complete(ExceptionNumber.SvCall, secure: true));
        Assert.False(nvic.VectorOf(ExceptionNumber.HardFault, true).Active);
    }

    [Fact]
    public void NegPriIsRequestedPerSecurityState()
    {
        var (m, nvic) = Create();
        using var machine = m;
        nvic.SetPending(ExceptionNumber.HardFault, true);
        nvic.Acknowledge(out var _);
        Assert.True(nvic.NegPriRequestedFor(true));
        Assert.False(nvic.NegPriRequestedFor(false));
        m.Cpu.SetFaultmaskOf(false, true);
        Assert.True(nvic.NegPriRequestedFor(false));
    }

    [Fact]
    public void ReadyStatusUsesTheRequestedBank()
    {
        var (m, nvic) = Create();
        using var machine = m;
        nvic.VectorOf(ExceptionNumber.MemManage, true).Enabled = true;
        nvic.Recompute();
        Assert.True(nvic.GetReadyStatus(ExceptionNumber.MemManage, true));
        Assert.False(nvic.GetReadyStatus(ExceptionNumber.MemManage, false));
        Assert.True(nvic.GetReadyStatus(ExceptionNumber.HardFault, false));
    }

    [Fact]
    public void RetToBaseCountsBothBanks()
    {
        var (m, nvic) = Create();
        using var machine = m;
        nvic.SetPriority(ExceptionNumber.SvCall, false, 0x40);
        nvic.SetPending(ExceptionNumber.SvCall, true);
        nvic.Acknowledge(out var _);
        Assert.True(nvic.RetToBase);
        nvic.SetPending(ExceptionNumber.SvCall, false);
        nvic.SetPriority(ExceptionNumber.SvCall, true, 0x80);
        nvic.Acknowledge(out var _);
        Assert.False(nvic.RetToBase);
        Assert.Equal(2, nvic.ActiveCount());
    }
}
