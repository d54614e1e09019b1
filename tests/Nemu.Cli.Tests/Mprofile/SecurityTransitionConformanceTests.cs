namespace Nemu.Cli.Tests.Mprofile;

/// <summary>
/// mprofile.md §9 behaviours of the Armv8-M security-state transitions (SG from NSC, INVEP, BXNS/BLXNS from NS, the
/// TT family) and the two-image build of the tz/ kit, run on qemu-system-arm 7.2 and then on Nemu
/// (<see cref="SecurityConformance"/>). B69 and B71 compare the "-d int" log too; B72 compares the console only.
/// </summary>
public sealed class SecurityTransitionConformanceTests
{
    private static readonly string[] TtTable =
    [
        "b72 s addr=10000000 tt=01cc0000 ttt=01c00000 tta=01cc0000 ttat=01c00000 \n",
        "b72 s addr=10100000 tt=01ce0200 ttt=01c20200 tta=01ce0200 ttat=01c20200 \n",
        "b72 s addr=00200000 tt=00be0000 ttt=00820000 tta=00970001 ttat=00970001 \n",
        "b72 s addr=28200000 tt=02be0100 ttt=02820100 tta=02bf0100 ttat=02bf0100 \n",
        "b72 s addr=38000000 tt=03cd0000 ttt=03cd0000 tta=03cc0000 ttat=03c00000 \n",
        "b72 s addr=40200000 tt=04cc0000 ttt=04c00000 tta=04cc0000 ttat=04c00000 \n",
        "b72 s addr=50200000 tt=05cc0000 ttt=05c00000 tta=05cc0000 ttat=05c00000 \n",
        "b72 s addr=e000ed00 tt=004c0000 ttt=004c0000 tta=003c0000 ttat=003c0000 \n",
        "b72 s addr=f0000000 tt=004c0000 ttt=00400000 tta=003c0000 ttat=00000000 \n",
        "b72 ns addr=10000000 tt=000c0000 ttt=00000000 \n",
        "b72 ns addr=10100000 tt=000c0000 ttt=00000000 \n",
        "b72 ns addr=00200000 tt=00050001 ttt=00050001 \n",
        "b72 ns addr=28200000 tt=000d0000 ttt=000d0000 \n",
        "b72 ns addr=38000000 tt=000c0000 ttt=00000000 \n",
        "b72 ns addr=40200000 tt=000c0000 ttt=00000000 \n",
        "b72 ns addr=50200000 tt=000c0000 ttt=00000000 \n",
        "b72 ns addr=e000ed00 tt=000c0000 ttt=000c0000 \n",
        "b72 ns addr=f0000000 tt=000c0000 ttt=00000000 \n",
        "b72 ns tta uf_count=00000001 cfsr_ns=00010000 \n",
        "b72 ns_unpriv addr=10000000 tt=00000000 ttt=00000000 \n",
        "b72 ns_unpriv addr=10100000 tt=00000000 ttt=00000000 \n",
        "b72 ns_unpriv addr=00200000 tt=00000000 ttt=00000000 \n",
        "b72 ns_unpriv addr=28200000 tt=00000000 ttt=00000000 \n",
        "b72 ns_unpriv addr=38000000 tt=00000000 ttt=00000000 \n",
        "b72 ns_unpriv addr=40200000 tt=00000000 ttt=00000000 \n",
        "b72 ns_unpriv addr=50200000 tt=00000000 ttt=00000000 \n",
        "b72 ns_unpriv addr=e000ed00 tt=00000000 ttt=00000000 \n",
        "b72 ns_unpriv addr=f0000000 tt=00000000 ttt=00000000 \n",
    ];

    [Fact]
    public void B69_NonSecureBranchIntoSecureMemoryNeedsAnSgInNscMemory()
    {
        SecurityConformance.Check("b69_ns_call_into_secure", MprofileVariant.M33, "int", output =>
        {
            Assert.Contains("b69 sg_entry_lr_bit0=00000000 lr_is_ns_code=00000001 \n", output);
            Assert.Contains("b69 secure_plain sfsr=00000001 pc_is_target=00000001 lr=ffffffa9 \n", output);
            Assert.Contains("b69 nsc_no_sg sfsr=00000001 pc_is_target=00000001 lr=ffffffa9 count=00000002 \n", output);
            Assert.Contains("Taking exception 3 [Prefetch Abort] on CPU 0\n...at fault address 0x10100060\n...really an SG instruction at 0x10100060, executing it\n", output);
            Assert.Contains("...really SecureFault with SFSR.INVEP\n", output);
        });
    }

    [Fact]
    public void B71_BxnsAndBlxnsAreUndefinedInNonSecureState()
    {
        SecurityConformance.Check("b71_bxns_in_ns_undefined", MprofileVariant.M33, "int", output =>
        {
            Assert.Contains("b71 bxns cfsr_ns=00010000 at_insn=00000001 \n", output);
            Assert.Contains("b71 blxns cfsr_ns=00010000 at_insn=00000001 count=00000002 \n", output);
            Assert.Contains("Taking exception 1 [Undefined Instruction] on CPU 0\n...taking pending nonsecure exception 6\n", output);
        });
    }

    [Fact]
    public void B72_TestTargetResultsForSecureNonSecureAndUnprivilegedCallers()
    {
        SecurityConformance.Check("b72_tt_table", MprofileVariant.M33, null, output =>
        {
            foreach (var line in TtTable)
            {
                Assert.Contains(line, output);
            }
        });
    }

    [Fact]
    public void TwoImageBuildStartsTheNonSecureImageThroughItsVectorTable()
    {
        var (secure, nonSecure) = MprofileFirmware.BuildTz("tz_example_s", "tz_example_ns", MprofileVariant.M33);
        static void Expect(string output) =>
            Assert.Contains("tz s: start ns\ntz ns: counter=00001234 vtor_ns=00300000 \n", output);
        SecurityConformance.Check(secure, MprofileVariant.M33, null, Expect, Expect, null, MprofileFirmware.LoaderArguments(nonSecure));
    }
}
