namespace Nemu.Cli.Tests.Mprofile;

/// <summary>
/// mprofile.md §9 behaviours of Armv8-M exception and function return with the Security Extension (integrity
/// checks, EXC_RETURN.ES validity, FNC_RETURN, CLRONRET), run on qemu-system-arm 7.2 and then on Nemu
/// (<see cref="SecurityConformance"/>), with the "-d int" log compared as well.
/// </summary>
public sealed class SecurityReturnConformanceTests
{
    [Theory]
    [InlineData("m33")]
    [InlineData("m33core0")]
    public void B29_HandlerReturnToAThreadFrameTakesInvpcOnTheExistingFrame(string variant)
    {
        SecurityConformance.Check("b29_return_mode_mismatch_v8", MprofileVariant.Named(variant), "int", output =>
        {
            Assert.Contains("b29 uf_lr=fffffff1 cfsr=00040000 same_sp=00000001 resumed=00000001 \n", output);
            Assert.Contains("...taking UsageFault on existing stackframe: failed exception return integrity check\n", output);
        });
    }

    [Fact]
    public void B31_NonSecureReturnWithEsSetTakesSecureFaultInverAfterDeactivating()
    {
        SecurityConformance.Check("b31_ns_return_with_es_set", MprofileVariant.M33, "int", output =>
        {
            Assert.Contains("b31 sf_lr=ffffffd9 sfsr=00000004 faultmask_ns=00000000 irq_active=00000000 resumed=00000001 \n", output);
            Assert.Contains("...taking SecureFault on existing stackframe: failed EXC_RETURN.ES validity check\n", output);
        });
    }

    [Fact]
    public void B32_CorruptedIntegritySignatureTakesSecureFaultInvisWithoutPopping()
    {
        SecurityConformance.Check("b32_corrupted_integrity_signature", MprofileVariant.M33, "int", output =>
        {
            Assert.Contains("b32 ns_count=00000001 sig_seen=fefa125b sf_lr=ffffffd9 sfsr=00000002 sf_sp_is_callee_frame=00000001 restored=00000001 \n", output);
            Assert.Contains("...taking SecureFault on existing stackframe: failed exception return integrity signature check\n", output);
        });
    }

    [Fact]
    public void B39_FncReturnResumesSecureCodeAndChecksIpsrConsistency()
    {
        SecurityConformance.Check("b39_fnc_return", MprofileVariant.M33, "int", output =>
        {
            Assert.Contains("b39 ns_lr=feffffff ns_ipsr=00000000 sp_restored=00000001 \n", output);
            Assert.Contains("b39 ns_uf cfsr_ns=00040000 ipsr=00000006 \n", output);
            Assert.Contains("Taking exception 8 [QEMU v7M exception exit] on CPU 0\n...really v7M secure function return\n...function return successful\n", output);
            Assert.Contains("...really v7M secure function return\n...taking INVPC UsageFault: IPSR consistency check failed\n...taking pending nonsecure exception 6\n", output);
        });
    }

    [Fact]
    public void B40_ClronretZeroesTheFpRegistersAndFpscrOnReturn()
    {
        SecurityConformance.Check("b40_clronret", MprofileVariant.M33, "int", output =>
        {
            Assert.Contains("b40 clronret=0 s_or=7fc00000 fpscr=03c00000 \n", output);
            Assert.Contains("b40 clronret=1 s_or=00000000 fpscr=00000000 control_fpca=00000000 \n", output);
        });
    }
}
