namespace Nemu.Cli.Tests.Mprofile;

/// <summary>
/// mprofile.md §9 behaviours of Armv8-M exception entry with the Security Extension (vector reads by target state,
/// the additional state context, stacking faults and stack limits), each a Secure image of tests/firmware/mprofile
/// with the tz/ kit, run on qemu-system-arm 7.2 and then on Nemu (<see cref="SecurityConformance"/>). All of them
/// compare the "-d int" log with QEMU's as well; the quoted log lines were checked against QEMU 7.2.
/// </summary>
public sealed class SecurityConformanceTests
{
    [Fact]
    public void B13_NonSecureVectorTableInSecureMemoryGivesSecureHardFaultVecttbl()
    {
        SecurityConformance.Check("b13_vtor_ns_in_secure_memory", MprofileVariant.M33, "int", output =>
        {
            Assert.Contains("b13 hf_lr=ffffffd9 hfsr=40000002 irq_still_pending=00000001 vtor_ns_was_secure=00000001 \n", output);
            Assert.Contains("...derived exception on vector table load...taking pending secure exception 3\n", output);
        });
    }

    [Fact]
    public void B14_SecureVectorTableInNonSecureMemoryIsRead()
    {
        SecurityConformance.Check("b14_secure_vtor_in_ns_memory", MprofileVariant.M33, "int", output =>
        {
            Assert.Contains("b14 vtor_s_is_ns_table=00000001 svc_count=00000001 irq_count=00000001 irq_lr=fffffff9 hfsr=00000000 \n", output);
            Assert.Contains("...loading from element 11 of secure vector table at 0x2820012c\n", output);
        });
    }

    [Theory]
    [InlineData("m33")]
    [InlineData("m33core0")]
    public void B16_NonSecureExceptionPreemptingSecureCodePushesTheCalleeFrameWithTheSignature(string variant)
    {
        SecurityConformance.Check("b16_callee_frame_s_to_ns", MprofileVariant.Named(variant), "int", output =>
        {
            Assert.Contains("b16 count=00000001 lr=fffffff8 apsr=00000000 r0_r12_or=00000000 \n", output);
            Assert.Contains("b16 sig=fefa125b r4=44444444 r5=55555555 r6=66666666 r7=77777777 r8=88888888 r9=99999999 r10=aaaaaaaa r11=bbbbbbbb \n", output);
            Assert.Contains("b16 stacked_r0=e000e200 r2=22222222 r12=c0c0c0c0 xpsr=61000000 \n", output);
            Assert.Contains("b16 restored=00000001 active_ns=00000000 \n", output);
            Assert.Contains("...taking pending nonsecure exception 46\n", output);
            Assert.Contains("Exception return: magic PC fffffff8 previous exception 46\n", output);
        });
    }

    [Fact]
    public void B17_CalleeFrameWithActiveFpContextHasSignatureFefa125a()
    {
        SecurityConformance.Check("b17_callee_frame_fp_signature", MprofileVariant.M33, "int", output =>
        {
            Assert.Contains("b17 count=00000001 lr=ffffffe8 apsr=00000000 r0_r12_or=00000000 \n", output);
            Assert.Contains("b17 sig=fefa125a r4=44444444 r5=55555555 r6=66666666 r7=77777777 r8=88888888 r9=99999999 r10=aaaaaaaa r11=bbbbbbbb \n", output);
            Assert.Contains("b17 restored=00000001 active_ns=00000000 \n", output);
        });
    }

    [Fact]
    public void B18_MpuFaultOnTheCalleePushPendsADerivedMemManageThatCompetesByPriority()
    {
        SecurityConformance.Check("b18_callee_push_mpu_fault", MprofileVariant.M33, "int", output =>
        {
            Assert.Contains("b18 mm_first order=00000012 handlers=00000002 mm_cfsr=00000010 mm_lr=ffffffd9 irq_pending_in_mm=00000001 ns_lr=fffffff8 r4_r11_prefilled=00000001 \n", output);
            Assert.Contains("b18 irq_first order=00000021 handlers=00000002 mm_cfsr=00000010 mm_lr=ffffffd9 irq_pending_in_mm=00000000 ns_lr=fffffff8 r4_r11_prefilled=00000001 \n", output);
            Assert.Contains("...MemManageFault with CFSR.MSTKERR\n...derived exception on callee-saves register stacking...taking pending secure exception 4\n", output);
            Assert.Contains("...derived exception on callee-saves register stacking...taking pending nonsecure exception 46\n", output);
        });
    }

    [Fact]
    public void B19_WhenTheBasicPushFaultedACalleePushFaultOnlySetsItsStatusBit()
    {
        SecurityConformance.Check("b19_basic_and_callee_push_fault", MprofileVariant.M33, "int", output =>
        {
            Assert.Contains("b19 cfsr=00001010 bfar=00000000 lr=ffffffd9 mm_pending=00000000 irq_pending=00000000 sp_is_callee_frame=00000001 ns_count=00000001 \n", output);
            Assert.Contains("...BusFault with BFSR.STKERR\n...taking pending nonsecure exception 46\n...MemManageFault with CFSR.MSTKERR\n...loading from element 46", output);
        });
    }

    [Fact]
    public void B20_SecureHandlerWinningOverACalleePushFaultGetsDcrsClearAndNoSecondPush()
    {
        SecurityConformance.Check("b20_callee_push_fault_secure_handler_lr", MprofileVariant.M33, "int", output =>
        {
            Assert.Contains("b20 mm_first order=00000012 handlers=00000002 mm_cfsr=00000010 mm_lr=ffffffd9 irq_pending_in_mm=00000001 ns_lr=fffffff8 r4_r11_prefilled=00000001 \n", output);
            Assert.Contains("Exception return: magic PC ffffffd9 previous exception 4\n...tailchaining to pending exception\n", output);
        });
    }

    [Theory]
    [InlineData("m33")]
    [InlineData("m33core0")]
    public void B21_MsplimViolationOnEntrySetsStkofAndSpToTheLimitWithoutWriting(string variant)
    {
        SecurityConformance.Check("b21_msplim_on_entry", MprofileVariant.Named(variant), "int", output =>
        {
            Assert.Contains("b21 cfsr=00100000 lr=fffffff9 sp_is_limit=00000001 above_limit_untouched=00000001 svc_pending=00000001 \n", output);
            Assert.Contains("...STKOF during stacking\n", output);
        });
    }

    [Fact]
    public void B22_StackLimitInTheCalleePushSetsStkofAndTheSecureSpToTheLimit()
    {
        SecurityConformance.Check("b22_stack_limit_in_callee_push", MprofileVariant.M33, "int", output =>
        {
            Assert.Contains("b22 cfsr_s=00100000 cfsr_ns=00000000 lr=ffffffd9 sp_is_limit=00000001 callee_area_untouched=00000001 ns_count=00000000 \n", output);
            Assert.Contains("...STKOF during callee-saves register stacking\n...derived exception on callee-saves register stacking...taking pending secure exception 6\n", output);
        });
    }

    [Fact]
    public void B26_NonSecureEntryWithFpcaAndNsacrCp10ClearPendsSecureNocp()
    {
        SecurityConformance.Check("b26_nsacr_nocp_on_ns_entry", MprofileVariant.M33, "int", output =>
        {
            Assert.Contains("b26 cfsr_s=00080000 cfsr_ns=00000000 lr=ffffffa9 ns_frame_size=00000020 svc_ns_pending=00000001 \n", output);
            Assert.Contains("...Secure UsageFault with CFSR.NOCP because NSACR.CP10 prevents stacking FP regs\n", output);
        });
    }
}
