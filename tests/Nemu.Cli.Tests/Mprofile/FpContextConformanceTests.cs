namespace Nemu.Cli.Tests.Mprofile;

/// <summary>
/// mprofile.md §9 behaviours of the FP context on exception entry and return (2, 23, 24, 25 and the seed-000 fault
/// during the FP part of the push), each a firmware image in tests/firmware/mprofile run on qemu-system-arm 7.2 and
/// Nemu. The expected values are the ones QEMU 7.2 prints; the "-d int" tests also compare the exception log.
/// </summary>
public sealed class FpContextConformanceTests
{
    [Theory]
    [InlineData("m4")]
    [InlineData("m7")]
    public void B02_ExcReturnHasFtypeClearWhenTheFpContextIsActive(string variant)
    {
        var output = MprofileFirmware.AssertSameAsQemu("b02_fp_exc_return", MprofileVariant.Named(variant));
        Assert.Contains("b02 msp fp=00000000 nest_fp=00000000 svc_lr=fffffff9 svc_control=00000000 pendsv_lr=fffffff1 pendsv_control=00000000 control_after=00000000", output);
        Assert.Contains("b02 msp fp=00000001 nest_fp=00000000 svc_lr=ffffffe9 svc_control=00000000 pendsv_lr=fffffff1 pendsv_control=00000000 control_after=00000004", output);
        Assert.Contains("b02 msp fp=00000000 nest_fp=00000001 svc_lr=fffffff9 svc_control=00000000 pendsv_lr=ffffffe1 pendsv_control=00000000 control_after=00000000", output);
        Assert.Contains("b02 psp fp=00000001 nest_fp=00000000 svc_lr=ffffffed svc_control=00000000 pendsv_lr=fffffff1 pendsv_control=00000000 control_after=00000006", output);
    }

    [Theory]
    [InlineData("m4")]
    [InlineData("m7")]
    public void B23_LazyEntryReservesTheExtendedFrameAndRecordsFpccrAndFpcar(string variant)
    {
        var output = MprofileFirmware.AssertSameAsQemu("b23_lazy_fp_entry", MprofileVariant.Named(variant));
        Assert.Contains("b23 msp=00000017 frame_offset=00000068 lr=ffffffe9 control=00000000 fpccr_before=c0000000 fpccr=c0000019 fpcar_off=00000020 fpccr_after=c0000018", output);
        Assert.Contains("b23 psp=00000017 frame_offset=00000068 lr=ffffffed control=00000000 fpccr_before=c0000018 fpccr=c0000019 fpcar_off=00000020 fpccr_after=c0000018", output);
        Assert.Contains("fpccr=c0000479 fpcar_off=00000020 fpccr_after=c0000478", output);
        Assert.Contains("b23 unprivileged=00000017 frame_offset=00000068 lr=ffffffe9 control=00000001 fpccr_before=c0000478 fpccr=c000001b", output);
        // The FP slots keep the stack's old contents: nothing was written at entry.
        Assert.Equal(4, CountOf(output, "b23 slot_s0=a5a5a511 slot_s15=a5a5a502 slot_fpscr=a5a5a501 slot_res=a5a5a500 regs_kept=00000001 fpscr=03c00000"));
    }

    [Fact]
    public void B24_FirstFpInstructionSavesTheLazyContextAndAFaultingSaveIsTakenFirst()
    {
        var output = MprofileFirmware.AssertSameAsQemu("b24_lazy_fp_preserve", MprofileVariant.M4);
        const string Saved = "b24 slot_s0=3f800000 slot_s15=3f8f0000 slot_fpscr=03c00000 slot_res=a5a5a500 s0=3f800000 s15=3f8f0000 fpscr=03c00000";
        Assert.Contains("b24 mode=00000000 fpccr_before=c0000079 fpccr_after=c0000078 s3=3f830000 control=00000004 fpccr_thread=c0000078\n" + Saved, Lines(output));
        // MPU read-only frame, MemManage can preempt: MLSPERR, taken before the FP instruction with LSPACT still set.
        Assert.Contains("b24 mm_count=00000001 cfsr=00000020 fpccr=c0000079 pc_is_fp_insn=00000001 lr=fffffff1", output);
        // MemManage cannot preempt: the instruction runs, LSPACT is cleared and the thread gets the unsaved slots back.
        Assert.Contains("b24 slot_s0=a5a5a511 slot_s15=a5a5a502 slot_fpscr=a5a5a501 slot_res=a5a5a500 s0=a5a5a511 s15=a5a5a502 fpscr=a5800001", output);
        Assert.Contains("b24 mm_count=00000001 cfsr=00000020 fpccr=c0000078 pc_is_fp_insn=00000000 lr=ffffffe9", output);
        // FPCAR on unmapped memory: LSPERR BusFault before the instruction.
        Assert.Contains("b24 mm_count=00000001 cfsr=00002000 fpccr=c0000079 pc_is_fp_insn=00000001 lr=fffffff1", output);
    }

    [Fact]
    public void B24_LazyStackingFaultsLogLikeQemu()
    {
        var log = AssertSameIntLogAsQemu("b24_lazy_fp_preserve", MprofileVariant.M4);
        Assert.Contains("...MemManageFault with CFSR.MLSPERR\nTaking exception 20 [v7M exception during lazy FP stacking] on CPU 0\n", log);
        Assert.Contains("...BusFault with BFSR.LSPERR\nTaking exception 20 [v7M exception during lazy FP stacking] on CPU 0\n", log);
    }

    [Fact]
    public void B25_ImmediateStackingWritesTheExtendedFrameAndZeroesTheRegisters()
    {
        var output = MprofileFirmware.AssertSameAsQemu("b25_fp_frame_immediate", MprofileVariant.M4);
        Assert.Contains("b25 mode=00000000 svc_count=00000001 fpccr=80000000 h_s0=00000000 h_s15=00000000 h_fpscr=00000000", output);
        Assert.Equal(2, CountOf(output, "b25 slot_s0=3f800000 slot_s15=3f8f0000 slot_fpscr=03c00000 slot_res=a5a5a500 s0=3f800000 s15=3f8f0000 fpscr=03c00000"));
        // CPACR denies access at the entry: NOCP, nothing written, nothing zeroed.
        Assert.Contains("b25 mode=00000001 svc_count=00000001 fpccr=80000000 h_s0=3f800000 h_s15=3f8f0000 h_fpscr=03c00000", output);
        Assert.Contains("b25 slot_s0=a5a5a511 slot_s15=a5a5a502 slot_fpscr=a5a5a501 slot_res=a5a5a500 s0=a5a5a511 s15=a5a5a502 fpscr=a5800001", output);
        Assert.Equal(2, CountOf(output, "b25 uf_count=00000001 cfsr=00080000 lr=ffffffe9 cpacr=00f00000"));
    }

    [Fact]
    public void B25_CpacrNoCpOnStackingAndUnstackingLogsLikeQemu()
    {
        var log = AssertSameIntLogAsQemu("b25_fp_frame_immediate", MprofileVariant.M4);
        Assert.Contains("Taking exception 2 [SVC] on CPU 0\n...UsageFault with CFSR.NOCP because CPACR.CP10 prevents stacking FP regs\n", log);
        Assert.Contains("...taking UsageFault on existing stackframe: CPACR.CP10 prevents unstacking FP regs\n...taking pending nonsecure exception 6\n", log);
    }

    [Fact]
    public void Seed000_FaultDuringTheFpPushPendsOneDerivedExceptionAndStopsWriting()
    {
        var output = MprofileFirmware.AssertSameAsQemu("b25_fp_push_fault", MprofileVariant.M4);
        Assert.Contains("b25 push_fault mm_count=00000001 cfsr=00000010 svcall_pended=00000001 mm_lr=ffffffe9 svc_count=00000001 svc_s0=00000000", output);
        Assert.Contains("b25 push_fault basic_r0=00000001 slot_s0=a5a5a511 slot_s8=a5a5a509 slot_fpscr=a5a5a501 slot_res=a5a5a500 s0=a5a5a511 s8=a5a5a509 fpscr=a5800001", output);
        var log = AssertSameIntLogAsQemu("b25_fp_push_fault", MprofileVariant.M4);
        Assert.Equal(1, CountOf(log, "...MemManageFault with CFSR.MSTKERR"));
    }

    /// <summary>Runs the image with "-d int" on both emulators and asserts identical console output and log.</summary>
    private static string AssertSameIntLogAsQemu(string test, MprofileVariant variant)
    {
        return MprofileFirmware.AssertSameRun(MprofileFirmware.Build(test, variant), variant, null, "-d", "int").Error;
    }

    private static string Lines(string output) => output.Replace(" \n", "\n", StringComparison.Ordinal);

    private static int CountOf(string text, string what)
    {
        var count = 0;
        for (var i = text.IndexOf(what, StringComparison.Ordinal); i >= 0; i = text.IndexOf(what, i + what.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }
}
