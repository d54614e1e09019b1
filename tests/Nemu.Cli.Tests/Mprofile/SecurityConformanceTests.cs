namespace Nemu.Cli.Tests.Mprofile;

/// <summary>
/// mprofile.md §9 behaviours of the Armv8-M Security Extension (exception entry/return across security states and
/// the security-state transitions), each a Secure image of tests/firmware/mprofile with the tz/ kit, run on
/// qemu-system-arm 7.2 and on Nemu (<see cref="SecurityConformance"/>). Runs with "-d int" compare QEMU's exception
/// log lines too.
/// </summary>
public sealed class SecurityConformanceTests
{
    [Fact]
    public void B16_NonSecureExceptionPreemptingSecureCodePushesTheCalleeFrameWithTheSignature()
    {
        SecurityConformance.Check("b16_callee_frame_s_to_ns", MprofileVariant.M33, "int", output =>
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
    public void TwoImageBuildStartsTheNonSecureImageThroughItsVectorTable()
    {
        var (secure, nonSecure) = MprofileFirmware.BuildTz("tz_example_s", "tz_example_ns", MprofileVariant.M33);
        static void Expect(string output) =>
            Assert.Contains("tz s: start ns\ntz ns: counter=00001234 vtor_ns=00300000 \n", output);
        SecurityConformance.Check(secure, MprofileVariant.M33, null, Expect, Expect, null, MprofileFirmware.LoaderArguments(nonSecure));
    }
}
