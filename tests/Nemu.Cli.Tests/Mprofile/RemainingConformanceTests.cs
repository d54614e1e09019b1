using System.Buffers.Binary;
using System.Text.RegularExpressions;

namespace Nemu.Cli.Tests.Mprofile;

/// <summary>
/// The mprofile.md §9 behaviours of v6-M/v7-M not covered by the piece-specific suites: SPREALIGN on return (38),
/// lockup under FAULTMASK (44, second half), UDF escalation (46), reset state and ELF entry (76), CMSDK UART (78) and
/// timer (79) and semihosting (80). Each runs a firmware image of tests/firmware/mprofile on qemu-system-arm 7.2 and
/// Nemu, compares the runs and also asserts the expected values. Not covered: UART RX (needs host input).
/// </summary>
public sealed class RemainingConformanceTests
{

    [Theory]
    [InlineData("m0")]
    [InlineData("m3")]
    public void B38_ReturnOrsFourIntoSpWhenTheStackedSprealignBitIsSet(string variant)
    {
        var output = MprofileFirmware.AssertSameAsQemu("b38_spsrealign_on_return", MprofileVariant.Named(variant));
        Assert.Contains("b38 misalign=00000004 toggle_bit9=00000000 stacked_bit9=00000001 sp_delta=00000000 \n", output);
        Assert.Contains("b38 misalign=00000000 toggle_bit9=00000000 stacked_bit9=00000000 sp_delta=00000000 \n", output);
        Assert.Contains("b38 misalign=00000000 toggle_bit9=00000001 stacked_bit9=00000000 sp_delta=00000004 \n", output);
        Assert.Contains("b38 misalign=00000004 toggle_bit9=00000001 stacked_bit9=00000001 sp_delta=fffffffc \n", output);
    }

    /// <summary>
    /// Deviation (mprofile.md §8.1): QEMU aborts the emulator on lockup; Nemu stops the core architecturally and
    /// reports it on -d guest_errors (the run then idles, so it is ended here once the report is seen).
    /// </summary>
    [Fact]
    public void B44_FaultUnderFaultmaskLocksUp()
    {
        var variant = MprofileVariant.M3;
        var elf = MprofileFirmware.Build("b44_faultmask_lockup", variant);
        var qemu = MprofileFirmware.RunQemu(elf, variant, "-d", "guest_errors");
        Assert.NotEqual(0, qemu.ExitCode);
        Assert.Equal("b44 faultmask lockup start\n", Normalize(qemu.Out));
        Assert.Contains("qemu: fatal: Lockup: can't escalate 3 to HardFault (current priority -1)", qemu.Error);

        var (output, log) = MprofileFirmware.RunNemuUntilLogContains(elf, variant, "CPU Lockup", "-d", "guest_errors");
        Assert.Equal("b44 faultmask lockup start\n", Normalize(output));
        Assert.Contains("CPU Lockup: ", log);
        Assert.DoesNotContain("hardfault ran", output);
    }

    [Theory]
    [InlineData("m0")]
    [InlineData("m3")]
    public void B46_UdfWithUsageFaultDisabledEscalatesToHardFaultForced(string variant)
    {
        var output = MprofileFirmware.AssertSameAsQemu("b46_udf_usagefault_disabled", MprofileVariant.Named(variant));
        if (variant == "m0")
        {
            Assert.Contains("b46 uf_disabled exc=00000003 pc_is_udf=00000001 cfsr=00000000 hfsr=00000000 \n", output);
        }
        else
        {
            Assert.Contains("b46 uf_disabled exc=00000003 pc_is_udf=00000001 cfsr=00010000 hfsr=40000000 cfsr_after_w1c=00000000 hfsr_after_w1c=00000000 \n", output);
            Assert.Contains("b46 uf_enabled exc=00000006 pc_is_udf=00000001 cfsr=00010000 hfsr=00000000 cfsr_after_w1c=00000000 hfsr_after_w1c=00000000 \n", output);
        }
    }

    [Theory]
    [InlineData("m0", "003f00")]
    [InlineData("m3", "3fff00")]
    public void B76_ResetLoadsSpPcAndLrFromTheVectorTableIgnoringTheElfEntry(string variantName, string spLow)
    {
        var variant = MprofileVariant.Named(variantName);
        var elf = MprofileFirmware.BuildWithStart("b76_reset_state", "b76_start.S", variant);
        var (exitCode, output) = AssertSameRunAsQemu(elf, variant);
        Assert.Equal(0, exitCode);
        Assert.Matches($"b76 lr=ffffffff sp=20{spLow} sp_is_vector0_aligned=00000001 reset_vector=[0-9a-f]{{8}} pc_is_vector1=00000001 rom_at_0=00000000 vtor=00000000 \n", output);
        Assert.Contains(
            variantName == "m0"
                ? "b76 ipsr=00000000 control=00000000 primask=00000000 \n"
                : "b76 ipsr=00000000 control=00000000 primask=00000000 faultmask=00000000 basepri=00000000 \n",
            output);

        // The image is only meaningful if its ELF entry point is not the reset vector (the decoy would exit 76).
        var resetVector = Convert.ToUInt32(Regex.Match(output, "reset_vector=([0-9a-f]{8})").Groups[1].Value, 16);
        var entry = BinaryPrimitives.ReadUInt32LittleEndian(File.ReadAllBytes(elf).AsSpan(24, 4));
        Assert.NotEqual(resetVector, entry);
    }

    [Fact]
    public void B78_CmsdkUartTxInterruptIsSetByACompletedWriteAndIntstatusIsW1c()
    {
        var output = MprofileFirmware.AssertSameAsQemu("b78_cmsdk_uart", MprofileVariant.M3);
        Assert.Contains("b78 reset state=00000000 ctrl=00000000 intstatus=00000000 pid0=00000021 \n", output);
        Assert.Contains(
            "b78 tx_no_inten intstatus=00000000 state=00000000 inten_while_empty=00000000 tx_pending=00000000 " +
            "after_write=00000001 state=00000000 tx_pending=00000001 \n",
            output);
        Assert.Contains("b78 w1c_zero=00000001 w1c_one=00000000 tx_pending_after_icpr=00000000 \n", output);
        Assert.Contains(
            "b78 txen0 state=00000001 intstatus=00000000 second_write_state=00000005 intstatus=00000000 ovr_pending=00000000 " +
            "txovrinten_intstatus=00000004 ovr_pending=00000001 txovrinten_off_intstatus=00000000 txo_w1c_state=00000001 intstatus=00000000 \n",
            output);
        Assert.Contains(
            "b78 state_w1c overrun_again=00000005 state_after_w1c=00000001 txen_held_state=00000001 intstatus=00000000 " +
            "write_while_full_state=00000005 intstatus=00000000 \n",
            output);
    }

    /// <summary>
    /// With -icount the timer follows the instruction count, so even the polled period count cannot be upset by a
    /// host stall (on real time a stall of about one period makes the polling miss a period end).
    /// </summary>
    [Fact]
    public void B79_CmsdkTimerInterruptsOncePerReloadPeriodAndIntstatusIsW1c()
    {
        var variant = MprofileVariant.M3;
        var (exitCode, output) = AssertSameRunAsQemu(MprofileFirmware.Build("b79_cmsdk_timer", variant), variant, "-icount", "shift=4");
        Assert.Equal(0, exitCode);
        AssertTimerChecks(output);
        Assert.Contains("b79 polled ints=00000003 reloads=00000003 \n", output);
    }

    [Fact]
    public void B79_CmsdkTimerChecksHoldOnRealTime()
    {
        var output = MprofileFirmware.AssertSameAsQemu("b79_cmsdk_timer", MprofileVariant.M3, "B79_REAL_TIME");
        AssertTimerChecks(output);
        Assert.DoesNotContain("b79 polled", output);
    }

    [Theory]
    [InlineData("m0")]
    [InlineData("m3")]
    public void B80_SemihostingWrite0PrintsAndSysExitWithApplicationExitExitsZero(string variantName)
    {
        var variant = MprofileVariant.Named(variantName);
        var (exitCode, output) = AssertSameRunAsQemu(MprofileFirmware.Build("b80_semihosting", variant), variant, BkptDebugEvent);
        Assert.Equal(0, exitCode);
        Assert.Contains("b80 SYS_WRITE0 from privileged code\n", output);
        Assert.Contains("b80 privileged BKPT 0xAB prints\n", output);
        Assert.DoesNotContain("SYS_EXIT returned", output);

        // Any other BKPT immediate is a breakpoint: v7-M DebugMonitor (disabled) escalated to HardFault with
        // HFSR.DEBUGEVT as the architecture says (QEMU sets FORCED: a listed deviation), v6-M HardFault.
        var hfsr = variantName == "m0" ? "00000000" : "80000000";
        Assert.Contains($"b80 bkpt1 count=00000001 exc=00000003 pc_is_bkpt=00000001 r0=00000004 cfsr=00000000 hfsr={hfsr} control=00000000 \n", output);
    }

    [Theory]
    [InlineData("m0")]
    [InlineData("m3")]
    public void B80_SysExitWithAnotherReasonExitsOne(string variantName)
    {
        var variant = MprofileVariant.Named(variantName);
        var (exitCode, output) = AssertSameRunAsQemu(MprofileFirmware.Build("b80_semihosting", variant, "B80_OTHER_REASON"), variant);
        Assert.Equal(1, exitCode);
        Assert.DoesNotContain("SYS_EXIT returned", output);
    }

    [Fact]
    public void B80_UnprivilegedBkptAbIsABreakpointUnlessUserspaceIsOn()
    {
        var variant = MprofileVariant.M3;
        var elf = MprofileFirmware.Build("b80_semihosting", variant);
        var (exitCode, output) = AssertSameRunAsQemu(elf, variant, BkptDebugEvent);
        Assert.Equal(0, exitCode);
        Assert.DoesNotContain("b80 unprivileged BKPT 0xAB printed this", output);
        Assert.Contains("b80 unprivileged_bkptab count=00000001 exc=00000003 pc_is_bkpt=00000001 r0=00000004 cfsr=00000000 hfsr=80000000 control=00000000 \n", output);

        (exitCode, output) = AssertSameRunAsQemu(elf, variant, "-semihosting-config", "enable=on,userspace=on");
        Assert.Equal(0, exitCode);
        Assert.Contains("b80 unprivileged BKPT 0xAB printed this\n", output);
        Assert.Contains("b80 unprivileged_bkptab count=00000000 exc=00000000 pc_is_bkpt=00000000 r0=00000000 cfsr=00000000 hfsr=00000000 control=00000001 \n", output);
    }

    private static void AssertTimerChecks(string output)
    {
        Assert.Contains(
            "b79 reset ctrl=00000000 value=00000000 reload=00000000 intstatus=00000000 pid0=00000022 " +
            "stopped_reload_value=000003e8 stopped_value_write=000001f4 \n",
            output);
        Assert.Contains(
            "b79 no_irqen_intstatus=00000000 pending=00000000 irqen_intstatus=00000001 pending=00000001 " +
            "w1c_zero=00000001 w1c_one=00000000 pending_after_icpr=00000000 \n",
            output);
        Assert.Contains("b79 irq_count=00000004 intstatus_in_handler=00000001 ctrl=00000000 intstatus=00000000 \n", output);
        Assert.Contains("b79 restarted=00000001 reload0_value=00000000 ctrl=00000001 \n", output);
    }

    /// <summary>QEMU's BKPT report lines with HFSR.FORCED where the architecture sets HFSR.DEBUGEVT.</summary>
    private static string BkptDebugEvent(string qemuOutput) =>
        qemuOutput.Replace("cfsr=00000000 hfsr=40000000 control=", "cfsr=00000000 hfsr=80000000 control=", StringComparison.Ordinal);

    private static string Normalize(string text) => text.Replace("\r", string.Empty, StringComparison.Ordinal);

    /// <summary>
    /// Runs <paramref name="elf"/> on both emulators with <paramref name="extra"/> arguments, asserts identical stdout,
    /// stderr and exit status, and returns the exit status and everything printed (UART and semihosting console).
    /// </summary>
    private static (int ExitCode, string Output) AssertSameRunAsQemu(string elf, MprofileVariant variant, params string[] extra) =>
        AssertSameRunAsQemu(elf, variant, BkptDebugEvent, extra);

    private static (int ExitCode, string Output) AssertSameRunAsQemu(string elf, MprofileVariant variant, Func<string, string> architectural, params string[] extra)
    {
        var nemu = MprofileFirmware.AssertSameRun(elf, variant, architectural, extra);
        return (nemu.ExitCode, Normalize(nemu.Out + nemu.Error));
    }
}
