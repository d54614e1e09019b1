// Debian's mbedtls 2.28 test suites, cross-built for mps2-an385 by scripts/mbedtls/build.sh and run by
// scripts/mbedtls/run.sh on qemu-system-arm (the oracle) and Nemu with the same command line (management.md §7:
// the .datax file name comes from SYS_GET_CMDLINE, the suite reads it and data_files/ through semihosting file I/O,
// exits through SYS_EXIT_EXTENDED). docs/mbedtls.md has the full comparison; this runs a subset that takes a
// couple of minutes on a 2-core machine. The build (download, library, suites) is cached in build/mbedtls/ of the
// checkout, so only the first run pays for it; a missing toolchain or network fails the test with build.sh's message.
using Nemu.Boards.Tests.Differential;

namespace Nemu.Boards.Tests.ThirdParty;

/// <summary>A fast subset of the mbedtls suites passes on Nemu exactly where it passes on QEMU, with identical output.</summary>
public sealed class MbedtlsSuiteTests
{
    /// <summary>
    /// Small suites over different library code and semihosting paths: encodings, hashes (MD2/4/5, RIPEMD-160,
    /// SHA-1/256/512), the generic MD layer, AES ECB/CBC, CCM, DES, Camellia, HKDF, ChaCha20-Poly1305, ASN.1 parse
    /// and write, error strings, entropy and CTR_DRBG (seed files: SYS_OPEN/WRITE/READ/FLEN) and PSA ITS (SYS_RENAME,
    /// SYS_REMOVE). Each takes under 20 s on Nemu; bignum, ECP, RSA and SSL take minutes and are left to
    /// scripts/mbedtls/run.sh (docs/mbedtls.md).
    /// </summary>
    public static readonly string[] Subset =
    [
        "base64", "mdx", "shax", "md", "aes.ecb", "aes.cbc", "ccm", "des", "camellia", "hkdf", "chachapoly", "asn1parse",
        "asn1write", "error", "entropy", "ctr_drbg", "psa_its",
    ];

    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(30);

    [Fact]
    public void MbedtlsSuitesPassWhereTheyPassOnQemu()
    {
        var results = Path.Combine(RepositoryPaths.Root, "build", "mbedtls", "results-test");
        if (Directory.Exists(results))
        {
            Directory.Delete(results, recursive: true);
        }

        var nemuDll = new NemuRunner().Dll;
        Assert.True(File.Exists(nemuDll), $"{nemuDll} not found: the test project references src/Nemu.Cli, or set NEMU_SYSTEM_ARM_DLL");
        var script = Path.Combine(RepositoryPaths.Root, "scripts", "mbedtls", "run.sh");
        var run = ProcessRun.Run(
            "bash",
            [script, "--emulator", "both", "--suites", string.Join(' ', Subset), "--results", results, "--nemu-dll", nemuDll, "--timeout", "600"],
            Timeout);
        Assert.False(run.TimedOut, "scripts/mbedtls/run.sh did not finish in " + Timeout);
        // Exit 1 also means "some suite failed", which the comparison below judges; a missing tool (exit 2) or a failed
        // build (no network for the first download) leaves no status files.
        var complete = Subset.All(s => File.Exists(Path.Combine(results, "qemu", $"test_suite_{s}.status"))
            && File.Exists(Path.Combine(results, "nemu", $"test_suite_{s}.status")));
        Assert.True(complete, $"scripts/mbedtls/run.sh failed (exit {run.ExitCode}):\n{run.Error}{run.Output}");

        foreach (var suite in Subset)
        {
            var qemu = Outcome(results, "qemu", suite);
            var nemu = Outcome(results, "nemu", suite);
            Assert.True(qemu.Status == 0, $"test_suite_{suite} fails on qemu-system-arm (exit {qemu.Status}); pick suites that pass on the oracle:\n{qemu.Output}{qemu.Error}");
            Assert.True(qemu.Status == nemu.Status, $"test_suite_{suite}: exit {nemu.Status} on Nemu, {qemu.Status} on QEMU:\n{nemu.Output}{nemu.Error}");
            Assert.Equal(qemu.Output, nemu.Output);
            Assert.Equal(qemu.Error, nemu.Error);
        }
    }

    private static (int Status, string Output, string Error) Outcome(string results, string emulator, string suite)
    {
        var stem = Path.Combine(results, emulator, "test_suite_" + suite);
        return (int.Parse(File.ReadAllText(stem + ".status").Trim(), global::System.Globalization.CultureInfo.InvariantCulture),
            File.ReadAllText(stem + ".out"), File.ReadAllText(stem + ".err"));
    }
}
