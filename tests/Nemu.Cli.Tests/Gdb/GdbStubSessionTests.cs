// Real gdb-multiarch --batch sessions against nemu-system-arm's gdbstub (management.md §5; issue7-ref/gdb-*-10.log
// hold QEMU 10.0's `maint print xml-tdesc` output for the same boards, copied to Data/Gdb as test data).
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Nemu.Cli.Tests.Gdb;

public sealed class GdbStubSessionTests
{
    private static readonly string DataDir = Path.Combine(AppContext.BaseDirectory, "Data", "Gdb");

    [Fact]
    public void An385TargetDescriptionEqualsQemu10s()
    {
        var output = RunSession(["-M", "mps2-an385", "-kernel", Path.Combine(DataDir, "loop.elf")], ["maint print xml-tdesc"]);
        Assert.Contains(File.ReadAllText(Path.Combine(DataDir, "tdesc-hello-10.xml")).TrimEnd(), output, StringComparison.Ordinal);
    }

    [Fact]
    public void An521TargetDescriptionEqualsQemu10s()
    {
        var output = RunSession(["-M", "mps2-an521"], ["maint print xml-tdesc"], elf: null);
        Assert.Contains(File.ReadAllText(Path.Combine(DataDir, "tdesc-an521-10.xml")).TrimEnd(), output, StringComparison.Ordinal);
    }

    [Fact]
    public void InspectWriteStepMonitorAndDetachOnAn385()
    {
        var output = RunSession(
            ["-M", "mps2-an385", "-kernel", Path.Combine(DataDir, "loop.elf")],
            [
                "info registers", "p/x $msp", "p/x $psp", "p/x $control", "set $r0 = 0x12345678", "p/x $r0",
                "set {unsigned int}0x20000100 = 0xdeadbeef", "x/1xw 0x20000100", "p/x $pc", "stepi", "p/x $pc",
                "monitor info status", "info threads", "detach",
            ]);
        Assert.Matches(@"sp\s+0x20010000", output);
        Assert.Matches(@"xpsr\s+0x41000000", output);
        Assert.Contains("$1 = 0x20010000", output, StringComparison.Ordinal);
        Assert.Contains("$2 = 0x0", output, StringComparison.Ordinal);
        Assert.Contains("$3 = 0x0", output, StringComparison.Ordinal);
        Assert.Contains("$4 = 0x12345678", output, StringComparison.Ordinal);
        Assert.Contains("0x20000100:\t0xdeadbeef", output, StringComparison.Ordinal);
        Assert.Contains("$5 = 0x60", output, StringComparison.Ordinal);
        Assert.Contains("$6 = 0x62", output, StringComparison.Ordinal);
        Assert.Contains("VM status: paused (debug)", output, StringComparison.Ordinal);
        Assert.Contains("Thread 1.1 (CPU#0 [running])", output, StringComparison.Ordinal);
        Assert.Contains("[Inferior 1 (process 1) detached]", output, StringComparison.Ordinal);
    }

    private static string RunSession(IReadOnlyList<string> nemuArgs, IReadOnlyList<string> commands, string? elf = "loop.elf")
    {
        var gdb = FindOnPath("gdb-multiarch");
        Assert.True(gdb is not null, "gdb-multiarch is not installed: run ./scripts/test.sh, which installs it");
        var port = FreePort();
        var dir = Directory.CreateTempSubdirectory("nemu-gdb-");
        try
        {
            var script = Path.Combine(dir.FullName, "session.gdb");
            File.WriteAllLines(script, [
                "set pagination off", "set confirm off", "set tcp connect-timeout 30",
                $"target remote 127.0.0.1:{port}", .. commands,
            ]);
            var nemu = EmulatorRun.Nemu;
            var start = new ProcessStartInfo(nemu.FileName)
            {
                RedirectStandardInput = true,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            foreach (var arg in (string[])[.. nemu.Prefix, .. nemuArgs, "-display", "none", "-serial", "null", "-monitor", "none", "-S", "-gdb", $"tcp::{port}"])
            {
                start.ArgumentList.Add(arg);
            }

            using var emulator = Process.Start(start)!;
            try
            {
                var gdbStart = new ProcessStartInfo(gdb!) { RedirectStandardOutput = true, RedirectStandardError = true };
                foreach (var arg in (string[])["--batch", "-nx", "-x", script])
                {
                    gdbStart.ArgumentList.Add(arg);
                }

                if (elf is not null)
                {
                    gdbStart.ArgumentList.Add(Path.Combine(DataDir, elf));
                }

                using var client = Process.Start(gdbStart)!;
                var stdout = client.StandardOutput.ReadToEndAsync();
                var stderr = client.StandardError.ReadToEndAsync();
                Assert.True(client.WaitForExit(120_000), "gdb did not finish within 120 s");
                return stdout.Result + stderr.Result;
            }
            finally
            {
                if (!emulator.HasExited)
                {
                    emulator.Kill();
                }

                emulator.WaitForExit();
            }
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string? FindOnPath(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(':', StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, name)).FirstOrDefault(File.Exists);
}
