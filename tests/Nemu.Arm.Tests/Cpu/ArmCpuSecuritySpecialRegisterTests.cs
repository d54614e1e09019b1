using Nemu.Arm.Cpu;
using Nemu.Arm.Exceptions;
using Nemu.Arm.Tests.Support;
using Nemu.Core.Logging;

namespace Nemu.Arm.Tests.Cpu;

/// <summary>MSPLIM/PSPLIM, the *_NS special registers, CONTROL.SFPA, stack limits, migration and -d cpu on v8-M.</summary>
public sealed class ArmCpuSecuritySpecialRegisterTests
{
    private const string M33 = "cortex-m33";
    private const uint NsCodeBase = 0x1000;

    private static TestMachine Run(string code, string cpu = M33)
    {
        var m = new TestMachine(cpu);
        m.LoadProgram(".thumb_func\nstart:\n" + code + "\ndone: b done\n", cpu: cpu);
        m.RunUntilStuck();
        return m;
    }

    // Secure code ending at "done", then Non-secure code from NsCodeBase ending at "ns_done": the SAU makes the code
    // from NsCodeBase and the lower half of RAM Non-secure.
    private static TestMachine RunWithNonSecure(string secureCode, string nonSecureCode)
    {
        var m = new TestMachine(M33);
        m.LoadProgram($".thumb_func\nstart:\n{secureCode}\ndone: b done\n.ltorg\n.org 0x{NsCodeBase:x}\n{nonSecureCode}\nns_done: b ns_done\n", cpu: M33);
        m.Cpu.Sau.WriteRnr(0);
        m.Cpu.Sau.WriteRbar(NsCodeBase);
        m.Cpu.Sau.WriteRlar((TestMachine.CodeBase + 0x10_0000 - 0x20) | 1);
        m.Cpu.Sau.WriteRnr(1);
        m.Cpu.Sau.WriteRbar(TestMachine.RamBase);
        m.Cpu.Sau.WriteRlar((TestMachine.RamBase + (TestMachine.RamSize / 2) - 0x20) | 1);
        m.Cpu.Sau.WriteCtrl(Sau.CtrlEnable);
        m.RunUntilStuck();
        return m;
    }

    [Fact]
    public void StackLimitRegistersIgnoreTheLowThreeBits()
    {
        var m = Run("""
             ldr r0, =0x20001237
             msr msplim, r0
             msr psplim, r0
             mrs r1, msplim
             mrs r2, psplim
            """);
        Assert.Equal(0x20001230u, m.R(1));
        Assert.Equal(0x20001230u, m.R(2));
        Assert.Equal(0x20001230u, m.Cpu.Msplim[ArmCpu.BankS]);
        Assert.Equal(0u, m.Cpu.Msplim[ArmCpu.BankNs]);
    }

    [Fact]
    public void NonSecureAliasesReachTheNonSecureBankFromSecureState()
    {
        var m = Run("""
             ldr r0, =0x20008000
             msr msp_ns, r0
             ldr r0, =0x20007000
             msr psp_ns, r0
             ldr r0, =0x20001000
             msr msplim_ns, r0
             movs r0, #1
             msr primask_ns, r0
             msr faultmask_ns, r0
             movs r0, #0x40
             msr basepri_ns, r0
             movs r0, #3
             msr control_ns, r0
             mrs r1, msp_ns
             mrs r2, sp_ns
             mrs r3, primask_ns
             mrs r4, control_ns
             mrs r5, primask
             mrs r6, msplim_ns
             mrs r7, basepri_ns
            """);
        Assert.Equal(0x20008000u, m.R(1));
        Assert.Equal(0x20007000u, m.R(2)); // Thread mode with CONTROL_NS.SPSEL: SP_NS is PSP_NS
        Assert.Equal(1u, m.R(3));
        Assert.Equal(3u, m.R(4));
        Assert.Equal(0u, m.R(5)); // the Secure PRIMASK is untouched
        Assert.Equal(0x20001000u, m.R(6));
        Assert.Equal(0x40u, m.R(7));
        Assert.True(m.Cpu.FaultmaskOf(false));
        Assert.False(m.Cpu.Faultmask);
    }

    [Fact]
    public void NonSecureAliasesAreRazWiFromNonSecureState()
    {
        var m = RunWithNonSecure("""
             ldr r0, =0x20008000
             msr msp_ns, r0
             adr r1, ns_code
             bxns r1
            """, """
            ns_code:
             ldr r0, =0x20004000
             msr psp_ns, r0
             mrs r2, msp_ns
             mrs r3, control_ns
            """);
        Assert.False(m.Cpu.Secure);
        Assert.Equal(0u, m.R(2));
        Assert.Equal(0u, m.R(3));
        Assert.Equal(0u, m.Cpu.Psp);
    }

    [Fact]
    public void SfpaIsWritableUnprivilegedFromSecureAndReadsInControl()
    {
        var m = Run("""
             movs r0, #1
             msr control, r0
             isb
             movs r0, #9
             msr control, r0
             mrs r1, control
            """);
        Assert.True(m.Cpu.ControlSfpa);
        Assert.Equal(9u, m.R(1)); // nPRIV stays set: the unprivileged write only changed SFPA
    }

    [Fact]
    public void SpselWriteInHandlerModeIsKeptOnV8()
    {
        var handlers = new Dictionary<int, string> { [11] = "svc_handler" };
        var m = new TestMachine(M33);
        m.LoadProgram("""
            .thumb_func
            start:
             svc #0
            done: b done
            .thumb_func
            svc_handler:
             movs r0, #2
             msr control, r0
             mrs r1, control
             b done
            """, handlers, M33);
        m.RunUntilStuck();
        Assert.Equal(2u, m.R(1));
        Assert.True(m.Cpu.IsHandlerMode);
        Assert.False(m.Cpu.UsingPsp);
    }

    [Fact]
    public void UnknownSpecialRegisterLogsQemusText()
    {
        using var capture = Log.Capture(LogItem.GuestErrors);
        Run("mrs r0, msplim\n", cpu: "cortex-m3");
        Assert.Contains("Attempt to read unknown special register 10", capture.Lines);
    }

    [Fact]
    public void SubSpBelowMsplimTakesStkofWithoutChangingSp()
    {
        var m = Run("""
             ldr r0, =0x2003ff00
             msr msplim, r0
             sub sp, #0x200
             movs r4, #1
            """);
        Assert.Equal(TestMachine.StackTop - 0x20, m.Cpu.Msp); // only the exception frame, not the SUB
        Assert.NotEqual(0u, m.Nvic.Cfsr & ArmCpu.CfsrStkOf);
        Assert.Equal(0u, m.R(4));
        Assert.True(m.Cpu.IsHandlerMode);
    }

    [Fact]
    public void PushBelowTheLimitFaultsBeforeWritingAndAboveItSucceeds()
    {
        var ok = Run("""
             ldr r0, =0x2003fff8
             msr msplim, r0
             movs r1, #5
             push {r0, r1}
             movs r4, #1
            """);
        Assert.Equal(1u, ok.R(4));
        Assert.Equal(TestMachine.StackTop - 8, ok.Cpu.Msp);
        var bad = Run("""
             ldr r0, =0x20040000
             msr msplim, r0
             movs r1, #5
             push {r0, r1}
             movs r4, #1
            """);
        Assert.Equal(0u, bad.R(4));
        Assert.Equal(0u, bad.R(4) | (bad.Read32(TestMachine.StackTop - 0x24) == 5 ? 1u : 0)); // nothing pushed below the frame
        Assert.NotEqual(0u, bad.Nvic.Cfsr & ArmCpu.CfsrStkOf);
    }

    [Fact]
    public void MovToSpAndStrWithWritebackAreChecked()
    {
        var mov = Run("""
             ldr r0, =0x20030000
             msr msplim, r0
             ldr r1, =0x20020000
             mov sp, r1
             movs r4, #1
            """);
        Assert.Equal(0u, mov.R(4));
        Assert.NotEqual(0u, mov.Nvic.Cfsr & ArmCpu.CfsrStkOf);
        var str = Run("""
             ldr r0, =0x20040000
             msr msplim, r0
             str r0, [sp, #-8]!
             movs r4, #1
            """);
        Assert.Equal(0u, str.R(4));
        Assert.NotEqual(0u, str.Nvic.Cfsr & ArmCpu.CfsrStkOf);
    }

    [Fact]
    public void MsrMspIsNotCheckedButSpNsIs()
    {
        var m = Run("""
             ldr r0, =0x20030000
             msr msplim_ns, r0
             ldr r1, =0x20020000
             msr msp_ns, r1
             movs r4, #1
             msr sp_ns, r1
             movs r5, #1
            """);
        Assert.Equal(1u, m.R(4));
        Assert.Equal(0u, m.R(5));
        Assert.NotEqual(0u, m.Nvic.CfsrOf(true) & ArmCpu.CfsrStkOf);
    }

    [Fact]
    public void V7CoresDoNotCheckStackLimits()
    {
        var m = Run("sub sp, #0x200\n movs r4, #1\n", cpu: "cortex-m4");
        Assert.Equal(1u, m.R(4));
        Assert.Equal(TestMachine.StackTop - 0x200, m.Cpu.Msp);
    }

    [Fact]
    public void SecurityStateRoundTripsThroughMigration()
    {
        var m = RunWithNonSecure("""
             ldr r0, =0x20008000
             msr msp_ns, r0
             ldr r0, =0x20001000
             msr msplim_ns, r0
             msr psplim, r0
             movs r0, #1
             msr primask, r0
             adr r1, ns_code
             bxns r1
            """, """
            ns_code:
            """);
        var saved = new ArmCpuState();
        m.Cpu.SaveState(saved);
        var bytes = ArmCpuState.Vmsd.Save(saved);
        var copy = new TestMachine(M33);
        var loaded = new ArmCpuState();
        ArmCpuState.Vmsd.Load(loaded, bytes, ArmCpuState.Vmsd.VersionId);
        copy.Cpu.LoadState(loaded);
        Assert.False(copy.Cpu.Secure);
        Assert.Equal(0x20008000u, copy.Cpu.Msp);
        Assert.Equal(TestMachine.StackTop, copy.Cpu.OtherSsMsp);
        Assert.True(copy.Cpu.PrimaskOf(true));
        Assert.False(copy.Cpu.PrimaskOf(false));
        Assert.Equal(0x20001000u, copy.Cpu.Msplim[ArmCpu.BankNs]);
        Assert.Equal(0x20001000u, copy.Cpu.Psplim[ArmCpu.BankS]);
    }

    [Fact]
    public void CpuDumpShowsTheSecurityStateOnM33Only()
    {
        var m = Run("movs r0, #0\n");
        Assert.EndsWith(" T S priv-thread", CpuStateDump.Format(m.Cpu), StringComparison.Ordinal);
        var v7 = Run("movs r0, #0\n", cpu: "cortex-m3");
        Assert.EndsWith(" T priv-thread", CpuStateDump.Format(v7.Cpu), StringComparison.Ordinal);
    }
}
