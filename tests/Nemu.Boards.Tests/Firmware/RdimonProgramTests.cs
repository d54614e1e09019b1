// A hosted C program (tests/firmware/rdimon/libc_tour.c) on the semihosting C libraries firmware engineers link:
// newlib's libgloss rdimon and picolibc's semihost oslib, on mps2-an385 (management.md §7). Both emulators get the
// same command line; stdout, stderr and the exit status must be identical apart from the clock values.
using System.Text.RegularExpressions;
using Nemu.Boards.Tests.Differential;

namespace Nemu.Boards.Tests.Firmware;

/// <summary>
/// libc_tour (float printf, qsort, malloc, strtod, a host file round trip, time/clock, exit(3)) behaves on Nemu
/// exactly as on qemu-system-arm with both semihosting C libraries.
/// </summary>
public sealed partial class RdimonProgramTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(3);
    private static readonly Lock BuildLock = new();
    private static bool _built;

    public static TheoryData<string> Libraries => ["rdimon", "picolibc"];

    [Theory]
    [MemberData(nameof(Libraries))]
    public void HostedLibcProgramBehavesAsOnQemu(string library)
    {
        var elf = Build(library);
        var qemu = Run(onQemu: true, elf);
        var nemu = Run(onQemu: false, elf);

        Assert.False(qemu.Result.TimedOut, "libc_tour did not exit on qemu-system-arm");
        Assert.False(nemu.Result.TimedOut, "libc_tour did not exit on Nemu");
        // return 3 from main: exit(3) -> SYS_EXIT_EXTENDED {ADP_Stopped_ApplicationExit, 3}.
        Assert.Equal(3, qemu.Result.ExitCode);
        var qemuText = Masked(qemu.Result.Output + qemu.Result.Error);
        Assert.Contains("qsort: -2147483648 -7 -7 0 5 13 42 99 1000 2147483647", qemuText, StringComparison.Ordinal);
        Assert.Contains("file: length 35, read 11 from 24: \"0123456789\", ftell 35, eof 1", qemuText, StringComparison.Ordinal);
        Assert.Contains("file: reopen after remove fails", qemuText, StringComparison.Ordinal);

        Assert.Equal(qemu.Result.ExitCode, nemu.Result.ExitCode);
        Assert.Equal(Masked(qemu.Result.Output), Masked(nemu.Result.Output));
        Assert.Equal(Masked(qemu.Result.Error), Masked(nemu.Result.Error));
        Assert.Empty(Directory.GetFiles(nemu.Directory));
        Directory.Delete(qemu.Directory, recursive: true);
        Directory.Delete(nemu.Directory, recursive: true);
    }

    /// <summary>
    /// The digits of the "time:" and "clock:" lines. SYS_TIME is the host's wall clock, which moves between the two
    /// runs; SYS_CLOCK (and picolibc's SYS_ELAPSED-based clock) count host CPU time on QEMU but Nemu's virtual
    /// clock (a documented deviation that keeps -icount runs reproducible). The lines' own checks (after 2020,
    /// monotonic) stay compared.
    /// </summary>
    private static string Masked(string text) => ClockValues().Replace(text, m => m.Groups[1].Value + "#");

    [GeneratedRegex(@"^((?:time|clock): )[0-9 ]+", RegexOptions.Multiline)]
    private static partial Regex ClockValues();

    private static (ProcessResult Result, string Directory) Run(bool onQemu, string elf)
    {
        // The file round trip happens in a fresh directory named by the last command-line argument.
        var directory = global::System.IO.Directory.CreateTempSubdirectory("nemu-libc-tour-").FullName;
        string[] arguments =
        [
            "-M", "mps2-an385", "-cpu", "cortex-m3", "-nographic",
            "-semihosting-config", $"enable=on,target=native,arg=libc_tour,arg={directory}", "-kernel", elf,
        ];
        var result = onQemu
            ? ProcessRun.Run(ProcessRun.Require("qemu-system-arm", "qemu-system-arm"), arguments, Timeout)
            : ProcessRun.Run("dotnet", [NemuDll(), .. arguments], Timeout);
        return (result, directory);
    }

    private static string NemuDll()
    {
        var dll = new NemuRunner().Dll;
        return File.Exists(dll) ? dll : throw new InvalidOperationException($"{dll} not found: the test project references src/Nemu.Cli, or set NEMU_SYSTEM_ARM_DLL");
    }

    /// <summary>Builds both variants once per test run with tests/firmware/rdimon/build.sh.</summary>
    private static string Build(string library)
    {
        lock (BuildLock)
        {
            if (!_built)
            {
                ProcessRun.Require("arm-none-eabi-gcc", "gcc-arm-none-eabi");
                var script = Path.Combine(RepositoryPaths.Firmware, "rdimon", "build.sh");
                var result = ProcessRun.Run("bash", [script], Timeout);
                if (result.ExitCode != 0)
                {
                    throw new InvalidOperationException($"tests/firmware/rdimon/build.sh failed (exit {result.ExitCode}; picolibc comes from the Debian package picolibc-arm-none-eabi):\n{result.Error}{result.Output}");
                }

                _built = true;
            }
        }

        return Path.Combine(RepositoryPaths.Output, library, "libc_tour.elf");
    }
}
