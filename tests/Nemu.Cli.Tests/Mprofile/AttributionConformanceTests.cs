using System.Text.RegularExpressions;

namespace Nemu.Cli.Tests.Mprofile;

/// <summary>
/// mprofile.md §9 behaviours of the Armv8-M attribution and PMSAv8 (64-68, 70): Secure images of
/// tests/firmware/mprofile on mps2-an505, run on qemu-system-arm 7.2 and on Nemu (<see cref="SecurityConformance"/>),
/// each also asserting the expected values. TT results decode as MREGION[7:0], SREGION[15:8], MRVALID b16, SRVALID
/// b17, R b18, RW b19, NSR b20, NSRW b21, S b22, IRVALID b23, IREGION[31:24].
/// </summary>
public sealed partial class AttributionConformanceTests
{
    [Fact]
    public void B64_AddressInTwoPmsav8RegionsFaultsEvenIfBothPermit() =>
        SecurityConformance.Check("b64_pmsav8_overlap", MprofileVariant.M33, null, output =>
        {
            Assert.Contains("b64 region0_only=00000000 cfsr=00000000 mmfar=00000000 \n", output);
            Assert.Contains("b64 both=00000001 cfsr=00000082 mmfar=38100900 \n", output);
            Assert.Contains("b64 both_last=00000001 cfsr=00000082 mmfar=38100ffc \n", output);
            Assert.Contains("b64 region1_only=00000000 cfsr=00000000 mmfar=00000000 \n", output);
            Assert.Contains("b64 background=00000000 cfsr=00000000 mmfar=00000000 \n", output);
            Assert.Contains("b64 mpu_off=00000000 cfsr=00000000 mmfar=00000000 \n", output);
            Assert.Contains("b64 faults=00000002 \n", output);
        });

    [Fact]
    public void B65_RbarRlarAliasesAddressRnrWithTheAliasNumber() =>
        SecurityConformance.Check("b65_pmsav8_rbar_alias", MprofileVariant.M33, null, output =>
        {
            Assert.Contains("b65 type=00001000 rnr=00000005 rbar=20000101 \n", output);
            Assert.Contains("b65 region=00000004 rbar=00000000 rlar=00000000 \n", output);
            Assert.Contains("b65 region=00000005 rbar=20000101 rlar=200011e0 \n", output);
            Assert.Contains("b65 region=00000006 rbar=20000202 rlar=00000000 \n", output);
            Assert.Contains("b65 region=00000007 rbar=20000303 rlar=200033e0 \n", output);
            Assert.Contains("b65 rnr14 a1=00000000 a2=00000000 rbar15=ffffffff rlar15=ffffffff rnr_ff=0000000f mair0=ffffffff mair1=12345678 ctrl=00000007 \n", output);
            Assert.Contains("b65 ns rnr=00000003 ns_rbar=abcdef00 ns_type=00001000 s_rnr=0000000f s_rbar3=00000000 \n", output);
        });

    [Fact]
    public void B66_DisabledSauMakesEverythingSecureAndBxnsToSecureMemoryRaisesInvep()
    {
        // With ALLNS a Secure CPU's load from the NS alias goes out Non-secure and the MPC (LUT: Secure) blocks it:
        // QEMU 7.2 turns every MPC-blocked CPU access into a bus error; the MPC with CTRL.SEC_RESP clear reads as zero
        // (SSE-200 TRM; docs/deviations.md), which Nemu does.
        const string QemuLine = "b66 allns ns_alias_faults=00000001 cfsr=00008200 s_alias_same=00000001 \n";
        const string ArchitecturalLine = "b66 allns ns_alias_faults=00000000 cfsr=00000000 s_alias_same=00000001 \n";
        void Common(string output)
        {
            Assert.Contains("b66 ctrl=00000000 type=00000008 ns_alias_same=00000001 \n", output);
            Assert.Contains("Taking exception 3 [Prefetch Abort] on CPU 0\n...at fault address 0x10000400\n...really SecureFault with SFSR.INVEP\n", output);
            Assert.Contains("b66 securefault sfsr=00000001 sfar=00000000 \n", output);
        }

        SecurityConformance.CheckDeviation("b66_sau_disabled_invep", MprofileVariant.M33, "int",
            output =>
            {
                Common(output);
                Assert.Contains(QemuLine, output);
            },
            output => QemuBlockedLoadLog().Replace(output.Replace(QemuLine, ArchitecturalLine, StringComparison.Ordinal), string.Empty, 1),
            output =>
            {
                Common(output);
                Assert.Contains(ArchitecturalLine, output);
            });
    }

    /// <summary>QEMU's -d int lines for the bus error it takes on the MPC-blocked load (entry to the handler's return).</summary>
    [GeneratedRegex(@"Taking exception 4 \[Data Abort\] on CPU 0\n\.\.\.at fault address 0x804\n(?:.*\n)*?\.\.\.successful exception return\n")]
    private static partial Regex QemuBlockedLoadLog();

    [Fact]
    public void B67_OverlappingSauRegionsAreSecureWithNoValidRegion()
    {
        // The single-region load goes out Non-secure into an MPC-Secure block: a bus error on QEMU 7.2, read-as-zero
        // on Nemu as on the SSE-200 (CTRL.SEC_RESP clear; docs/deviations.md).
        const string QemuLine = "b67 overlap_same=00000001 single_ns_faults=00000001 cfsr=00008200 \n";
        const string ArchitecturalLine = "b67 overlap_same=00000001 single_ns_faults=00000000 cfsr=00000000 \n";

        // Overlap: S, R/RW, no SREGION; one NS region: NSR/NSRW, SRVALID, region 0; NSC region 5: S, SRVALID.
        const string TtLine = "b67 tt_overlap=00cc0000 tt_single=00be0000 tt_nsc=00ce0500 tt_none=00cc0000 \n";
        SecurityConformance.CheckDeviation("b67_sau_overlap", MprofileVariant.M33, null,
            output =>
            {
                Assert.Contains(QemuLine, output);
                Assert.Contains(TtLine, output);
            },
            output => output.Replace(QemuLine, ArchitecturalLine, StringComparison.Ordinal),
            output =>
            {
                Assert.Contains(ArchitecturalLine, output);
                Assert.Contains(TtLine, output);
            });
    }

    [Fact]
    public void B68_IdauBit28KeepsTheSecureAliasSecure()
    {
        // The NS-alias load goes out Non-secure into an MPC-Secure block: a bus error on QEMU 7.2, read-as-zero on
        // Nemu as on the SSE-200 (CTRL.SEC_RESP clear; docs/deviations.md). The Secure alias stays Secure either way.
        const string QemuLine = "b68 ns_alias_load_faults=00000001 s_alias_load_faults=00000000 \n";
        const string ArchitecturalLine = "b68 ns_alias_load_faults=00000000 s_alias_load_faults=00000000 \n";
        void Common(string output)
        {
            Assert.Contains("b68 s_alias_sau_ns=01ce0000 ns_alias_sau_ns=00be0100 s_alias_sau_nsc=01ce0200 s_alias_no_region=01cc0000 \n", output);
            Assert.Contains("b68 codensc nsccfg=00000001 s_alias_sau_ns=01ce0000 s_alias_sau_nsc=01ce0200 s_alias_no_region=01cc0000 ram_sau_none=03cc0000 \n", output);
        }

        SecurityConformance.CheckDeviation("b68_idau_bit28", MprofileVariant.M33, null,
            output =>
            {
                Common(output);
                Assert.Contains(QemuLine, output);
            },
            output => output.Replace(QemuLine, ArchitecturalLine, StringComparison.Ordinal),
            output =>
            {
                Common(output);
                Assert.Contains(ArchitecturalLine, output);
            });
    }

    [Fact]
    public void B70_SecureBxToNonSecureMemoryRaisesInvtran() =>
        SecurityConformance.Check("b70_bx_to_ns_invtran", MprofileVariant.M33, "int", output =>
        {
            Assert.Contains("Taking exception 3 [Prefetch Abort] on CPU 0\n...at fault address 0x20000c\n...really SecureFault with SFSR.INVTRAN\n", output);
            Assert.Contains("b70 count=00000001 sfsr=00000010 stacked_pc_is_target=00000001 sfsr_after=00000000 \n", output);
        });
}
