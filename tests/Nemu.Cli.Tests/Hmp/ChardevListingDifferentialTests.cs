// QEMU 7.2's default character devices and its listing order (vl.c qemu_create_default_devices; chardev/char.c
// qmp_query_chardev over the /chardevs hash table): `info chardev` on qemu-system-arm and nemu-system-arm, both with
// -display none -S -monitor stdio, prints the same lines in the same order for each command line, and the guest's
// default vc serial prints nothing on stdout.
namespace Nemu.Cli.Tests.Hmp;

/// <summary><c>info chardev</c> and <c>query-chardev</c> agree with QEMU 7.2 on default and explicit chardevs.</summary>
public sealed class ChardevListingDifferentialTests
{
    public static TheoryData<string> CommandLines() => new()
    {
        "-M mps2-an385",
        "-M mps2-an385 -nodefaults",
        "-M mps2-an386 -serial mon:null",
        "-M mps2-an500 -nographic -serial null",
        "-M mps2-an505 -chardev null,id=a -chardev null,id=bb -serial null -serial vc",
        "-M mps2-an521 -serial vc:80Cx24C -serial vc:640x480 -chardev vc,id=v0,cols=100,rows=30",
        "-M lm3s6965evb -monitor none",
        "-M microbit -nodefaults -serial vc",
        "-M virt,highmem=off",
        "-M none",
        "-M none -chardev null,id=c0 -chardev null,id=c1 -chardev null,id=c2 -chardev null,id=c3 -chardev null,id=c4 " +
            "-chardev null,id=c5 -chardev null,id=c6 -chardev null,id=c7 -chardev null,id=c8 -chardev null,id=c9 " +
            "-chardev null,id=c10 -chardev null,id=c11",
        "-M none -chardev null,id=x -mon chardev=x -chardev null,id=gdb -chardev null,id=uart0 -chardev null,id=console",
    };

    [Theory]
    [MemberData(nameof(CommandLines))]
    public void InfoChardevListsWhatQemuLists(string commandLine)
    {
        string[] args = [.. commandLine.Split(' '), "-display", "none", "-S", "-monitor", "stdio"];

        var qemu = EmulatorRun.Run(EmulatorRun.Qemu, args, "info chardev\nquit\n");
        var nemu = EmulatorRun.Run(EmulatorRun.Nemu, args, "info chardev\nquit\n");

        Assert.True(qemu.ExitCode == 0, $"qemu-system-arm failed: {qemu.Error}");
        Assert.True(nemu.ExitCode == 0, $"nemu-system-arm failed: {nemu.Error}");
        var expected = EmulatorRun.MonitorReplies(qemu.Out);
        Assert.Contains("compat_monitor", expected[0], StringComparison.Ordinal);
        Assert.Equal(expected, EmulatorRun.MonitorReplies(nemu.Out));
    }

    [Fact]
    public void DefaultsWithoutNographicAreVcConsolesInQemusOrder()
    {
        string[] args = ["-M", "mps2-an385", "-display", "none", "-S", "-monitor", "stdio"];

        var nemu = EmulatorRun.Run(EmulatorRun.Nemu, args, "info chardev\nquit\n");

        Assert.Equal("parallel0: filename=vc\ncompat_monitor0: filename=stdio\nserial0: filename=vc\n", EmulatorRun.MonitorReplies(nemu.Out)[0]);
    }

    [Theory]
    [InlineData("-M mps2-an385")]
    [InlineData("-M mps2-an385 -nographic -serial null")]
    [InlineData("-M mps2-an385 -serial mon:null")]
    public void QueryChardevGivesQemusListAndFrontendOpen(string commandLine)
    {
        string[] args = [.. commandLine.Split(' '), "-display", "none", "-S", "-qmp", "stdio"];
        const string Input = "{\"execute\":\"qmp_capabilities\"}\n{\"execute\":\"query-chardev\"}\n{\"execute\":\"quit\"}\n";

        var qemu = EmulatorRun.Run(EmulatorRun.Qemu, args, Input);
        var nemu = EmulatorRun.Run(EmulatorRun.Nemu, args, Input);

        var expected = ChardevList(qemu.Out);
        Assert.Contains("\"label\": \"parallel0\"", expected, StringComparison.Ordinal);
        Assert.Equal(expected, ChardevList(nemu.Out));
    }

    [Fact]
    public void DefaultVcSerialPrintsNothing()
    {
        // The hello firmware writes to its UART and exits through semihosting: with serial0 on vc the text goes
        // nowhere, as on QEMU's console without a display.
        string[] args = ["-M", "mps2-an385", "-kernel", HelloElf, "-semihosting", "-display", "none"];

        var qemu = EmulatorRun.Run(EmulatorRun.Qemu, args, string.Empty, timeoutSeconds: 120);
        var nemu = EmulatorRun.Run(EmulatorRun.Nemu, args, string.Empty, timeoutSeconds: 120);

        Assert.True(qemu.ExitCode == 0, $"qemu-system-arm failed: {qemu.Error}");
        Assert.True(nemu.ExitCode == 0, $"nemu-system-arm failed: {nemu.Error}");
        Assert.Equal(string.Empty, qemu.Out);
        Assert.Equal(string.Empty, nemu.Out);
        Assert.Equal(qemu.Error, nemu.Error);
    }

    /// <summary>examples/hello/hello.elf: prints on UART0, then exits with status 0 through semihosting.</summary>
    private static string HelloElf
    {
        get
        {
            var path = Path.GetFullPath(Path.Combine(TestFirmware.Root, "..", "..", "examples", "hello", "hello.elf"));
            Assert.True(File.Exists(path), "examples/hello/hello.elf not found: " + path);
            return path;
        }
    }

    private static string ChardevList(string transcript) =>
        transcript.Split('\n').Single(l => l.Contains("\"label\"", StringComparison.Ordinal)).TrimEnd('\r');
}
