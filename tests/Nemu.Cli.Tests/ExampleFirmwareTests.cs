namespace Nemu.Cli.Tests;

/// <summary>
/// The shipped example images (examples/&lt;name&gt;/&lt;name&gt;.elf, rebuilt by scripts/build-examples.sh) against
/// qemu-system-arm 7.2: the command line of scripts/demo.sh and the README gives the same UART output and exit
/// status on both (mprofile.md §6.3, §6.5; management.md §7 for the semihosting exit). The images are built for
/// mps2-an385 and also run unchanged on mps2-an500 (same SSRAM layout and UART0; a Cortex-M7 runs ARMv7-M code),
/// where they print that board's CPUID and SCC ID.
/// </summary>
public sealed class ExampleFirmwareTests
{
    public static TheoryData<string, string> Examples()
    {
        var data = new TheoryData<string, string>();
        foreach (var board in new[] { "mps2-an385", "mps2-an500" })
        {
            foreach (var name in ExampleNames())
            {
                data.Add(board, name);
            }
        }

        return data;
    }

    [Fact]
    public void TheShippedExamplesAreCheckedIn()
    {
        var names = ExampleNames();

        Assert.Contains("hello", names);
        Assert.Contains("printf", names);
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public void ExampleUartOutputAndExitStatusMatchQemu(string board, string name)
    {
        var elf = Path.Combine(ExamplesDirectory(), name, name + ".elf");
        string[] args = ["-M", board, "-nographic", "-semihosting", "-kernel", elf];

        var qemu = EmulatorRun.Run(EmulatorRun.Qemu, args, string.Empty, 120);
        var nemu = EmulatorRun.Run(EmulatorRun.Nemu, args, string.Empty, 120);

        Assert.True(qemu.ExitCode == 0, $"qemu-system-arm exited {qemu.ExitCode}: {qemu.Error}");
        Assert.True(qemu.Out.Length > 0, "the example printed nothing under qemu-system-arm");
        Assert.Equal(qemu.ExitCode, nemu.ExitCode);
        Assert.Equal(qemu.Out, nemu.Out);
    }

    /// <summary>Every examples/&lt;name&gt;/ folder that holds a checked-in &lt;name&gt;.elf.</summary>
    private static string[] ExampleNames() =>
        Directory.GetDirectories(ExamplesDirectory())
            .Select(Path.GetFileName)
            .OfType<string>()
            .Where(name => File.Exists(Path.Combine(ExamplesDirectory(), name, name + ".elf")))
            .Order(StringComparer.Ordinal)
            .ToArray();

    private static string ExamplesDirectory()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "scripts", "build-examples.sh")))
        {
            dir = dir.Parent;
        }

        Assert.True(dir is not null, "scripts/build-examples.sh not found above " + AppContext.BaseDirectory);
        return Path.Combine(dir!.FullName, "examples");
    }
}
