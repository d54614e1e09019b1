using Nemu.Arm.Exceptions;
using Nemu.Arm.Tests.Support;

namespace Nemu.Arm.Tests.Interpreter;

/// <summary>Execution of the ARMv8-M instructions that need no other piece: LDA/STL, TT's UNDEF rules, VLSTM/VLLDM.</summary>
public sealed class ThumbInterpreterV8Tests
{
    private const string M33 = "cortex-m33";

    private static TestMachine Run(string code, bool fpEnabled = false)
    {
        var m = new TestMachine(M33);
        m.LoadProgram(".thumb_func\nstart:\n" + code + "\ndone: b done\n", cpu: M33);
        if (fpEnabled)
        {
            m.Cpu.CpacrValue = 0x00F0_0000;
            m.Cpu.FpccrValue = 0; // no automatic or lazy preservation
        }

        m.RunUntilStuck();
        return m;
    }

    [Fact]
    public void LoadAcquireAndStoreReleaseMoveData()
    {
        var m = Run("""
             ldr r2, =0x20000100
             ldr r1, =0x12345678
             stl r1, [r2]
             lda r3, [r2]
             ldab r4, [r2]
             ldah r5, [r2]
             ldaex r6, [r2]
             stlex r7, r1, [r2]
             stlex r8, r1, [r2]
            """);
        Assert.Equal(0x12345678u, m.R(3));
        Assert.Equal(0x78u, m.R(4));
        Assert.Equal(0x5678u, m.R(5));
        Assert.Equal(0x12345678u, m.R(6));
        Assert.Equal(0u, m.R(7)); // the monitor was open
        Assert.Equal(1u, m.R(8)); // and is closed by the first STLEX
    }

    [Fact]
    public void LoadAcquireFaultsOnAMisalignedAddressEvenWithoutUnalignTrp()
    {
        var m = Run("""
             ldr r2, =0x20000102
             lda r3, [r2]
             movs r4, #1
            """);
        Assert.Equal(0u, m.R(4));
        Assert.NotEqual(0u, m.Nvic.Cfsr & FaultStatus.Unaligned);
    }

    [Fact]
    public void TtWithSpDestinationIsUndefined()
    {
        var m = Run("""
             ldr r2, =0x20000100
             .inst.w 0xe842fd00
             movs r4, #1
            """);
        Assert.Equal(0u, m.R(4));
        Assert.NotEqual(0u, m.Nvic.Cfsr & FaultStatus.UndefInstr);
    }

    [Fact]
    public void TtaFromNonSecureStateIsUndefined()
    {
        // The SAU makes the code from 0x1000 and the lower half of RAM (the Non-secure stack) Non-secure.
        var m = new TestMachine(M33);
        m.LoadProgram("""
            .thumb_func
            start:
             ldr r0, =0x20010000
             msr msp_ns, r0
             adr r1, ns_code
             bxns r1
            done: b done
            .ltorg
            .org 0x1000
            ns_code:
             tta r3, r2
             movs r4, #1
            ns_done: b ns_done
            """, cpu: M33);
        m.Cpu.Sau.WriteRnr(0);
        m.Cpu.Sau.WriteRbar(0x1000);
        m.Cpu.Sau.WriteRlar(0x000FFFE0 | 1);
        m.Cpu.Sau.WriteRnr(1);
        m.Cpu.Sau.WriteRbar(TestMachine.RamBase);
        m.Cpu.Sau.WriteRlar(0x2001FFE0 | 1);
        m.Cpu.Sau.WriteCtrl(Sau.CtrlEnable);
        m.RunUntilStuck();
        Assert.Equal(0u, m.R(4));
        Assert.NotEqual(0u, m.Nvic.CfsrOf(false) & FaultStatus.UndefInstr);
    }

    [Fact]
    public void VlstmAndVlldmDoNothingWithoutASecureFpContext()
    {
        var m = Run("""
             ldr r4, =0x20000100
             vlstm r4
             vlldm r4
             movs r5, #1
            """);
        Assert.Equal(1u, m.R(5));
        Assert.Equal(0u, m.Read32(0x20000100));
    }

    [Fact]
    public void VlstmStoresTheFpContextAndVlldmRestoresIt()
    {
        var m = Run("""
            .fpu fpv5-sp-d16
             vmov.f32 s0, #1.0
             vmov.f32 s15, #2.0
             mrs r0, control
             orr r0, r0, #8
             msr control, r0
             ldr r4, =0x20000100
             vlstm r4
             vmov.f32 s0, #3.0
             vlldm r4
             vmov r6, s0
             mrs r7, control
            """, fpEnabled: true);
        Assert.Equal(0x3F800000u, m.Read32(0x20000100));
        Assert.Equal(0x40000000u, m.Read32(0x2000013C));
        Assert.Equal(0x3F800000u, m.R(6));
        Assert.Equal(0xCu, m.R(7) & 0xC); // FPCA set by VLLDM, SFPA still set
    }
}
