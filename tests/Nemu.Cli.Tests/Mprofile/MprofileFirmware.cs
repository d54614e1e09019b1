using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text;

namespace Nemu.Cli.Tests.Mprofile;

/// <summary>
/// Builds and runs the issue-4 conformance firmware of tests/firmware/mprofile (bNN_name.c with the mp.h kit) on
/// qemu-system-arm and on Nemu with the same command line, for the differential tests named after the
/// behaviours of mprofile.md §9.
/// </summary>
internal static class MprofileFirmware
{
    /// <summary>The import library ld writes for a Secure image (--out-implib): the SG veneer addresses NS images call.</summary>
    private const string VeneerLibrary = "veneers.o";

    private static readonly ConcurrentDictionary<string, string> Built = new();

    /// <summary>Builds tests/firmware/mprofile/<paramref name="test"/>.c (cached per variant and defines).</summary>
    public static string Build(string test, MprofileVariant variant, params string[] defines) =>
        BuildWithStart(test, "mp_start.S", variant, defines);

    /// <summary>As <see cref="Build"/>, with the kit's start file <paramref name="start"/> instead of mp_start.S.</summary>
    public static string BuildWithStart(string test, string start, MprofileVariant variant, params string[] defines)
    {
        var key = test + "|" + start + "|" + variant.Name + "|" + string.Join(',', defines);
        return Built.GetOrAdd(key, _ =>
        {
            var root = TestFirmware.Root;
            var common = Path.Combine(root, "common");
            var kit = Path.Combine(root, "mprofile");
            var dir = TestFirmware.TempDirectory();
            string[] console = variant.SemihostingConsole ? [] : ["-DCONSOLE_UART_CMSDK"];
            string[] tz = variant.TrustZone
                ? ["-I" + Path.Combine(kit, "tz"), Path.Combine(kit, "tz", "tz.c"), "-Wl,--cmse-implib,--out-implib=" + Path.Combine(dir, VeneerLibrary)]
                : [];
            string[] args =
            [
                .. variant.CFlags, "-mthumb", .. console, .. defines.Select(d => "-D" + d),
                "-T" + Path.Combine(common, variant.LinkerScript), "-O2", "-ffreestanding", "-fno-common",
                "-fno-tree-loop-distribute-patterns", "-nostdlib", "-nostartfiles", "-I" + common, "-I" + kit, "-L" + common,
                Path.Combine(kit, start), Path.Combine(common, "semihost.S"), Path.Combine(common, "console.c"),
                Path.Combine(common, "mem.c"), Path.Combine(kit, "mp.c"), .. tz, Path.Combine(kit, test + ".c"), "-lgcc",
            ];
            return CrossCompiler.Build(dir, test + "-" + variant.Name + ".elf", args);
        });
    }

    /// <summary>
    /// Two-image TrustZone build: the Secure image <paramref name="secureTest"/> (as <see cref="Build"/>, which also
    /// writes its SG veneer import library) and the Non-secure image tests/firmware/mprofile/<paramref name="nsTest"/>.c
    /// (tz/tz_ns_start.S, tz/an505_ns.ld: code at 0x00300000, data at 0x28300000) linked against those veneers. Run
    /// the pair with <see cref="LoaderArguments"/> as the extra arguments.
    /// </summary>
    public static (string Secure, string NonSecure) BuildTz(string secureTest, string nsTest, MprofileVariant variant, params string[] defines)
    {
        Assert.True(variant.TrustZone, $"{variant} has no Security Extension");
        var secure = Build(secureTest, variant, defines);
        var key = secureTest + "|ns:" + nsTest + "|" + variant.Name + "|" + string.Join(',', defines);
        var nonSecure = Built.GetOrAdd(key, _ =>
        {
            var root = TestFirmware.Root;
            var common = Path.Combine(root, "common");
            var kit = Path.Combine(root, "mprofile");
            var tz = Path.Combine(kit, "tz");
            string[] args =
            [
                .. variant.CFlags.Where(f => f != "-mcmse" && !f.StartsWith("-DCONSOLE_UART_BASE", StringComparison.Ordinal)), "-mthumb",
                .. defines.Select(d => "-D" + d), "-T" + Path.Combine(tz, "an505_ns.ld"), "-O2", "-ffreestanding", "-fno-common",
                "-fno-tree-loop-distribute-patterns", "-nostdlib", "-nostartfiles", "-I" + common, "-I" + kit, "-I" + tz, "-L" + common,
                Path.Combine(tz, "tz_ns_start.S"), Path.Combine(kit, nsTest + ".c"),
                Path.Combine(Path.GetDirectoryName(secure)!, VeneerLibrary), "-lgcc",
            ];
            return CrossCompiler.Build(TestFirmware.TempDirectory(), nsTest + "-" + variant.Name + ".elf", args);
        });
        return (secure, nonSecure);
    }

    /// <summary>The extra arguments that load a separate Non-secure image next to -kernel (QEMU's generic loader).</summary>
    public static string[] LoaderArguments(string nonSecureElf, params string[] extra) =>
        ["-device", "loader,file=" + nonSecureElf, .. extra];

    /// <summary>
    /// The command line both emulators get. m0 (microbit) prints through semihosting only, so its serial port and
    /// monitor are off instead of sharing stdio.
    /// </summary>
    public static string[] Arguments(string elf, MprofileVariant variant, params string[] extra)
    {
        string[] console = variant.SemihostingConsole ? ["-display", "none", "-serial", "null", "-monitor", "none"] : ["-nographic"];
        return ["-M", variant.Board, "-cpu", variant.Cpu, .. console, "-semihosting", "-kernel", elf, .. extra];
    }

    /// <summary>Runs the image on qemu-system-arm.</summary>
    public static (int ExitCode, string Out, string Error) RunQemu(string elf, MprofileVariant variant, params string[] extra) =>
        EmulatorRun.Run(EmulatorRun.Qemu, Arguments(elf, variant, extra), string.Empty, 120);

    /// <summary>Runs the image on Nemu.</summary>
    public static (int ExitCode, string Out, string Error) RunNemu(string elf, MprofileVariant variant, params string[] extra) =>
        EmulatorRun.Run(EmulatorRun.Nemu, Arguments(elf, variant, extra), string.Empty, 120);

    /// <summary>
    /// Builds <paramref name="test"/>, runs it on both emulators and asserts identical standard output, standard
    /// error and exit status. Returns the console text (stdout for UART variants, stderr for m0) so the caller can
    /// also assert the behaviour itself: a test must not pass because both emulators did the same wrong thing.
    /// </summary>
    public static string AssertSameAsQemu(string test, MprofileVariant variant, params string[] defines)
    {
        var nemu = AssertSameRun(Build(test, variant, defines), variant, null);
        return variant.SemihostingConsole ? nemu.Error : nemu.Out;
    }

    /// <summary>
    /// Runs <paramref name="elf"/> on both emulators with <paramref name="extra"/> arguments and asserts identical
    /// stdout, stderr and exit status; returns Nemu's run. <paramref name="architectural"/>, when given, first maps
    /// QEMU's stdout and stderr to what the architecture requires where QEMU deviates (a deviation in docs/deviations.md).
    /// </summary>
    public static (int ExitCode, string Out, string Error) AssertSameRun(string elf, MprofileVariant variant, Func<string, string>? architectural, params string[] extra)
    {
        var qemu = RunQemu(elf, variant, extra);
        var qemuOut = architectural is null ? qemu.Out : architectural(qemu.Out);
        var qemuError = architectural is null ? qemu.Error : architectural(qemu.Error);
        var nemu = RunNemu(elf, variant, extra);
        var what = $"{Path.GetFileName(elf)} on {variant} ({variant.Board}) {string.Join(' ', extra)}";
        Assert.True(qemuOut == nemu.Out, $"{what}: stdout differs\n--- qemu\n{qemuOut}\n--- nemu\n{nemu.Out}");
        Assert.True(qemuError == nemu.Error, $"{what}: stderr differs\n--- qemu\n{qemuError}\n--- nemu\n{nemu.Error}");
        Assert.True(qemu.ExitCode == nemu.ExitCode, $"{what}: exit status qemu {qemu.ExitCode}, nemu {nemu.ExitCode}\n{nemu.Out}{nemu.Error}");
        return nemu;
    }

    /// <summary>Runs Nemu until its stderr contains <paramref name="marker"/> (a core in lockup never exits), then ends it.</summary>
    public static (string Out, string Error) RunNemuUntilLogContains(string elf, MprofileVariant variant, string marker, params string[] extra)
    {
        var (fileName, prefix) = EmulatorRun.Nemu;
        var info = new ProcessStartInfo(fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var arg in prefix.Concat(MprofileFirmware.Arguments(elf, variant, extra)))
        {
            info.ArgumentList.Add(arg);
        }

        var output = new StringBuilder();
        var error = new StringBuilder();
        var seen = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var process = new Process { StartInfo = info };
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                lock (output)
                {
                    output.Append(e.Data).Append('\n');
                }
            }
        };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                lock (error)
                {
                    error.Append(e.Data).Append('\n');
                }

                if (e.Data.Contains(marker, StringComparison.Ordinal))
                {
                    seen.TrySetResult();
                }
            }
        };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var found = seen.Task.Wait(TimeSpan.FromSeconds(120));
        var exited = process.HasExited;
        if (!exited)
        {
            process.Kill(entireProcessTree: true);
        }

        process.WaitForExit();
        lock (error)
        {
            Assert.True(found, $"Nemu did not report '{marker}' within 120 s (exited: {exited})\n{error}");
        }

        // The console line may still be in flight when the lockup is reported: give it the time the process had.
        lock (output)
        {
            lock (error)
            {
                return (output.ToString(), error.ToString());
            }
        }
    }
}
