namespace Nemu.Cli.Tests.Mprofile;

/// <summary>
/// Runner for the v8-M Security Extension conformance firmware (mprofile.md §9 behaviours 13-40, 69-72; issue 5):
/// every test first runs its image on qemu-system-arm 7.2 and asserts the expected values on QEMU's output, then runs
/// the same command line on Nemu and asserts identical stdout/stderr/exit status and the expected values again.
/// Setting NEMU_MPROFILE_QEMU_ONLY=1 stops after the QEMU half: that is how the firmware is validated while Nemu's
/// ARMv8-M pieces are still missing; it is never set in the normal suite, where the Nemu half always runs.
/// </summary>
internal static class SecurityConformance
{
    /// <summary>True when the suite runs the QEMU half only (NEMU_MPROFILE_QEMU_ONLY=1).</summary>
    public static bool QemuOnly => Environment.GetEnvironmentVariable("NEMU_MPROFILE_QEMU_ONLY") == "1";

    /// <summary>
    /// Builds <paramref name="test"/> for <paramref name="variant"/>, runs it with "-d <paramref name="logItems"/>"
    /// (none when null) on QEMU, checks <paramref name="expect"/> against QEMU's stdout+stderr, then (unless
    /// <see cref="QemuOnly"/>) compares Nemu's run with QEMU's and checks <paramref name="expect"/> against Nemu's.
    /// </summary>
    public static void Check(string test, MprofileVariant variant, string? logItems, Action<string> expect) =>
        Check(MprofileFirmware.Build(test, variant), variant, logItems, expect, expect, null);

    /// <summary>
    /// As <see cref="Check(string, MprofileVariant, string?, Action{string})"/> for a behaviour where QEMU 7.2 deviates
    /// from the architecture (mprofile.md §8, docs/deviations.md): <paramref name="expectQemu"/> pins QEMU's deviating
    /// output, <paramref name="architectural"/> maps QEMU's stdout to the architectural one for the comparison, and
    /// <paramref name="expectNemu"/> asserts the architectural result on Nemu.
    /// </summary>
    public static void CheckDeviation(string test, MprofileVariant variant, string? logItems, Action<string> expectQemu, Func<string, string> architectural, Action<string> expectNemu) =>
        Check(MprofileFirmware.Build(test, variant), variant, logItems, expectQemu, expectNemu, architectural);

    /// <summary>The general form: an already built image and extra arguments (e.g. <see cref="MprofileFirmware.LoaderArguments"/>).</summary>
    public static void Check(string elf, MprofileVariant variant, string? logItems, Action<string> expectQemu, Action<string> expectNemu, Func<string, string>? architectural, params string[] extra)
    {
        string[] arguments = logItems is null ? extra : ["-d", logItems, .. extra];
        var qemu = MprofileFirmware.RunQemu(elf, variant, arguments);
        expectQemu(qemu.Out + qemu.Error);
        if (QemuOnly)
        {
            return;
        }

        var nemu = MprofileFirmware.AssertSameRun(elf, variant, architectural, arguments);
        expectNemu(nemu.Out + nemu.Error);
    }
}
