using Nemu.Arm.Cpu;
using Nemu.Arm.Exceptions;
using Nemu.Arm.Tests.Support;

namespace Nemu.Arm.Tests.Cpu;

/// <summary>SG, BXNS, BLXNS and FNC_RETURN on a Cortex-M33 (QEMU 7.2 m_helper.c semantics).</summary>
public sealed class ArmCpuSecurityTransitionTests
{
    private const string M33 = "cortex-m33";
    private const uint NsStackTop = TestMachine.RamBase + 0x1_0000;

    private static TestMachine Run(string code)
    {
        var m = new TestMachine(M33);
        m.LoadProgram(".thumb_func\nstart:\n" + code + "\ndone: b done\n", cpu: M33);
        m.RunUntilStuck();
        return m;
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
        var m = Run($"""
             ldr r0, =0x{NsStackTop:x}
             msr msp_ns, r0
             adr r1, ns_func
             blxns r1
             movs r5, #1
             mrs r6, msp_ns
             b done
            .align 2
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
        var m = Run("""
             adr r1, ns_func
             blxns r1
            after:
             b done
            .align 2
            ns_func:
             b ns_func
            """.Replace("b ns_func", "b done", StringComparison.Ordinal));
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
        var m = Run("""
             adr r1, ns_code
             bxns r1
            .align 2
            ns_code:
             movs r4, #3
             b done
            """);
        Assert.False(m.Cpu.Secure);
        Assert.Equal(3u, m.R(4));
    }

    [Fact]
    public void BxnsFromNonSecureStateIsUndefined()
    {
        var m = Run("""
             adr r1, ns_code
             bxns r1
            .align 2
            ns_code:
             bxns lr
             b done
            """);
        Assert.NotEqual(0u, m.Nvic.CfsrOf(false) & FaultStatus.UndefInstr);
        Assert.True(m.Cpu.IsHandlerMode);
    }

    [Fact]
    public void FncReturnWithAnInconsistentIpsrTakesInvpcUsageFault()
    {
        // A forged FNC_RETURN frame claims Handler mode (IPSR 5) while the call was made in Thread mode.
        var m = Run($$"""
             ldr r0, =0x{{NsStackTop:x}}
             msr msp_ns, r0
             adr r1, back
             adds r1, #1
             movs r2, #5
             push {r1, r2}
             adr r1, ns_code
             bxns r1
            back:
             b done
            .align 2
            ns_code:
             ldr r0, =0xfeffffff
             bx r0
            """);
        Assert.NotEqual(0u, m.Nvic.Cfsr & FaultStatus.InvPc);
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
        var m = Run("""
             adr r1, ns_code
             bxns r1
            .align 2
            ns_code:
             b done
            """);
        Assert.False(m.Cpu.Secure);
        Assert.False(m.Cpu.HandleExecuteNsc());
        Assert.False(m.Cpu.Secure);
    }
}
