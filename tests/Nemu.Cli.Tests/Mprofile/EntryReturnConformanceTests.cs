namespace Nemu.Cli.Tests.Mprofile;

/// <summary>
/// mprofile.md §9 behaviours of exception entry and return (v6-M/v7-M), each a firmware image in
/// tests/firmware/mprofile run on qemu-system-arm and Nemu. Where the -d int trace is part of the behaviour (the
/// tail-chain, derived-exception and integrity-check lines) the runs are compared with it on as well.
/// </summary>
public sealed class EntryReturnConformanceTests
{
    [Theory]
    [InlineData("m0")]
    [InlineData("m3")]
    [InlineData("m4")]
    public void B01_StkalignPadsTheFrameAndSetsXpsrBit9(string variant)
    {
        var output = MprofileFirmware.AssertSameAsQemu("b01_stkalign_padding", MprofileVariant.Named(variant));
        Assert.Contains("b01 misalign=00000000 frame_offset=00000020 xpsr_bit9=00000000 sp_restored=00000001", output);
        Assert.Contains("b01 misalign=00000004 frame_offset=00000024 xpsr_bit9=00000001 sp_restored=00000001", output);
    }

    [Theory]
    [InlineData("m0")]
    [InlineData("m3")]
    [InlineData("m4")]
    public void B02_ExcReturnInLrDependsOnModeStackAndFpContext(string variant)
    {
        var output = AssertSameLogAsQemu("b02_exc_return_lr", variant, "int");
        Assert.Contains("b02 thread_msp=fffffff9 \n", output);
        Assert.Contains("b02 thread_psp=fffffffd \n", output);
        Assert.Contains("b02 handler=fffffff9 nested=fffffff1 \n", output);
        if (variant == "m4")
        {
            Assert.Contains("b02 fp thread_msp=ffffffe9 \n", output);
            Assert.Contains("b02 fp thread_psp=ffffffed \n", output);
            Assert.Contains("b02 fp handler=ffffffe9 nested=ffffffe1 \n", output);
        }
    }

    [Theory]
    [InlineData("m0")]
    [InlineData("m3")]
    public void B03_StackedReturnAddressIsNextForSvcAndIrqAndFaultingForUdf(string variant)
    {
        var output = MprofileFirmware.AssertSameAsQemu("b03_stacked_return_address", MprofileVariant.Named(variant));
        Assert.Contains("b03 svc_is_next=00000001 udf_is_faulting=00000001 irq_is_next=00000001", output);
    }

    [Theory]
    [InlineData("m3")]
    [InlineData("m4")]
    public void B04_EntryClearsSpselItAndTheExclusiveMonitor(string variant)
    {
        var output = MprofileFirmware.AssertSameAsQemu("b04_entry_state", MprofileVariant.Named(variant));
        Assert.Contains("b04 spsel=00000000 ipsr=0000000b marker=00000055 stacked_it=00000018 strex_failed=00000001", output);
    }

    [Theory]
    [InlineData("m0")]
    [InlineData("m3")]
    public void B05_VectorWithoutThumbBitFaultsInvstateAtTheVectorAddress(string variant)
    {
        var output = AssertSameLogAsQemu("b05_vector_thumb_bit", variant, "int");
        if (variant == "m0")
        {
            Assert.Contains("b05 uf_disabled exc=00000003 pc_is_vector=00000001 stacked_t=00000000 cfsr=00000000 hfsr=00000000 svc_ran=00000001", output);
        }
        else
        {
            Assert.Contains("b05 uf_enabled exc=00000006 pc_is_vector=00000001 stacked_t=00000000 cfsr=00020000 hfsr=00000000 svc_ran=00000001", output);
            Assert.Contains("b05 uf_disabled exc=00000003 pc_is_vector=00000001 stacked_t=00000000 cfsr=00020000 hfsr=40000000 svc_ran=00000001", output);
        }
    }

    [Theory]
    [InlineData("m0")]
    [InlineData("m3")]
    public void B07_UnmappedStackGivesStkerrAndADerivedBusFaultWithTheSvcStillPending(string variant)
    {
        var output = AssertSameLogAsQemu("b07_stack_bus_error", variant, "int");
        Assert.Contains(
            variant == "m0"
                ? "b07 exc=00000003 lr=fffffffd psp=2000ffe0 vectpending=0000000b"
                : "b07 exc=00000005 lr=fffffffd psp=300000e0 vectpending=0000000b cfsr=00001000 hfsr=00000000 shcsr=00028002 bfar_valid=00000000",
            output);
    }

    /// <summary>
    /// Deviation (mprofile.md §8.1): QEMU aborts the emulator on lockup; Nemu stops the core architecturally and
    /// reports it on -d guest_errors (the run then idles, so it is ended here once the report is seen).
    /// </summary>
    [Fact]
    public void B11_UnreadableHardFaultVectorWhileEscalatingLocksUp()
    {
        var variant = MprofileVariant.M3;
        var elf = MprofileFirmware.Build("b11_lockup_hardfault_vector", variant);
        var qemu = MprofileFirmware.RunQemu(elf, variant);
        Assert.NotEqual(0, qemu.ExitCode);
        Assert.Contains("qemu: fatal: Lockup: can't take terminal derived exception (original exception priority -1)", qemu.Error);
        var (output, log) = MprofileFirmware.RunNemuUntilLogContains(elf, variant, "CPU Lockup", "-d", "int,guest_errors");
        Assert.Equal("b11 start\n", output.Replace("\r", string.Empty, StringComparison.Ordinal));
        Assert.Contains("...loading from element 3 of non-secure vector table at 0x3000000c\n", log);
        Assert.Contains("CPU Lockup: can't take terminal derived exception (original exception priority -1)", log);
    }

    [Fact]
    public void B11_NmiPreemptsAHardFaultLevelLockupWithTheLockupAddressStacked()
    {
        var variant = MprofileVariant.M3;
        var elf = MprofileFirmware.Build("b11_nmi_ends_lockup", variant);
        var qemu = MprofileFirmware.RunQemu(elf, variant);
        Assert.NotEqual(0, qemu.ExitCode);
        Assert.Contains("Lockup", qemu.Error);

        // Architecture (a listed deviation): the core locks up, the watchdog's NMI preempts the lockup.
        var nemu = MprofileFirmware.RunNemu(elf, variant, "-d", "guest_errors");
        Assert.Equal(0, nemu.ExitCode);
        Assert.Contains("CPU Lockup: can't escalate 3 to HardFault (current priority -1)", nemu.Error);
        Assert.Contains("CPU Lockup: left for NMI (return address 0xfffffffe)", nemu.Error);
        Assert.Contains("b11 nmi stacked_pc=fffffffe ipsr=00000002 shcsr=00000000 hfsr=40000000 cfsr=00010000", nemu.Out);
    }

    [Theory]
    [InlineData("m3")]
    [InlineData("m4")]
    public void B91_SynchronousFaultsRecordTheirExactStatus(string variant)
    {
        var output = MprofileFirmware.AssertSameAsQemu("b91_fault_status", MprofileVariant.Named(variant));
        Assert.Contains("b91 case=00000001 faults=00000000 exc=00000000 cfsr=00000000 hfsr=00000000 bfar=00000000 pc_off=00000000 result=77881122", output);
        Assert.Contains("b91 case=00000002 faults=00000001 exc=00000006 cfsr=01000000", output);
        Assert.Contains("b91 case=00000003 faults=00000001 exc=00000006 cfsr=01000000", output);
        Assert.Contains("b91 case=00000006 faults=00000001 exc=00000006 cfsr=02000000", output);
        Assert.Contains("b91 case=00000007 faults=00000001 exc=00000005 cfsr=00008200 hfsr=00000000 bfar=70000000 pc_off=00000000", output);
        Assert.Contains("b91 case=00000009 faults=00000001 exc=00000005 cfsr=00000100", output);
        Assert.Contains("b91 case=0000000a faults=00000001 exc=00000006 cfsr=00020000", output);
        Assert.Contains("b91 case=0000000b faults=00000001 exc=00000006 cfsr=00080000", output);
        Assert.Contains("b91 case=0000000c faults=00000001 exc=00000006 cfsr=00010000 hfsr=00000000", output);
        Assert.Contains("b91 case=0000000d faults=00000001 exc=00000003 cfsr=00010000 hfsr=40000000", output);
    }

    [Fact]
    public void B12_VectorPastTheEndOfRamTakesAVecttblHardFaultOnTheInterruptedFrame()
    {
        var output = AssertSameLogAsQemu("b12_vector_load_bus_error", "m0", "int");
        Assert.Contains("b12 hf_count=00000001 irq_count=00000001 pc_in_thread=00000001 lr=fffffffd pending_in_hf=00000024", output);
    }

    [Fact]
    public void B27_ReturnToThreadWhileNestedTakesInvpcOnTheExistingFrame()
    {
        var output = AssertSameLogAsQemu("b27_return_to_thread_while_nested", "m3", "int");
        Assert.Contains("b27 uf_lr=fffffff9 cfsr=00040000 same_sp=00000001 svc_active_in_uf=00000001 svc_done=00000001", output);
    }

    [Fact]
    public void B28_ExcReturnLowNibbleFiveTakesInvpc()
    {
        var output = AssertSameLogAsQemu("b28_bad_exc_return_nibble", "m3", "int");
        Assert.Contains("b28 uf_enabled exc=00000006 lr=fffffff5 cfsr=00040000 hfsr=00000000", output);
        Assert.Contains("b28 uf_disabled exc=00000003 lr=fffffff5 cfsr=00040000 hfsr=40000000", output);
    }

    [Fact]
    public void B30_StackedIpsrModeMismatchTakesInvpcOnANewFrame()
    {
        var output = AssertSameLogAsQemu("b30_return_mode_mismatch", "m3", "int");
        Assert.Contains("b30 lr=fffffff1 cfsr=00040000 pc_after_svc=00000001 stacked_ipsr=00000000 same_frame_address=00000001", output);
    }

    [Fact]
    public void B33_UnstackingFromUnassignedMemoryTailChainsAnUnstkerrBusFault()
    {
        var output = AssertSameLogAsQemu("b33_unstack_bus_error", "m3", "int");
        Assert.Contains("b33 bf_enabled exc=00000005 lr=fffffffd cfsr=00000800 hfsr=00000000 psp_unchanged=00000001", output);
        Assert.Contains("b33 bf_disabled exc=00000003 lr=fffffffd cfsr=00000800 hfsr=40000000 psp_unchanged=00000001", output);
    }

    [Theory]
    [InlineData("m0")]
    [InlineData("m3")]
    public void B34_PendingExceptionAtReturnTailChainsOnTheSameFrame(string variant)
    {
        var output = AssertSameLogAsQemu("b34_tail_chain", variant, "int");
        Assert.Contains("b34 msp pendsv_count=00000001 same_sp=00000001 lr=fffffff9", output);
        Assert.Contains("b34 psp pendsv_count=00000001 same_sp=00000001 lr=fffffffd", output);
    }

    [Fact]
    public void B35_ReturnFromNmiKeepsFaultmaskOthersClearIt()
    {
        var output = AssertSameLogAsQemu("b35_faultmask_on_return", "m3", "int");
        Assert.Contains("b35 nmi_count=00000001 faultmask_after_nmi=00000001 faultmask_after_svc=00000000", output);
    }

    [Fact]
    public void B36_ReturnAfterClearingTheOwnActiveBitTakesInvpc()
    {
        var output = AssertSameLogAsQemu("b36_own_active_bit_cleared", "m3", "int");
        Assert.Contains("b36 uf_lr=fffffff9 cfsr=00040000 shcsr_in_uf=00040008 shcsr_after=00040000", output);
    }

    [Fact]
    public void B37_StackedPcBit0IsIgnoredWithAGuestError()
    {
        var output = AssertSameLogAsQemu("b37_stacked_pc_bit0", "m3", "int,guest_errors");
        Assert.Contains("b37 reached=00000001", output);
    }

    [Fact]
    public void B52_LevelInterruptStillHighAtReturnIsRependedAndTailChains()
    {
        var output = AssertSameLogAsQemu("b52_level_irq_tail_chain", "m3", "int");
        Assert.Contains("b52 count=00000002 same_sp=00000001 lr=fffffff9", output);
    }

    /// <summary>
    /// Runs <paramref name="test"/> on both emulators with "-d <paramref name="items"/>" and asserts identical stdout,
    /// stderr (console and log) and exit status; returns everything Nemu printed.
    /// </summary>
    private static string AssertSameLogAsQemu(string test, string variantName, string items)
    {
        var variant = MprofileVariant.Named(variantName);
        var nemu = MprofileFirmware.AssertSameRun(MprofileFirmware.Build(test, variant), variant, null, "-d", items);
        return nemu.Out + nemu.Error;
    }
}
