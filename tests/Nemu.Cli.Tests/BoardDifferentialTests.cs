namespace Nemu.Cli.Tests;

/// <summary>
/// The M-profile boards against qemu-system-arm 7.2 (mprofile.md §6.3, management.md §1.2): the memory map of
/// mps2-an385/an386/an500, the boards' identity in info qtree, the boards' command-line errors, -M help, and the
/// guest's UART output of the demo firmware.
/// </summary>
public sealed class BoardDifferentialTests
{
    [Theory]
    [InlineData("mps2-an385", "info mtree\nquit\n")]
    [InlineData("mps2-an385", "info mtree -f\nquit\n")]
    [InlineData("mps2-an386", "info mtree\nquit\n")]
    [InlineData("mps2-an500", "info mtree\nquit\n")]
    [InlineData("mps2-an500", "info mtree -f\nquit\n")]
    [InlineData("lm3s6965evb", "info mtree\nquit\n")]
    [InlineData("lm3s6965evb", "info mtree -f\nquit\n")]
    public void BoardMemoryMapMatchesQemu(string board, string commands)
    {
        string[] args = ["-M", board, "-S", "-display", "none", "-serial", "null", "-monitor", "stdio"];

        var qemu = EmulatorRun.Run(EmulatorRun.Qemu, args, commands);
        var nemu = EmulatorRun.Run(EmulatorRun.Nemu, args, commands);

        Assert.True(qemu.ExitCode == 0, $"qemu-system-arm failed: {qemu.Error}");
        Assert.True(nemu.ExitCode == 0, $"nemu-system-arm failed: {nemu.Error}");
        var expected = EmulatorRun.MonitorReplies(qemu.Out);
        var actual = EmulatorRun.MonitorReplies(nemu.Out);
        Assert.Equal(EmulatorRun.Blocks(expected[0]), EmulatorRun.Blocks(actual[0]));
        Assert.Contains(board.StartsWith("mps2", StringComparison.Ordinal) ? "mps.ram" : "stellaris.sram", actual[0], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("mps2-an385")]
    [InlineData("mps2-an386")]
    [InlineData("mps2-an500")]
    public void Mps2QtreeIdentifiesTheFpgaImageAndCpuAsQemuDoes(string board)
    {
        // Nemu's qtree differs where devices are not modelled yet (PL022, SBCon, LAN9118); the properties that
        // identify the FPGA image (SCC ID) and the CPU, and where the LAN9118 window sits, must match.
        string[] args = ["-M", board, "-S", "-display", "none", "-serial", "null", "-monitor", "stdio"];

        var qemu = EmulatorRun.Run(EmulatorRun.Qemu, args, "info qtree\nquit\n");
        var nemu = EmulatorRun.Run(EmulatorRun.Nemu, args, "info qtree\nquit\n");

        Assert.Equal(IdentityLines(EmulatorRun.MonitorReplies(qemu.Out)[0]), IdentityLines(EmulatorRun.MonitorReplies(nemu.Out)[0]));
    }

    [Theory]
    [InlineData("-M mps2-an385 -m 32M")]
    [InlineData("-M mps2-an385 -cpu cortex-m4")]
    [InlineData("-M mps2-an386 -cpu cortex-m3")]
    [InlineData("-M mps2-an385 -cpu no-such-cpu")]
    [InlineData("-M mps2-an500 -cpu cortex-m3")]
    [InlineData("-M mps2-an500 -cpu cortex-m4")]
    [InlineData("-M mps2-an500 -cpu no-such-cpu")]
    [InlineData("-M mps2-an500 -m 32M")]
    public void BoardCommandLineErrorsMatchQemu(string commandLine)
    {
        var args = commandLine.Split(' ').Concat(["-display", "none", "-serial", "null", "-monitor", "none"]).ToArray();

        var qemu = EmulatorRun.Run(EmulatorRun.Qemu, args, string.Empty);
        var nemu = EmulatorRun.Run(EmulatorRun.Nemu, args, string.Empty);

        Assert.Equal(1, qemu.ExitCode);
        Assert.Equal(qemu.ExitCode, nemu.ExitCode);
        Assert.Equal(qemu.Error.Replace("qemu-system-arm:", "nemu-system-arm:", StringComparison.Ordinal), nemu.Error);
    }

    [Fact]
    public void HelloOnUart0PrintsWhatQemuPrints()
    {
        var elf = DemoFirmware("hello");
        string[] args = ["-M", "mps2-an385", "-display", "none", "-serial", "stdio", "-monitor", "none", "-semihosting", "-kernel", elf];

        var qemu = EmulatorRun.Run(EmulatorRun.Qemu, args, string.Empty, 120);
        var nemu = EmulatorRun.Run(EmulatorRun.Nemu, args, string.Empty, 120);

        Assert.Equal(0, qemu.ExitCode);
        Assert.Contains("Hello from Nemu", qemu.Out, StringComparison.Ordinal);
        Assert.Equal(qemu.ExitCode, nemu.ExitCode);
        Assert.Equal(qemu.Out, nemu.Out);
    }

    [Fact]
    public void NographicShowsOnlyTheGuestConsoleUntilTheMonitorIsAskedFor()
    {
        // With -nographic the serial port has the console; the monitor banner waits for C-a c (as in QEMU).
        var elf = DemoFirmware("hello");
        string[] args = ["-M", "mps2-an385", "-nographic", "-semihosting", "-kernel", elf];

        var qemu = EmulatorRun.Run(EmulatorRun.Qemu, args, string.Empty, 120);
        var nemu = EmulatorRun.Run(EmulatorRun.Nemu, args, string.Empty, 120);

        Assert.Equal(0, qemu.ExitCode);
        Assert.Equal(qemu.ExitCode, nemu.ExitCode);
        Assert.Equal(qemu.Out, nemu.Out);
    }

    [Fact]
    public void CpuHelpListsTheMProfileModels()
    {
        var nemu = EmulatorRun.Run(EmulatorRun.Nemu, ["-cpu", "help"], string.Empty);

        Assert.Equal(0, nemu.ExitCode);
        Assert.StartsWith("Available CPUs:\n", nemu.Out, StringComparison.Ordinal);
        Assert.Contains("  cortex-m3\n", nemu.Out, StringComparison.Ordinal);
        Assert.Contains("  cortex-m0\n", nemu.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void MachineHelpListsTheBoardsWithQemuDescriptions()
    {
        var qemu = EmulatorRun.Run(EmulatorRun.Qemu, ["-M", "help"], string.Empty);
        var nemu = EmulatorRun.Run(EmulatorRun.Nemu, ["-M", "help"], string.Empty);

        foreach (var board in new[] { "mps2-an385 ", "mps2-an386 ", "mps2-an500 ", "lm3s6965evb ", "microbit ", "none " })
        {
            var line = qemu.Out.Split('\n').Single(l => l.StartsWith(board, StringComparison.Ordinal));
            Assert.Contains(line + "\n", nemu.Out, StringComparison.Ordinal);
        }

        // Same header, and Nemu's boards in QEMU's order: QEMU's list with the boards Nemu lacks left out.
        var nemuLines = nemu.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var qemuLines = qemu.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(qemuLines[0], nemuLines[0]);
        Assert.Equal(qemuLines.Where(nemuLines.Contains), nemuLines);
    }

    private static string[] IdentityLines(string qtree) =>
        qtree.Split('\n')
            .Select(l => l.Trim())
            .Where(l => l.StartsWith("scc-id = ", StringComparison.Ordinal) || l.StartsWith("cpu-type = ", StringComparison.Ordinal) || l.StartsWith("mmio 00000000a0000000/", StringComparison.Ordinal) || l.StartsWith("mmio 0000000040200000/", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .ToArray();

    /// <summary>
    /// Builds a demo of tests/firmware for the m3 variant with the flags of its build.sh, into a directory of this
    /// test (build.sh writes tests/firmware/out, which the Nemu.Boards tests build into at the same time).
    /// </summary>
    private static string DemoFirmware(string program)
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "tests", "firmware", "build.sh")))
        {
            dir = dir.Parent;
        }

        Assert.True(dir is not null, "tests/firmware/build.sh not found above " + AppContext.BaseDirectory);
        var firmware = Path.Combine(dir!.FullName, "tests", "firmware");
        var common = Path.Combine(firmware, "common");
        var output = Directory.CreateTempSubdirectory("nemu-board-fw-").FullName;
        return CrossCompiler.Build(
            output,
            program + ".elf",
            "-mcpu=cortex-m3", "-mthumb", "-mfloat-abi=soft", "-DCONSOLE_UART_CMSDK", "-T" + Path.Combine(common, "mps2.ld"),
            "-O2", "-ffreestanding", "-fno-common", "-fno-tree-loop-distribute-patterns", "-nostdlib", "-nostartfiles",
            "-I" + common, "-L" + common,
            Path.Combine(common, "startup.S"), Path.Combine(common, "semihost.S"), Path.Combine(common, "console.c"),
            Path.Combine(common, "mem.c"), Path.Combine(firmware, program, program + ".c"), "-lgcc");
    }
}
