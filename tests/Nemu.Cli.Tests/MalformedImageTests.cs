using System.Diagnostics;

namespace Nemu.Cli.Tests;

/// <summary>
/// Malformed images produce the guest faults QEMU 7.2 produces (mprofile.md §2-§3, §8.1): the "-d int,guest_errors,cpu"
/// logs of qemu-system-arm and Nemu are identical. Where QEMU aborts on lockup ("qemu: fatal: Lockup: can't
/// escalate ...", exit 134) Nemu follows the architecture and stays locked up: the logs must agree up to that point,
/// and Nemu must still answer its monitor and quit cleanly — never a host exception.
/// </summary>
public sealed class MalformedImageTests
{
    private const string Items = "int,guest_errors,cpu";

    [Fact]
    public void EvenResetPcTakesInvstateThenHardFaultLikeQemu() => AssertSameRun(TestFirmware.Faults("even_reset_pc"));

    [Fact]
    public void UnmappedResetSpAndPcGiveIbuserrAndStkerrLikeQemu() => AssertSameRun(TestFirmware.Faults("unmapped_sp_pc"));

    [Fact]
    public void JumpToUnmappedMemoryEscalatesIbuserrToHardFaultLikeQemu() => AssertSameRun(TestFirmware.Faults("jump_unmapped"));

    [Fact]
    public void FaultInTheHardFaultHandlerLocksUpAfterQemusEvents() =>
        AssertSameUntilLockup(TestFirmware.Faults("jump_unmapped", "HANDLER_FAULTS"));

    [Fact]
    public void AllOnesImageLocksUpAfterQemusEvents() => AssertSameUntilLockup(TestFirmware.Raw("all-ff", Enumerable.Repeat((byte)0xFF, 1024).ToArray()));

    [Fact]
    public void UndefinedInstructionsEverywhereLockUpAfterQemusEvents()
    {
        // SP, then every vector at 0x40 (Thumb); the code is UDF #0 throughout.
        var image = new byte[0x240];
        BitConverter.GetBytes(0x20001000u).CopyTo(image, 0);
        for (var v = 1; v < 16; v++)
        {
            BitConverter.GetBytes(0x41u).CopyTo(image, 4 * v);
        }

        for (var a = 0x40; a < image.Length; a += 2)
        {
            image[a + 1] = 0xDE;
        }

        AssertSameUntilLockup(TestFirmware.Raw("udf", image));
    }

    private static void AssertSameRun(string image)
    {
        var dir = TestFirmware.TempDirectory();
        var qemu = EmulatorRun.Run(EmulatorRun.Qemu, Args(image, "none", Path.Combine(dir, "qemu.log")), string.Empty, 120);
        var nemu = EmulatorRun.Run(EmulatorRun.Nemu, Args(image, "none", Path.Combine(dir, "nemu.log")), string.Empty, 120);

        Assert.Equal(0, qemu.ExitCode);
        Assert.Equal(qemu.ExitCode, nemu.ExitCode);
        AssertNoHostException(nemu.Error);
        Assert.Equal(File.ReadAllText(Path.Combine(dir, "qemu.log")), File.ReadAllText(Path.Combine(dir, "nemu.log")));
    }

    private static void AssertSameUntilLockup(string image)
    {
        var dir = TestFirmware.TempDirectory();
        var qemuLog = Path.Combine(dir, "qemu.log");
        var nemuLog = Path.Combine(dir, "nemu.log");
        var qemu = EmulatorRun.Run(EmulatorRun.Qemu, Args(image, "none", qemuLog), string.Empty, 120);
        Assert.Equal(134, qemu.ExitCode);
        Assert.Contains("qemu: fatal: Lockup: can't escalate", qemu.Error, StringComparison.Ordinal);

        var (exitCode, error) = RunNemuUntilLockupThenQuit(Args(image, "stdio", nemuLog), nemuLog);

        Assert.Equal(0, exitCode);
        AssertNoHostException(error);
        var expected = File.ReadAllText(qemuLog);
        var actual = File.ReadAllText(nemuLog);
        Assert.Equal(expected[..expected.IndexOf("qemu: fatal: Lockup", StringComparison.Ordinal)],
            actual[..actual.IndexOf("CPU Lockup", StringComparison.Ordinal)]);
    }

    private static string[] Args(string image, string monitor, string log) =>
        ["-M", "mps2-an385", "-display", "none", "-serial", "null", "-monitor", monitor, "-semihosting", "-kernel", image,
            "-d", Items, "-D", log];

    /// <summary>Runs Nemu until its log reports the lockup, then quits it through the monitor on stdin.</summary>
    private static (int ExitCode, string Error) RunNemuUntilLockupThenQuit(string[] args, string logPath)
    {
        var (fileName, prefix) = EmulatorRun.Nemu;
        var start = new ProcessStartInfo(fileName)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in prefix.Concat(args))
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("could not start Nemu");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        var deadline = DateTime.UtcNow.AddSeconds(120);
        while (!LogContains(logPath, "CPU Lockup"))
        {
            if (process.HasExited || DateTime.UtcNow > deadline)
            {
                if (!process.HasExited)
                {
                    process.Kill(entireProcessTree: true);
                }

                Assert.Fail($"Nemu never reported the lockup (exited: {process.HasExited}): {error.Result}");
            }

            Thread.Sleep(50);
        }

        process.StandardInput.Write("quit\n");
        process.StandardInput.Close();
        if (!process.WaitForExit(TimeSpan.FromSeconds(60)))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail("Nemu did not quit after the lockup");
        }

        _ = output.Result;
        return (process.ExitCode, error.Result);
    }

    private static bool LogContains(string path, string text)
    {
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            using var reader = new StreamReader(stream);
            return reader.ReadToEnd().Contains(text, StringComparison.Ordinal);
        }
        catch (FileNotFoundException)
        {
            return false;
        }
    }

    private static void AssertNoHostException(string error)
    {
        Assert.DoesNotContain("Unhandled exception", error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
    }
}
