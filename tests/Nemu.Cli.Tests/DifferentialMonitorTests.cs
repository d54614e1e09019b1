namespace Nemu.Cli.Tests;

/// <summary>
/// The same command line and monitor commands on qemu-system-arm and on Nemu give the same replies:
/// memory trees (block by block, see docs/deviations.md), memory dumps of loaded images, the device tree and
/// the run state. These run the real QEMU binary.
/// </summary>
public sealed class DifferentialMonitorTests : IDisposable
{
    private const string Commands = "info mtree\ninfo mtree -f\nxp /4xw 0x100\nxp /20xb 0xfe\nxp /3xg 0x1000\nx /4dw 0x100\ninfo qtree\ninfo status\nstop\ninfo status\nxp /2xw 0x2000000\nquit\n";

    private readonly string _dir = Directory.CreateTempSubdirectory("nemu-diff-").FullName;

    public static TheoryData<string> Machines() => new()
    {
        "-M none -m 16M",
        "-M none -m 32M -device loader,file=RAW,addr=0x100,force-raw=on -device loader,file=RAW,addr=0x1000,force-raw=on",
        "-M none -object memory-backend-memfd,id=mem0,size=16M,share=on -machine memory-backend=mem0 -device loader,file=RAW,addr=0x100,force-raw=on",
        "-M none -object memory-backend-ram,id=m1,size=8M -machine memory-backend=m1 -m 8M -device loader,file=RAW,addr=0x1000,force-raw=on",
        "-M none",
    };

    [Theory]
    [MemberData(nameof(Machines))]
    public void MonitorRepliesMatchQemu(string commandLine)
    {
        var raw = Path.Combine(_dir, "image.bin");
        var bytes = new byte[64];
        new Random(7).NextBytes(bytes);
        File.WriteAllBytes(raw, bytes);
        var args = commandLine.Replace("RAW", raw, StringComparison.Ordinal).Split(' ').Concat(["-S", "-display", "none", "-monitor", "stdio"]).ToArray();

        var qemu = EmulatorRun.Run(EmulatorRun.Qemu, args, Commands);
        var nemu = EmulatorRun.Run(EmulatorRun.Nemu, args, Commands);

        Assert.True(qemu.ExitCode == 0, $"qemu-system-arm failed: {qemu.Error}");
        Assert.True(nemu.ExitCode == 0, $"nemu-system-arm failed: {nemu.Error}");
        EmulatorRun.AssertRepliesEqual(EmulatorRun.MonitorReplies(qemu.Out), EmulatorRun.MonitorReplies(nemu.Out));
    }

    [Fact]
    public void ElfSegmentsLoadAtTheirPhysicalAddressesAsInQemu()
    {
        var data = Path.Combine(AppContext.BaseDirectory, "Data", "elf");
        var elf = CrossCompiler.Build(_dir, "segments.elf", "-mcpu=cortex-m3", "-mthumb", "-O1", "-nostdlib", "-T", Path.Combine(data, "segments.ld"), Path.Combine(data, "segments.c"));
        string[] args = ["-M", "none", "-m", "4M", "-device", $"loader,file={elf}", "-S", "-display", "none", "-monitor", "stdio"];
        const string commands = "xp /32xw 0xf0\nxp /8xw 0x1fff8\nxp /4xw 0x200000\ninfo mtree -f\nquit\n";

        var qemu = EmulatorRun.Run(EmulatorRun.Qemu, args, commands);
        var nemu = EmulatorRun.Run(EmulatorRun.Nemu, args, commands);

        Assert.True(qemu.ExitCode == 0 && nemu.ExitCode == 0, qemu.Error + nemu.Error);
        var expected = EmulatorRun.MonitorReplies(qemu.Out);
        var actual = EmulatorRun.MonitorReplies(nemu.Out);
        Assert.Equal(expected.Take(3), actual.Take(3));
        Assert.Contains("0x12345678", actual[0], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("-M none -serial mon:stdio -display none", "\u0001h\u0001cinfo status\n\u0001x")]
    [InlineData("-M none -nographic", "info status\nquit\n")]
    public void StdioMuxAndNographicBehaveAsQemu(string commandLine, string input)
    {
        var args = commandLine.Split(' ');
        var qemu = EmulatorRun.Run(EmulatorRun.Qemu, args, input);
        var nemu = EmulatorRun.Run(EmulatorRun.Nemu, args, input);

        Assert.Equal(qemu.ExitCode, nemu.ExitCode);
        var expected = EmulatorRun.MonitorReplies(qemu.Out.Replace("QEMU: Terminated", "Nemu: Terminated", StringComparison.Ordinal));
        var actual = EmulatorRun.MonitorReplies(nemu.Out);
        Assert.Equal(expected, actual);
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);
}
