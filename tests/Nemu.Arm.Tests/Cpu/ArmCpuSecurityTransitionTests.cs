using Nemu.Arm.Cpu;
using Nemu.Arm.Exceptions;
using Nemu.Arm.Tests.Support;

namespace Nemu.Arm.Tests.Cpu;

/// <summary>
/// SG, BXNS, BLXNS and FNC_RETURN on a Cortex-M33 (QEMU 7.2 m_helper.c semantics). The SAU makes the code from
/// <see cref="NsCodeBase"/> and the lower half of RAM Non-secure, so Non-secure code can run there; the rest (the
/// Secure code, its literal pool and the Secure stack at the top of RAM) stays Secure.
/// </summary>
public sealed class ArmCpuSecurityTransitionTests
{
    private const string M33 = "cortex-m33";
    private const uint NsStackTop = TestMachine.RamBase + 0x1_0000;
    private const uint NsCodeBase = 0x1000;

    private static TestMachine Run(string code)
    {
        var m = new TestMachine(M33);
        m.LoadProgram(".thumb_func\nstart:\n" + code + "\ndone: b done\n", cpu: M33);
        m.RunUntilStuck();
        return m;
    }

    // Secure code ending at "done", then (at NsCodeBase, Non-secure) the Non-secure code ending at "ns_done".
    private static TestMachine RunWithNonSecure(string secureCode, string nonSecureCode)
    {
        var m = new TestMachine(M33);
        m.LoadProgram($".thumb_func\nstart:\n{secureCode}\ndone: b done\n.ltorg\n.org 0x{NsCodeBase:x}\n{nonSecureCode}\nns_done: b ns_done\n", cpu: M33);
        MakeNonSecure(m);
        m.RunUntilStuck();
        return m;
    }

    private static void MakeNonSecure(TestMachine m)
    {
        m.Cpu.Sau.WriteRnr(0);
        m.Cpu.Sau.WriteRbar(NsCodeBase);
        m.Cpu.Sau.WriteRlar((TestMachine.CodeBase + 0x10_0000 - 0x20) | 1);
        m.Cpu.Sau.WriteRnr(1);
        m.Cpu.Sau.WriteRbar(TestMachine.RamBase);
        m.Cpu.Sau.WriteRlar((TestMachine.RamBase + (TestMachine.RamSize / 2) - 0x20) | 1);
        m.Cpu.Sau.WriteCtrl(Sau.CtrlEnable);
    }

    [Fact]
    public void ResetStartsInSecureState()
    {
        var m = new TestMachine(M33);
        m.LoadProgram(".thumb_func\nstart:\n b start\n", cpu: M33);
        Assert.True(m.Cpu.Secure);
    }

    [Fact]
    public void BlxnsCallsNonSecureCodeAndFncReturnComesBackToSecure()
    {
        var m = RunWithNonSecure($"""
             ldr r0, =0x{NsStackTop:x}
             msr msp_ns, r0
             adr r1, ns_func
             blxns r1
             movs r5, #1
             mrs r6, msp_ns
            """, """
            ns_func:
             movs r4, #7
             mrs r7, msp_ns
             mov r8, lr
             bx lr
            """);
        Assert.True(m.Cpu.Secure);
        Assert.Equal(7u, m.R(4));
        Assert.Equal(1u, m.R(5));
        Assert.Equal(NsStackTop, m.R(6));
        Assert.Equal(0u, m.R(7)); // MSP_NS is RAZ from Non-secure state
        Assert.Equal(ArmCpu.FncReturn, m.R(8));
        Assert.Equal(TestMachine.StackTop, m.R(13)); // the 8-byte FNC_RETURN frame was popped
    }

    [Fact]
    public void BlxnsPushesTheReturnAddressAndPsrOnTheSecureStack()
    {
        var m = RunWithNonSecure("""
             adr r1, ns_func
             blxns r1
            """, """
            ns_func:
             b ns_done
            """);
        Assert.False(m.Cpu.Secure);
        var frame = m.Cpu.OtherSsMsp;
        Assert.Equal(TestMachine.StackTop - 8, frame);
        Assert.Equal(0u, m.Read32(frame + 4)); // IPSR 0, SFPA clear
        Assert.Equal(1u, m.Read32(frame) & 1); // return address with bit 0 set
    }

    [Fact]
    public void BlxnsToAnOddAddressIsAnOrdinaryCall()
    {
        var m = Run("""
             adr r1, s_func
             adds r1, #1
             blxns r1
             b done
            .align 2
            s_func:
             movs r4, #9
             bx lr
            """);
        Assert.True(m.Cpu.Secure);
        Assert.Equal(9u, m.R(4));
        Assert.Equal(TestMachine.StackTop, m.R(13));
    }

    [Fact]
    public void BxnsWithBitZeroClearSwitchesToNonSecure()
    {
        var m = RunWithNonSecure("""
             adr r1, ns_code
             bxns r1
            """, """
            ns_code:
             movs r4, #3
            """);
        Assert.False(m.Cpu.Secure);
        Assert.Equal(3u, m.R(4));
    }

    [Fact]
    public void BxnsFromNonSecureStateIsUndefined()
    {
        var m = RunWithNonSecure($"""
             ldr r0, =0x{NsStackTop:x}
             msr msp_ns, r0
             adr r1, ns_code
             bxns r1
            """, """
            ns_code:
             bxns lr
            """);
        Assert.NotEqual(0u, m.Nvic.CfsrOf(false) & FaultStatus.UndefInstr);
        Assert.True(m.Cpu.IsHandlerMode);
    }

    [Fact]
    public void FncReturnWithAnInconsistentIpsrTakesInvpcUsageFault()
    {
        // A forged FNC_RETURN frame claims Handler mode (IPSR 5) while the call was made in Thread mode.
        var m = RunWithNonSecure($$"""
             ldr r0, =0x{{NsStackTop:x}}
             msr msp_ns, r0
             adr r1, back
             adds r1, #1
             movs r2, #5
             push {r1, r2}
             adr r1, ns_code
             bxns r1
            back:
            """, """
            ns_code:
             ldr r0, =0xfeffffff
             bx r0
            """);
        // The check fails before the switch to Secure: INVPC is in the Non-secure CFSR (mprofile.md §3.5), while the
        // disabled Non-secure UsageFault escalates to the Secure HardFault the core is now in.
        Assert.NotEqual(0u, m.Nvic.CfsrOf(false) & FaultStatus.InvPc);
        Assert.True(m.Cpu.IsHandlerMode);
    }

    [Fact]
    public void SgExecutedInSecureStateIsANop()
    {
        var m = Run("""
             movs r4, #1
             sg
             movs r4, #2
            """);
        Assert.True(m.Cpu.Secure);
        Assert.Equal(2u, m.R(4));
    }

    [Fact]
    public void HandleExecuteNscRefusesAnAddressThatIsNotNonSecureCallable()
    {
        var m = RunWithNonSecure("""
             adr r1, ns_code
             bxns r1
            .align 2
            secure_sg:
             sg
            """, """
            ns_code:
             ldr r5, =secure_sg
            """);
        Assert.False(m.Cpu.Secure);
        Assert.False(m.Cpu.HandleExecuteNsc()); // Non-secure memory
        m.Cpu.SetRegister(15, m.R(5));
        Assert.False(m.Cpu.HandleExecuteNsc()); // an SG in Secure memory that is not Non-secure-callable
        Assert.False(m.Cpu.Secure);
        Assert.Equal(m.R(5), m.Cpu.Pc);
    }
}
