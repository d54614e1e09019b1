// Issue 7 acceptance: builds tests/firmware/gdb/gdbtest.c (see its header) with debug info, the same way as
// tests/firmware/gdb/build.sh, into a temporary directory.
namespace Nemu.Cli.Tests.Acceptance;

/// <summary>The gdb/QMP acceptance firmware for mps2-an385 (Cortex-M3), built once per variant per test run.</summary>
internal static class GdbFirmware
{
    private static readonly Lazy<string> SessionImage = new(() => Build("gdbtest.elf"));
    private static readonly Lazy<string> SysTickImage = new(() => Build("gdbtest-systick.elf", "-DSYSTICK_STEP"));
    private static readonly Lazy<string> SpinImage = new(() => Build("gdbtest-spin.elf", "-DSPIN_FOREVER"));

    /// <summary>main → accumulate() (step/next), a counter loop (watchpoint), semihosting exit code 3.</summary>
    public static string Session => SessionImage.Value;

    /// <summary>SysTick pended under PRIMASK, then <c>systick_window: cpsie i; nop...</c>; exit code 4 after one tick.</summary>
    public static string SysTick => SysTickImage.Value;

    /// <summary>A counter loop that never ends (QMP tests: cont/stop/system_reset while running).</summary>
    public static string Spin => SpinImage.Value;

    private static string Build(string name, params string[] defines)
    {
        var source = Path.Combine(TestFirmware.Root, "gdb");
        return CrossCompiler.Build(
            AcceptanceTools.TempDirectory("fw"),
            name,
            ["-mcpu=cortex-m3", "-mthumb", "-g", "-O0", "-ffreestanding", "-nostdlib", "-nostartfiles", "-Wall", "-Wextra", "-Werror",
            "-Wl,--build-id=none", "-T" + Path.Combine(source, "gdb.ld"), .. defines, Path.Combine(source, "gdbtest.c")]);
    }
}
