using Nemu.Cli.Tests.Mprofile;

namespace Nemu.Cli.Tests.Boards;

/// <summary>
/// The SSE-200 boards mps2-an505 / mps2-an521 (QEMU 7.2 hw/arm/mps2-tz.c and armsse.c; mprofile.md §6.4, plan §4):
/// the memory tree against QEMU 7.2's recorded info mtree (Data/Mps2Tz), -M help, the -smp limits, the Secure boot
/// of an505 from the S alias of SSRAM0 (§9 #76) and the second core of an521 held by CPUWAIT (§9 #77).
/// </summary>
public sealed class Mps2TzBoardTests
{
    [Theory]
    [InlineData("mps2-an505")]
    [InlineData("mps2-an521")]
    public void InfoMtreeMatchesQemuPerAddressSpace(string board)
    {
        // QEMU prints the address spaces in hash order, so the trees are compared block by block.
        var reference = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Data", "Mps2Tz", $"mtree-{board}.txt"));
        string[] args = ["-M", board, "-S", "-display", "none", "-serial", "null", "-monitor", "stdio"];
        var nemu = EmulatorRun.Run(EmulatorRun.Nemu, args, "info mtree\nquit\n");

        Assert.True(nemu.ExitCode == 0, $"nemu-system-arm failed: {nemu.Error}");
        var expected = EmulatorRun.MonitorReplies(reference);
        var actual = EmulatorRun.MonitorReplies(nemu.Out);
        Assert.Equal(EmulatorRun.Blocks(expected[0]), EmulatorRun.Blocks(actual[0]));
        Assert.Contains("cpu-secure-memory-0", actual[0], StringComparison.Ordinal);
    }

    [Fact]
    public void MachineHelpListsBothBoardsAsQemuDoes()
    {
        var qemu = EmulatorRun.Run(EmulatorRun.Qemu, ["-M", "help"], string.Empty);
        var nemu = EmulatorRun.Run(EmulatorRun.Nemu, ["-M", "help"], string.Empty);

        foreach (var board in (string[])["mps2-an505 ", "mps2-an521 "])
        {
            var expected = qemu.Out.Split('\n').Single(l => l.StartsWith(board, StringComparison.Ordinal));
            Assert.Contains(expected, nemu.Out.Split('\n'));
        }
    }

    [Theory]
    [InlineData("mps2-an521", "1")]
    [InlineData("mps2-an521", "3")]
    [InlineData("mps2-an505", "2")]
    public void SmpOutsideTheBoardsCpuCountIsRefusedAsInQemu(string board, string cpus)
    {
        string[] args = ["-M", board, "-smp", cpus, "-display", "none", "-serial", "null", "-monitor", "none"];
        var qemu = EmulatorRun.Run(EmulatorRun.Qemu, args, string.Empty);
        var nemu = EmulatorRun.Run(EmulatorRun.Nemu, args, string.Empty);

        Assert.Equal(1, qemu.ExitCode);
        Assert.Equal(qemu.ExitCode, nemu.ExitCode);
        Assert.Equal(qemu.Error.Replace("qemu-system-arm", "nemu-system-arm", StringComparison.Ordinal), nemu.Error);
    }

    [Fact]
    public void B76_An505BootsSecureFromTheSsram0SecureAlias()
    {
        var console = MprofileFirmware.AssertSameAsQemu("b76_sse_boot", MprofileVariant.M33);

        Assert.Contains("b76 vtor=38000000 vectors=10000000 pc_region=00000100", console, StringComparison.Ordinal);
        Assert.Contains("b76 initsvtor0=10000000 cpuwait=00000000 secrespcfg=00000000 nsccfg=00000000 apbnsppcexp1=00000000", console, StringComparison.Ordinal);
        Assert.Contains("b76 mpc0_ctrl=00000100 blk_max=0000007f blk_cfg=00000005 lut0=00000000 pid4=00000004", console, StringComparison.Ordinal);
        Assert.Contains("b76 alias_same=00000001 reset_pc=00000100", console, StringComparison.Ordinal);
    }

    [Fact]
    public void B77_An521SecondCoreWaitsForCpuwaitThenBootsFromInitsvtor1AndSharesMemory()
    {
        var console = MprofileFirmware.AssertSameAsQemu("b77_an521_dual_core", MprofileVariant.M33Core0);

        Assert.Contains("b77 id0=00000000 cpuwait=00000002 initsvtor1=10000000", console, StringComparison.Ordinal);
        Assert.Contains("b77 before_release=00000000 initsvtor1=00000001", console, StringComparison.Ordinal);
        Assert.Contains("b77 started=00000001 id1=00000001 vtor1=00000001 cpuwait=00000000 checksum_ok=00000001 checksum=54940441", console, StringComparison.Ordinal);
    }

    [Fact]
    public void B73_ExpansionPpcBlocksNonSecureUart0UntilApbnsppcexp1Bit5() => AssertB73B74("b73");

    [Fact]
    public void B74_UnprivilegedNonSecureAccessStaysBlockedUntilApbnspppcexp1Bit5() => AssertB73B74("b74");

    [Fact]
    public void B75_MpcBlocksANonSecureAccessToASecureBlockReadAsZeroOrBusFaultWithSecResp()
    {
        // Deviation (docs/deviations.md): QEMU 7.2 bus-faults every MPC-blocked CPU access and records nothing; the
        // SSE-200 MPC (and Nemu) reads as zero, ignores the write and records INT_INFO1/INFO2/INT_STAT while
        // CTRL.SEC_RESP is clear, and bus-faults once SEC_RESP is set.
        const string QemuRaz = "b75 raz read=000000fa faults=00000002 info1=00000000 info2=00000000 stat=00000000 secmpc=00000000 cleared=00000000";
        const string Raz = "b75 raz read=00000000 faults=00000000 info1=00001000 info2=00010000 stat=00000001 secmpc=00020000 cleared=00000000";
        const string QemuSecResp = "b75 sec_resp read=000000fa faults=00000003 cfsr=00008200 bfar=28001000";
        const string SecResp = "b75 sec_resp read=000000fa faults=00000001 cfsr=00008200 bfar=28001000";
        var elf = MprofileFirmware.Build("b75_mpc_block", MprofileVariant.M33);
        var qemu = MprofileFirmware.RunQemu(elf, MprofileVariant.M33);
        Assert.Contains(QemuRaz, qemu.Out, StringComparison.Ordinal);
        Assert.Contains(QemuSecResp, qemu.Out, StringComparison.Ordinal);
        var nemu = MprofileFirmware.AssertSameRun(elf, MprofileVariant.M33, q => q.Replace(QemuRaz, Raz, StringComparison.Ordinal)
            .Replace(QemuSecResp, SecResp, StringComparison.Ordinal));
        Assert.Contains("b75 lut0=00000000 s_word=005ec2e7", nemu.Out, StringComparison.Ordinal);
        Assert.Contains(Raz, nemu.Out, StringComparison.Ordinal);
        Assert.Contains(SecResp, nemu.Out, StringComparison.Ordinal);
    }

    private static void AssertB73B74(string which)
    {
        // Deviation: QEMU 7.2 completes the blocked access RAZ/WI even with SECRESPCFG=1; the SSE-200 TRM (and Nemu)
        // answer it with a bus error, a precise BusFault at the UART0 NS address (counted again in the b74 line).
        const string QemuSecResp = "b73 secresp=00000000 faults=00000000 cfsr=00000000 bfar=00000000";
        const string SecResp = "b73 secresp=000000fa faults=00000001 cfsr=00008200 bfar=40200008";
        const string QemuB74 = "b74 unpriv_blocked=00000000 unpriv_open=00000001 ppc_stat=00000000 apbnspppcexp1=00000020 faults=00000000";
        const string B74 = "b74 unpriv_blocked=00000000 unpriv_open=00000001 ppc_stat=00000000 apbnspppcexp1=00000020 faults=00000001";
        var elf = MprofileFirmware.Build("b73_ppc_uart0", MprofileVariant.M33);
        var qemu = MprofileFirmware.RunQemu(elf, MprofileVariant.M33);
        Assert.Contains(QemuSecResp, qemu.Out, StringComparison.Ordinal);
        Assert.Contains(QemuB74, qemu.Out, StringComparison.Ordinal);
        var nemu = MprofileFirmware.AssertSameRun(elf, MprofileVariant.M33, q => q.Replace(QemuSecResp, SecResp, StringComparison.Ordinal)
            .Replace(QemuB74, B74, StringComparison.Ordinal));

        if (which == "b73")
        {
            Assert.Contains("b73 ns_reset=00000000 s_after_ns_write=00000001", nemu.Out, StringComparison.Ordinal);
            Assert.Contains(SecResp, nemu.Out, StringComparison.Ordinal);
            Assert.Contains("b73 ns_open=00000001 s_open=00000000", nemu.Out, StringComparison.Ordinal);
        }
        else
        {
            // LDRT (unprivileged) is blocked while only APBNSPPCEXP1 makes the port Non-secure, and reads the UART once
            // APBNSPPPCEXP1 (the security controller's Non-secure block) grants unprivileged access.
            Assert.Contains(B74, nemu.Out, StringComparison.Ordinal);
        }
    }
}
