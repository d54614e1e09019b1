namespace Nemu.Cli.Tests;

/// <summary>Builds the firmware of tests/firmware (demo programs and the faults/ images) into a temporary directory.</summary>
internal static class TestFirmware
{
    private const string M3Flags = "-mcpu=cortex-m3";

    /// <summary>The tests/firmware directory of the source tree.</summary>
    public static string Root
    {
        get
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "tests", "firmware", "build.sh")))
            {
                dir = dir.Parent;
            }

            Assert.True(dir is not null, "tests/firmware/build.sh not found above " + AppContext.BaseDirectory);
            return Path.Combine(dir!.FullName, "tests", "firmware");
        }
    }

    /// <summary>A demo program (hello, compute) for the m3 variant, with the flags of build.sh.</summary>
    public static string Demo(string program) => Demo(program, M3Flags, "-mfloat-abi=soft");

    /// <summary>A demo built for the Cortex-M4 with FPv4-SP (mps2-an386): its startup enables CP10/CP11.</summary>
    public static string DemoM4(string program) => Demo(program, "-mcpu=cortex-m4", "-mfloat-abi=hard", "-mfpu=fpv4-sp-d16");

    private static string Demo(string program, params string[] cpuFlags)
    {
        var common = Path.Combine(Root, "common");
        return CrossCompiler.Build(
            TempDirectory(),
            program + ".elf",
            [.. cpuFlags, "-mthumb", "-DCONSOLE_UART_CMSDK", "-T" + Path.Combine(common, "mps2.ld"),
            "-O2", "-ffreestanding", "-fno-common", "-fno-tree-loop-distribute-patterns", "-nostdlib", "-nostartfiles",
            "-I" + common, "-L" + common,
            Path.Combine(common, "startup.S"), Path.Combine(common, "semihost.S"), Path.Combine(common, "console.c"),
            Path.Combine(common, "mem.c"), Path.Combine(Root, program, program + ".c"), "-lgcc"]);
    }

    /// <summary>A self-contained image of tests/firmware/faults (its own vector table at address 0).</summary>
    public static string Faults(string source, params string[] defines)
    {
        string[] args = [M3Flags, "-mthumb", "-nostdlib", "-nostartfiles", "-Wl,-Ttext=0", "-Wl,-e,0", .. defines.Select(d => "-D" + d),
            Path.Combine(Root, "faults", source + ".S")];
        return CrossCompiler.Build(TempDirectory(), source + ".elf", args);
    }

    /// <summary>A raw image (loaded at address 0 by -kernel) written from <paramref name="bytes"/>.</summary>
    public static string Raw(string name, byte[] bytes)
    {
        var path = Path.Combine(TempDirectory(), name + ".bin");
        File.WriteAllBytes(path, bytes);
        return path;
    }

    public static string TempDirectory() => Directory.CreateTempSubdirectory("nemu-dlog-").FullName;
}
