namespace Nemu.Cli.Tests.Mprofile;

/// <summary>
/// mprofile.md §9 behaviours of the NVIC, SCB and SysTick (41-58) and the §4.4 register dump, each a firmware image in
/// tests/firmware/mprofile run on qemu-system-arm 7.2 and Nemu, also asserting the expected values.
/// </summary>
public sealed class NvicConformanceTests
{
    [Fact]
    public void B41_SameGroupCannotPreemptAndLowerSubpriorityWins()
    {
        var output = MprofileFirmware.AssertSameAsQemu("b41_prigroup_subpriority", MprofileVariant.M3);
        Assert.Contains("b41 aircr=fa050500 same_group=a.b both_pending=ba prigroup0=ab.", output);
    }

    [Fact]
    public void B41_V6mIgnoresPrigroup()
    {
        var output = MprofileFirmware.AssertSameAsQemu("b41_prigroup_subpriority", MprofileVariant.M0);
        Assert.Contains("b41 aircr=fa050000 same_group=a.b both_pending=ab prigroup0=a.b", output);
    }

    [Theory]
    [InlineData("m0")]
    [InlineData("m3")]
    public void B42_EqualPriorityTakesLowerExceptionNumberFirst(string variant)
    {
        var output = MprofileFirmware.AssertSameAsQemu("b42_equal_priority_order", MprofileVariant.Named(variant));
        Assert.Contains("b42 order=pabc", output);
    }

    [Fact]
    public void B43_BasepriMasksAndBasepriMaxOnlyRaisesPriority()
    {
        var output = MprofileFirmware.AssertSameAsQemu("b43_basepri", MprofileVariant.M3);
        Assert.Contains("b43 basepri40_irq40=- ispr=00000001 irq20=b max60=00000040 max20=00000020 irq30=b max0=00000020 unmasked=bca ispr=00000000", output);
    }

    [Fact]
    public void B44_PrimaskAndFaultmaskLeaveNmiAndHardFault()
    {
        var output = MprofileFirmware.AssertSameAsQemu("b44_primask_faultmask", MprofileVariant.M3);
        Assert.Contains("b44 primask_irq=- nmi=n hf_count=00000001 unmasked=na", output);
        Assert.Contains("b44 faultmask=n fm=00000001 unmasked=na", output);
    }

    [Fact]
    public void B44_V6mPrimaskLeavesNmiAndHardFault()
    {
        var output = MprofileFirmware.AssertSameAsQemu("b44_primask_faultmask", MprofileVariant.M0);
        Assert.Contains("b44 primask_irq=- nmi=n hf_count=00000001 unmasked=na", output);
    }

    [Theory]
    [InlineData("m0")]
    [InlineData("m3")]
    public void B45_SvcUnderPrimaskEscalatesToHardFaultForced(string variant)
    {
        var output = MprofileFirmware.AssertSameAsQemu("b45_svc_primask_hardfault", MprofileVariant.Named(variant));
        Assert.Contains("b45 plain_svc=00000001 svc=00000001 hf=00000001 hf_ipsr=00000003", output);
        if (variant == "m3")
        {
            Assert.Contains("hfsr=40000000 hfsr_w1c=00000000", output);
        }
    }

    [Theory]
    [InlineData("m0", "key=fa050000")]
    [InlineData("m3", "key=fa050300")]
    public void B48_AircrWritesNeedVectkey(string variant, string keyed)
    {
        var output = MprofileFirmware.AssertSameAsQemu("b48_aircr_vectkey", MprofileVariant.Named(variant));
        Assert.Contains($"b48 reset=fa050000 nokey=fa050000 statkey=fa050000 {keyed} back=fa050000", output);
    }

    [Fact]
    public void B51_IcprCannotClearALevelHighInterrupt()
    {
        var output = MprofileFirmware.AssertSameAsQemu("b51_icpr_level_irq", MprofileVariant.M3);
        Assert.Contains("b51 pending=00000001 after_icpr_high=00000001 line_low_still=00000001 after_icpr_low=00000000 pulse_runs=00000001 pending_after=00000000", output);
    }

    [Theory]
    [InlineData("m0")]
    [InlineData("m3")]
    public void B53_IcsrFieldsAndPendsvSetWinsOverClear(string variant)
    {
        var output = MprofileFirmware.AssertSameAsQemu("b53_icsr_fields", MprofileVariant.Named(variant));
        Assert.Contains("b53 thread=00000800 irq0=00000810 irq0_pend=00411810 nested=00411012", output);
        Assert.Contains("b53 disabled_pending=00400800 pendsv_set_clr=1000e800 pendsv_clr=00000800 pendst_set_clr=0400f800", output);
    }

    [Fact]
    public void B54_ShcsrShowsNestingAndMemfaultpendedPends()
    {
        var output = MprofileFirmware.AssertSameAsQemu("b54_shcsr_nesting", MprofileVariant.M3);
        Assert.Contains("b54 in_svc=00040080 in_uf=00040088 uf_cfsr=00010000 after=00040000", output);
        Assert.Contains("b54 mm_runs=00000001 in_mm=00050001 after=00050000", output);
    }

    [Fact]
    public void B55_UnprivilegedScsAccessIsPreciseBusFaultExceptPermittedStir()
    {
        var output = MprofileFirmware.AssertSameAsQemu("b55_unprivileged_scs", MprofileVariant.M3);
        Assert.Contains("b55 icsr_read=0000dead bf=00000001 cfsr=00008200 bfar=e000ed04", output);
        Assert.Contains("b55 cfsr_b=00000082 ufsr_h=00000000 after_mmfsr_w1c=00008200 after_bfarvalid_w1c=00000200 after_h_w1c=00000000", output);
        Assert.Contains("b55 stir_nouser bf=00000002 bfar=e000ef00 ispr=00000000 stir_user bf=00000003 bfar=e000e200 ispr=00000020", output);
    }

    [Theory]
    [InlineData("m0", "80000000", "00000004")]
    [InlineData("m3", "0000270f", "00000000")]
    public void B58_SysTickCountflagCvrWriteRvrZeroAndCalib(string variant, string calib, string csr)
    {
        var output = MprofileFirmware.AssertSameAsQemu("b58_systick", MprofileVariant.Named(variant));
        Assert.Contains($"b58 calib={calib} csr_reset={csr} countflag_after_read=00000000 cvr_after_write=00000001 countflag=00000000 stopped_cvr=00000000 csr_enable=00000005 cvr_cleared=00000000", output);
    }

    [Theory]
    [InlineData("m0")]
    [InlineData("m3")]
    [InlineData("m4")]
    [InlineData("m7")]
    public void B90_RegisterDumpAndGuestErrorsMatchQemu(string variant)
    {
        var v = MprofileVariant.Named(variant);
        var elf = MprofileFirmware.Build("b90_register_dump", v);
        var qemu = MprofileFirmware.RunQemu(elf, v, "-d", "guest_errors");
        var nemu = MprofileFirmware.RunNemu(elf, v, "-d", "guest_errors");
        // QEMU's micro:bit reads the vector table before its ROM is loaded and logs it; that is not the NVIC's.
        var qemuError = string.Concat(qemu.Error.Split('\n').Where(l => !l.StartsWith("Invalid read at addr 0x", StringComparison.Ordinal)).Select(l => l + "\n"))[..^1];
        Assert.Equal(qemu.Out, nemu.Out);
        Assert.Equal(qemuError, nemu.Error);
        Assert.Equal(qemu.ExitCode, nemu.ExitCode);
        var console = v.SemihostingConsole ? nemu.Error : nemu.Out;
        Assert.Contains("Setting VECTCLRACTIVE when not in DEBUG mode is UNPREDICTABLE\nSetting VECTRESET when not in DEBUG mode is UNPREDICTABLE", nemu.Error);
        Assert.Contains("NVIC: Bad read of size 1 at offset 0xd04", nemu.Error);
        if (variant == "m0")
        {
            Assert.Contains("NVIC: Bad read offset 0xd24", nemu.Error);
            Assert.Contains("NVIC: Bad write offset 0xd14", nemu.Error);
            Assert.Contains("NVIC: Bad write offset 0xf00", nemu.Error);
            Assert.Contains("b90 aircr_nokey=fa050000 aircr_key=fa050000", console);
        }
        else
        {
            Assert.Contains("w1 r=00000d10 v=fffffff3 w0=00000000", console);
            Assert.Contains("w1 r=00000d24 v=0007fd8b w0=00000000", console);
            Assert.Contains("aircr_key=fa050700", console);
        }
    }
}
