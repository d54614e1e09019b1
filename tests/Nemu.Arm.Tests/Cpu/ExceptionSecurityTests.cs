using Nemu.Arm.Cpu;
using Nemu.Arm.Exceptions;
using Nemu.Arm.Tests.Support;

namespace Nemu.Arm.Tests.Cpu;

/// <summary>
/// ARMv8-M Security Extension exception entry and return on a Cortex-M33 (mprofile.md §2.2-§2.5, §3; §9 16, 17, 21,
/// 22, 31, 32). The exceptions used target Non-secure state with and without the banked NVIC: DebugMonitor is never
/// Secure (QEMU, mprofile.md §4.1).
/// </summary>
public sealed class ExceptionSecurityTests
{
    private const uint NsStackTop = TestMachine.StackTop, SecureStackTop = TestMachine.StackTop - 0x1_0000, NsVectors = 0x1000;

    [Theory]
    [InlineData(0xFFFFFFF8u, 0xFEFA125Bu)]
    [InlineData(0xFFFFFFE8u, 0xFEFA125Au)]
    public void IntegritySignatureBitZeroIsFtype(uint excReturn, uint signature)
    {
        var m = new TestMachine("cortex-m33");
        Assert.Equal(signature, m.Cpu.IntegritySignatureFor(excReturn));
    }

    [Fact]
    public void CalleePushWritesTheSignatureAndR4ToR11AtSpMinus0x28LeavingTheReservedWord()
    {
        var m = SecureMachine();
        for (var i = 4; i <= 11; i++)
        {
            m.Cpu.SetRegister(i, 0x11111111u * (uint)(i - 2));
        }

        m.Write32(SecureStackTop - 0x24, 0xDEADBEEF);
        m.Cpu.SetRegister(13, SecureStackTop);

        Assert.False(m.Cpu.PushCalleeStack(0xFFFFFFB8, tailChain: false, ignoreFaults: false));

        var frame = SecureStackTop - 0x28;
        Assert.Equal(frame, m.Cpu.GetRegister(13));
        Assert.Equal(0xFEFA125Bu, m.Read32(frame));
        Assert.Equal(0xDEADBEEFu, m.Read32(frame + 4));
        for (var i = 4; i <= 11; i++)
        {
            Assert.Equal(0x11111111u * (uint)(i - 2), m.Read32(frame + 8 + (4 * (uint)(i - 4))));
        }
    }

    [Fact]
    public void CalleePushBelowTheStackLimitSetsSpToTheLimitWritesNothingAndRecordsStkof()
    {
        var m = SecureMachine();
        m.Cpu.SetRegister(13, SecureStackTop);
        m.Cpu.Msplim[ArmCpu.BankS] = SecureStackTop - 0x20;
        m.Write32(SecureStackTop - 0x28, 0x12345678);

        Assert.True(m.Cpu.PushCalleeStack(0xFFFFFFB8, tailChain: false, ignoreFaults: false));

        Assert.Equal(SecureStackTop - 0x20, m.Cpu.GetRegister(13));
        Assert.Equal(0x12345678u, m.Read32(SecureStackTop - 0x28));
        Assert.Equal(ArmCpu.CfsrStkOf, m.Nvic.CfsrOf(true) & ArmCpu.CfsrStkOf);
    }

    [Fact]
    public void EntryBelowMsplimSetsSpToTheLimitWithoutWritingAndPendsStkof()
    {
        var m = SecureMachine();
        m.Cpu.SetRegister(13, SecureStackTop);
        m.Cpu.Msplim[ArmCpu.BankS] = SecureStackTop - 0x10;
        m.Write32(SecureStackTop - 0x20, 0x0BADF00D);
        m.Write32(SecureStackTop - 0x04, 0x0BADF00D);
        PendNonSecureException(m);

        m.Cpu.TakePendingException();

        Assert.Equal(SecureStackTop - 0x10, m.Cpu.SpSlot(true, threadMode: false, spsel: false));
        Assert.Equal(0x0BADF00Du, m.Read32(SecureStackTop - 0x20));
        Assert.Equal(0x0BADF00Du, m.Read32(SecureStackTop - 0x04));
        Assert.Equal(ArmCpu.CfsrStkOf, m.Nvic.CfsrOf(true) & ArmCpu.CfsrStkOf);
    }

    [Fact]
    public void SecureThreadPreemptedByANonSecureExceptionStacksTheCalleeContextAndClearsR0ToR12()
    {
        var m = SecureMachine();
        m.Cpu.SetRegister(13, SecureStackTop);
        for (var i = 0; i <= 12; i++)
        {
            m.Cpu.SetRegister(i, 0x01010101u * (uint)(i + 1));
        }

        m.Cpu.N = m.Cpu.C = true;
        PendNonSecureException(m);

        m.Cpu.TakePendingException();

        Assert.False(m.Cpu.Secure);
        Assert.Equal(ExceptionNumber.DebugMonitor, m.Cpu.Ipsr);
        // S=1, DCRS=1, FTYPE=1, MODE=1, ES=0, SPSEL = CONTROL_NS.SPSEL = 0 (§9 16).
        Assert.Equal(0xFFFFFFF8u, m.Cpu.GetRegister(14));
        for (var i = 0; i <= 12; i++)
        {
            Assert.Equal(0u, m.Cpu.GetRegister(i));
        }

        Assert.False(m.Cpu.N || m.Cpu.C);
        Assert.Equal(NsStackTop, m.Cpu.GetRegister(13));
        var callee = SecureStackTop - 0x20 - 0x28;
        Assert.Equal(callee, m.Cpu.OtherSsMsp);
        Assert.Equal(0xFEFA125Bu, m.Read32(callee));
        Assert.Equal(0x05050505u, m.Read32(callee + 8));
        Assert.Equal(0x0C0C0C0Cu, m.Read32(callee + 0x24));
        Assert.Equal(0x01010101u, m.Read32(SecureStackTop - 0x20));
    }

    [Fact]
    public void ReturnToSecureThreadPopsTheCalleeContextAndRestoresSecureState()
    {
        var m = SecureMachine();
        m.Cpu.SetRegister(13, SecureStackTop);
        for (var i = 0; i <= 12; i++)
        {
            m.Cpu.SetRegister(i, 0x01010101u * (uint)(i + 1));
        }

        var pc = m.Cpu.Pc;
        PendNonSecureException(m);
        m.Cpu.TakePendingException();
        m.Nvic.Vector(ExceptionNumber.DebugMonitor).Pending = false;

        m.Cpu.ExceptionReturn(0xFFFFFFF8);

        Assert.True(m.Cpu.Secure);
        Assert.Equal(0, m.Cpu.Ipsr);
        Assert.Equal(SecureStackTop, m.Cpu.GetRegister(13));
        Assert.Equal(pc, m.Cpu.Pc);
        for (var i = 0; i <= 12; i++)
        {
            Assert.Equal(0x01010101u * (uint)(i + 1), m.Cpu.GetRegister(i));
        }
    }

    [Fact]
    public void ReturnWithACorruptedIntegritySignatureTakesSecureFaultInvisWithoutPopping()
    {
        var m = SecureMachine();
        m.Cpu.SetRegister(13, SecureStackTop);
        PendNonSecureException(m);
        m.Cpu.TakePendingException();
        m.Nvic.Vector(ExceptionNumber.DebugMonitor).Pending = false;
        var callee = m.Cpu.OtherSsMsp;
        m.Write32(callee, 0xFEFA125A);
        m.Nvic.Vector(ExceptionNumber.SecureFault).Enabled = true;

        m.Cpu.ExceptionReturn(0xFFFFFFF8);

        Assert.Equal(ArmCpu.SfsrInvIs, m.Nvic.Sfsr & ArmCpu.SfsrInvIs);
        Assert.NotEqual(0, m.Cpu.Ipsr);
        Assert.Equal(callee, m.Cpu.SpSlot(true, threadMode: false, spsel: false));
    }

    [Fact]
    public void NonSecureHandlerReturningWithEsSetTakesSecureFaultInverAndClearsFaultmaskNs()
    {
        var m = SecureMachine();
        m.Cpu.SetRegister(13, SecureStackTop);
        PendNonSecureException(m);
        m.Cpu.TakePendingException();
        m.Nvic.Vector(ExceptionNumber.DebugMonitor).Pending = false;
        m.Cpu.Faultmask = true;

        m.Cpu.ExceptionReturn(0xFFFFFFF9);

        Assert.Equal(ArmCpu.SfsrInvEr, m.Nvic.Sfsr & ArmCpu.SfsrInvEr);
        Assert.False(m.Cpu.FaultmaskOf(false));
        Assert.False(m.Nvic.Vector(ExceptionNumber.DebugMonitor).Active);
    }

    [Fact]
    public void ReturnWithRes0Bit1SetIsAnIntegrityFailure()
    {
        var m = SecureMachine();
        m.Cpu.SetRegister(13, SecureStackTop);
        PendNonSecureException(m);
        m.Cpu.TakePendingException();
        m.Nvic.Vector(ExceptionNumber.DebugMonitor).Pending = false;

        m.Cpu.ExceptionReturn(0xFFFFFFFA);

        Assert.Equal(FaultStatus.InvPc, m.Nvic.CfsrOf(false) & FaultStatus.InvPc);
        Assert.NotEqual(0, m.Cpu.Ipsr);
    }

    // A Cortex-M33 in Secure Thread mode with the Secure stack in the lower and the Non-secure stack in the upper part of
    // RAM, the Secure vector table at 0 and the Non-secure one (all handlers "ns_handler") at NsVectors. The SAU makes
    // the Non-secure vector table and code and the upper 64 KiB of RAM Non-secure: a Non-secure exception's vector
    // must be read from Non-secure memory.
    private static TestMachine SecureMachine()
    {
        var m = new TestMachine("cortex-m33");
        m.LoadProgram($@"
.thumb_func
start:
    nop
done: b done
.org 0x{NsVectors:x}
    .word 0x{NsStackTop:x}
    .rept 47
    .word ns_handler + 1
    .endr
.thumb_func
ns_handler:
    b ns_handler
", cpu: "cortex-m33");
        m.Cpu.OtherSsMsp = NsStackTop;
        m.Nvic.VtorOf(false) = NsVectors;
        m.Cpu.Sau.WriteRnr(0);
        m.Cpu.Sau.WriteRbar(NsVectors);
        m.Cpu.Sau.WriteRlar((NsVectors + 0x3E0) | 1);
        m.Cpu.Sau.WriteRnr(1);
        m.Cpu.Sau.WriteRbar(SecureStackTop);
        m.Cpu.Sau.WriteRlar((NsStackTop - 0x20) | 1);
        m.Cpu.Sau.WriteCtrl(Sau.CtrlEnable);
        return m;
    }

    private static void PendNonSecureException(TestMachine m)
    {
        m.Nvic.Vector(ExceptionNumber.DebugMonitor).Enabled = true;
        m.Nvic.SetPending(ExceptionNumber.DebugMonitor, false);
    }
}
