namespace Nemu.Cli.Tests.Mprofile;

/// <summary>
/// mprofile.md §9 behaviours of the PMSAv7 MPU (59-63, 15) and of exception stacking through it (6, 8, 9, 10,
/// 33 MPU part, and seed 000's "stacking fault takes MemManage with MSTKERR while the original stays pending"),
/// each a firmware image in tests/firmware/mprofile run on qemu-system-arm 7.2 and Nemu. The expected values were
/// recorded on QEMU 7.2 and agree with the Armv7-M ARM; both emulators must print them.
/// </summary>
public sealed class MpuConformanceTests
{
    [Theory]
    [InlineData("m3")]
    [InlineData("m4")]
    [InlineData("m7")]
    public void B59_HighestRegionWinsAndDisabledSubregionsFallThrough(string variant)
    {
        var output = MprofileFirmware.AssertSameAsQemu("b59_mpu_overlap", MprofileVariant.Named(variant));
        Assert.Contains("b59 reg type=00000800 ctrl=00000007 rnr_ff=00000005 rbar_valid_ff=00000007 rnr=00000007 rbar=ffffffe7 rasr=173fff3f", output);
        Assert.Contains("b59 reg rbar_region3_rnr=00000003 rbar3=20100003 rnr_a1=00000004 rbar_a2=20200004 rasr_a3=1234563f rasr=1234563f rasr7=173fff3f rbar7=ffffffe7", output);
        Assert.Contains("b59 reg ctrl_hfnmiena_only=00000002", output);
        Assert.Contains("b59 overlap hi_noaccess=00000001 lo_beyond_hi=00000000 hi_full_over_lo_none=00000000 lo_none_beyond_hi=00000001", output);
        Assert.Contains("b59 srd disabled_sub0=00000000 disabled_sub3=00000000 enabled_sub4=00000001 small_region_srd_ignored=00000001 after_small=00000000", output);
        Assert.Contains("b59 srd2 sub0=00000001 sub1=00000000 sub2=00000001", output);
        Assert.Contains("b59 odd size2_at=00000001 size2_after=00000000 size2_page=00000000 misaligned_base=00000000 misaligned_aligned_down=00000000 faults=00000007 last_cfsr=00000082 last_mmfar=20140000", output);
    }

    [Fact]
    public void B59_CortexM0HasNoMpu()
    {
        var output = MprofileFirmware.AssertSameAsQemu("b59_mpu_overlap", MprofileVariant.M0);
        Assert.Contains("b59 reg type=00000000 ctrl=00000000", output);
    }

    [Theory]
    [InlineData("m3")]
    [InlineData("m7")]
    public void B60_AccessPermissionTableAndDaccviolWithMmfar(string variant)
    {
        var output = MprofileFirmware.AssertSameAsQemu("b60_mpu_ap", MprofileVariant.Named(variant));
        string[] faults = ["1 1 1 1", "0 0 1 1", "0 0 0 1", "0 0 0 0", "1 1 1 1", "0 1 1 1", "0 1 0 1", "0 1 0 1"];
        for (var ap = 0; ap < 8; ap++)
        {
            var f = faults[ap].Split(' ');
            Assert.Contains($"b60 ap=0000000{ap} priv_read_fault=0000000{f[0]} priv_write_fault=0000000{f[1]} user_read_fault=0000000{f[2]} user_write_fault=0000000{f[3]}", output);
        }

        Assert.Contains("b60 ap6_user_write fault=00000001 exc=00000004 cfsr=00000082 mmfar=20100124", output);
        Assert.Contains("b60 unpriv_insn ldrt_fault=00000001 ldrt_mmfar=20100040 strt_fault=00000001 ldr_fault=00000000", output);
    }

    [Fact]
    public void B60_DaccviolIntLogMatchesQemu()
    {
        var variant = MprofileVariant.M3;
        var elf = MprofileFirmware.Build("b60_mpu_ap", variant);
        var qemu = MprofileFirmware.RunQemu(elf, variant, "-d", "int");
        var nemu = MprofileFirmware.RunNemu(elf, variant, "-d", "int");
        const string Lines = "Taking exception 4 [Data Abort] on CPU 0\n...at fault address 0x20100124\n...with CFSR.DACCVIOL and MMFAR 0x20100124\n";
        Assert.Contains(Lines, qemu.Error.Replace("\r", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Contains(Lines, nemu.Error.Replace("\r", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Equal(DataAborts(qemu.Error), DataAborts(nemu.Error));
    }

    [Theory]
    [InlineData("m3")]
    [InlineData("m7")]
    public void B61_XnRegionAndDefaultMapFetchGiveIaccviolWithoutMmfar(string variant)
    {
        var output = MprofileFirmware.AssertSameAsQemu("b61_mpu_xn", MprofileVariant.Named(variant));
        Assert.Contains("b61 off ram=00000000 cfsr=00000000 system=00000001 cfsr=00000001 peripheral=00000001 cfsr=00000001 device=00000001 cfsr=00000001", output);
        Assert.Contains("b61 on xn_region=00000001 cfsr=00000001 mmfar=00000000 x_region=00000000 cfsr=00000000 system_in_x_region=00000001 cfsr=00000001 background_peripheral=00000001 cfsr=00000001", output);
    }

    [Fact]
    public void B61_IaccviolIntLogMatchesQemu()
    {
        var variant = MprofileVariant.M3;
        var elf = MprofileFirmware.Build("b61_mpu_xn", variant);
        var qemu = MprofileFirmware.RunQemu(elf, variant, "-d", "int");
        var nemu = MprofileFirmware.RunNemu(elf, variant, "-d", "int");
        Assert.Contains("Taking exception 3 [Prefetch Abort] on CPU 0\n...at fault address 0x40030000\n...with CFSR.IACCVIOL\n", nemu.Error.Replace("\r", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Equal(qemu.Error, nemu.Error);
    }

    [Theory]
    [InlineData("m3")]
    [InlineData("m4")]
    public void B62_PrivdefenaGivesPrivilegedCodeTheDefaultMapOnly(string variant)
    {
        var output = MprofileFirmware.AssertSameAsQemu("b62_mpu_privdefena", MprofileVariant.Named(variant));
        Assert.Contains("b62 privdefena=00000000 priv_read_fault=00000001 priv_write_fault=00000001 user_read_fault=00000001 cfsr=00000082", output);
        Assert.Contains("b62 privdefena=00000001 priv_read_fault=00000000 priv_write_fault=00000000 user_read_fault=00000001 cfsr=00000000", output);
        Assert.Contains("b62 ppb faults=00000000 ctrl=00000001 vtor_ok=00000001", output);
    }

    [Theory]
    [InlineData("m3")]
    [InlineData("m7")]
    public void B63_HfnmienaClearBypassesTheMpuForHardFaultNmiAndFaultmask(string variant)
    {
        var output = MprofileFirmware.AssertSameAsQemu("b63_mpu_hfnmiena", MprofileVariant.Named(variant));
        Assert.Contains("b63 hf_probe=11111111 hfsr=40000000 cfsr=00000082", output);
        Assert.Contains("b63 nmi_probe=22222222 faultmask_value=33333333 thread_fault=00000001 thread_fault_hfnmiena=00000001", output);
    }

    [Theory]
    [InlineData("m3")]
    [InlineData("m4")]
    public void B15_VectorReadsIgnoreTheMpu(string variant)
    {
        var output = MprofileFirmware.AssertSameAsQemu("b15_vector_read_ignores_mpu", MprofileVariant.Named(variant));
        Assert.Contains("b15 svc_ran=00000001 table_read_faults=00000001", output);
    }

    [Theory]
    [InlineData("m3")]
    [InlineData("m4")]
    public void B06_ReadOnlyStackGivesMstkerrAndDerivedMemManage(string variant)
    {
        var output = MprofileFirmware.AssertSameAsQemu("b06_mpu_stack_readonly", MprofileVariant.Named(variant));
        Assert.Contains("b06 exc=00000004 cfsr=00000010 shcsr=00010001 ispr0=00000001 psp_drop=00000020 mmfar=12345678", output);
    }

    [Fact]
    public void Seed000_StackingFaultTakesMemManageWithMstkerrWhileSvcStaysPending()
    {
        var output = MprofileFirmware.AssertSameAsQemu("b06_mpu_stack_readonly", MprofileVariant.M3, "SEED_SVC");
        // MemManage active (bit 0) and enabled (bit 16); SVCall still pending (SVCALLPENDED, bit 15).
        Assert.Contains("b06 exc=00000004 cfsr=00000010 shcsr=00018001 ispr0=00000000 psp_drop=00000020 mmfar=12345678", output);
    }

    [Fact]
    public void B08_LowerPriorityDerivedMemManageTailChainsAfterTheIrq()
    {
        var output = MprofileFirmware.AssertSameAsQemu("b08_mpu_derived_tailchain", MprofileVariant.M3);
        Assert.Contains("b08 irq_runs=00000001 irq_cfsr=00000010 irq_shcsr=00012000", output);
        Assert.Contains("b08 mm exc=00000004 cfsr=00000010 shcsr=00010001 psp_drop=00000020", output);
    }

    [Fact]
    public void B09_DisabledDerivedMemManageEscalatesToHardFault()
    {
        var output = MprofileFirmware.AssertSameAsQemu("b09_mpu_derived_escalates", MprofileVariant.M3);
        Assert.Contains("b09 exc=00000003 hfsr=40000000 cfsr=00000010 shcsr=00000000 ispr0=00000001 psp_drop=00000020", output);
    }

    [Fact]
    public void B10_NmiIsTakenBeforeTheDerivedMemManage()
    {
        var output = MprofileFirmware.AssertSameAsQemu("b10_mpu_derived_nmi", MprofileVariant.M3);
        Assert.Contains("b10 nmi_runs=00000001 nmi_cfsr=00000010 nmi_shcsr=00012000", output);
        Assert.Contains("b10 mm exc=00000004 cfsr=00000010 shcsr=00010001", output);
    }

    [Fact]
    public void B33_UnstackingFromAnMpuProtectedStackGivesMunstkerr()
    {
        var output = MprofileFirmware.AssertSameAsQemu("b33_mpu_unstack_fault", MprofileVariant.M3);
        Assert.Contains("b33 exc=00000004 cfsr=00000008 shcsr=00010001 mmfar=12345678", output);
    }

    private static int DataAborts(string log) =>
        log.Split('\n').Count(l => l.StartsWith("...with CFSR.DACCVIOL", StringComparison.Ordinal));
}
