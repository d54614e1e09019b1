namespace Nemu.Cli.Tests.Mprofile;

/// <summary>
/// mprofile.md §9 behaviours of the NVIC/SCB with the ARMv8-M Security Extension (47 PRIS, 49 BFHFNMINS, 50 ITNS,
/// 56 the 0xE002E000 alias, 57 banked SysTick) and the v8-M SCS register dump (b92, QEMU 7.2's regdump of
/// /work/notes/issue5-ref as firmware, with -d guest_errors), each a Secure image of tests/firmware/mprofile with the
/// tz/ kit run on qemu-system-arm 7.2 and on Nemu (<see cref="SecurityConformance"/>), asserting the expected values.
/// </summary>
public sealed class NvicSecurityConformanceTests
{
    [Fact]
    public void B47_PrisSquashesNonSecurePrioritiesAndLimitsPrimaskNs()
    {
        SecurityConformance.Check("b47_pris", MprofileVariant.M33, null, output =>
        {
            Assert.Contains("b47 aircr=fa054000 aircr_ns=fa050000 \n", output);
            // NS IRQ at 0x00 (runs at 0x80): a Secure IRQ at 0x40 pended from its handler preempts it, 0x90 waits.
            Assert.Contains("b47 order_n=00000004 e=000000a1 e=000000b0 e=000000a2 e=000000c0 \n", output);
            // PRIMASK_NS raises only to 0x80: the 0x40 IRQ ran, the 0x90 one stayed pending until PRIMASK_NS cleared.
            Assert.Contains("b47 primask_ns_pending=00000020 order_n=00000002 e=000000b0 e=000000c0 \n", output);
        });
    }

    [Fact]
    public void B49_BfhfnminsMakesBusFaultNmiAndHardFaultNonSecure()
    {
        SecurityConformance.Check("b49_bfhfnmins", MprofileVariant.M33, null, output =>
        {
            Assert.Contains("b49 before_aircr_ns=fa050000 shcsr_ns=00000000 shpr1_ns=00000000 \n", output);
            Assert.Contains("b49 aircr_s=fa052000 aircr_ns=fa052000 shcsr_ns=00020000 shpr1_ns=00002000 \n", output);
            Assert.Contains("b49 nmi_count=00000001 ipsr=00000002 icsr_ns_nmipend=00000000 \n", output);
            Assert.Contains("b49 ns_hf_ipsr=00000003 hfsr=40000000 cfsr_ns=00008200 bfar_ns=4fff0000 shcsr_ns=00000004 \n", output);
            Assert.DoesNotContain("not reached", output);
        });
    }

    [Fact]
    public void B50_NonSecureCannotSeeOrEnableASecureInterrupt()
    {
        SecurityConformance.Check("b50_itns", MprofileVariant.M33, null, output =>
        {
            Assert.Contains("b50 ns_view=00000040 s_iser=00000040 itns=00000040 \n", output);
            Assert.Contains("b50 alias_iser=00000040 s_iser=00000040 alias_ispr=00000040 s_ispr=00000040 alias_ipr=00ff0000 itns=00000040 alias_itns=00000000 \n", output);
        });
    }

    [Fact]
    public void B56_NonSecureAliasIsRazWiPrivilegedBusFaultUnprivilegedAndTheNsBankFromSecure()
    {
        SecurityConformance.Check("b56_ns_alias", MprofileVariant.M33, "int", output =>
        {
            Assert.Contains("b56 s_alias_cpuid=410fd213 aircr_s=fa050000 aircr_ns=fa050300 vtor_ns_is_kit=00000001 \n", output);
            Assert.Contains("b56 ns_priv_cpuid=00000000 ns_vtor_readback=00000000 vtor_ns_unchanged=00000001 bf_count=00000000 \n", output);
            Assert.Contains("b56 ns_user_load=bad0bad0 bf_count=00000001 cfsr=00008200 bfar=e002ed00 lr=ffffffa9 \n", output);
            Assert.Contains("...with CFSR.PRECISERR and BFAR 0xe002ed00\n...taking pending secure exception 5\n", output);
        });
    }

    [Fact]
    public void B57_SecureAndNonSecureSysTicksCountIndependentlyAndPendTheirOwnException()
    {
        SecurityConformance.Check("b57_banked_systick", MprofileVariant.M33, null, output =>
        {
            Assert.Contains("b57 s_rvr=00003a98 s_csr=00000007 ns_rvr_csr=07002328 \n", output);
            Assert.Contains("b57 s_ticks_ge3=00000001 ns_ticks_ge3=00000001 s_ipsr=0000000f ns_ipsr=0000000f shcsr_s=00000000 icsr_pendst=00000000 \n", output);
        });
    }

    [Fact]
    public void B57_SecureAccessThroughTheSysTickAliasReachesTheNonSecureTimer()
    {
        // QEMU 7.2 blocks this access as re-entrant I/O (docs/deviations.md); Nemu follows the architecture.
        var elf = MprofileFirmware.Build("b57_banked_systick", MprofileVariant.M33, "B57_ALIAS");
        var (exitCode, output, error) = MprofileFirmware.RunNemu(elf, MprofileVariant.M33);
        Assert.True(exitCode == 0, output + error);
        Assert.Contains("b57 alias_rvr=00002328 ns_rvr=00002329 \n", output);
        Assert.Contains("b57 s_ticks_ge3=00000001 ns_ticks_ge3=00000001 ", output);
    }

    [Theory]
    [InlineData("m33", "00000c00", "c0000004", "c0000000", "10110021")]
    [InlineData("m33core0", "00000000", "00000000", "00000000", "00000000")]
    public void B92_V8RegisterDumpMatchesQemuIncludingGuestErrors(string variant, string nsacr, string fpccrS, string fpccrNs, string mvfr0)
    {
        SecurityConformance.Check("b92_v8_register_dump", MprofileVariant.Named(variant), "guest_errors", output =>
        {
            Assert.Contains("b92 s.ICTR=00000002 \n", output);
            Assert.Contains("b92 s.ICSR=00000800 \n", output);
            Assert.Contains("b92 s.CCR=00000201 \n", output);
            Assert.Contains("b92 s.CTR=8000c000 \n", output);
            Assert.Contains("b92 s.SAU_TYPE=00000008 \n", output);
            Assert.Contains("b92 s.MPU_TYPE=00001000 \n", output);
            Assert.Contains($"b92 s.FPCCR={fpccrS} \n", output);
            Assert.Contains($"b92 s.MVFR0={mvfr0} \n", output);
            Assert.Contains("b92 syst_csr=00000004 calib=80000000 \n", output);
            Assert.Contains("b92 ns.VTOR=00000000 \n", output);
            Assert.Contains("b92 ns.SAU_TYPE=00000000 \n", output);
            Assert.Contains($"b92 ns.FPCCR={fpccrNs} \n", output);
            Assert.Contains("b92 ccr.w1=0000031b ns=00000201 \n", output);
            Assert.Contains($"b92 nsacr.w1={nsacr} ns=00000000 \n", output);
            Assert.Contains("b92 aircr.w=fa056700 ns=fa052000 \n", output);
            Assert.Contains("b92 shcsr.w=000f0000 ns=00020000 \n", output);
            Assert.Contains("b92 iser=00000008 ns=00000000 ispr=00000010 ns=00000010 ipr0=40000000 ns=00000000 ipr4=000000c0 itns_ns=00000000 \n", output);
            Assert.Contains("b92 bfar=9abcdef0 ns=00000000 aircr=fa050000 ns=fa050000 shcsr.ns=00000000 \n", output);
            Assert.Contains("b92 sau_rbar.w1=ffffffe0 rlar=ffffffe3 ns=00000000 \n", output);
            Assert.Contains("NVIC: Bad read of size 1 at offset 0xd04\nNVIC: Bad read of size 1 at offset 0xd04\nNVIC: Bad read of size 1 at offset 0x380\nNVIC: Bad read of size 2 at offset 0xc\n", output);
            Assert.Contains("NVIC: Bad write of size 2 at offset 0xd08\nNVIC: Bad write of size 1 at offset 0xd0c\nNVIC: Bad read offset 0x8\nNVIC: Bad read offset 0x3c0\nNVIC: Bad read offset 0x3c0\nNVIC: Bad read offset 0xf04\n", output);
            Assert.Contains("NVIC: Bad write offset 0xd00\nNVIC: Bad write offset 0xd40\nNVIC: Bad write offset 0x4\nSetting VECTCLRACTIVE when not in DEBUG mode is UNPREDICTABLE\n", output);
            if (variant == "m33")
            {
                Assert.Contains("b92 fpccr.w1=fc0007fe ns=d0000150 \n", output);
                Assert.Contains("b92 fpccr.nsw1=fc0007fe ns=d000077a \n", output);
                Assert.Contains("b92 fpcar.w1=fffffff8 ns=00000000 fpdscr.nsw1=00000000 ns=07c00000 \n", output);
            }
        });
    }
}
