using Nemu.Boards.Tests.Differential;

namespace Nemu.Boards.Tests.Firmware;

/// <summary>
/// The demo programs of tests/firmware build for every variant and behave on QEMU as they must on Nemu:
/// hello greets on the console (CMSDK UART0 on MPS2, semihosting on microbit) and exits 0 through
/// SYS_EXIT_EXTENDED; compute prints the same checksum on every architecture variant.
/// </summary>
public sealed class DemoFirmwareTests
{
    /// <summary>compute's checksum with the default ITERATIONS (20); the same on v6-M, v7-M and v7E-M.</summary>
    public const string ComputeLine = "compute: iterations=20 checksum=f66746fc";

    public static TheoryData<string> Variants => [.. Variant.All.Select(v => v.Name)];

    [Theory]
    [MemberData(nameof(Variants))]
    public void HelloGreetsOnTheConsoleAndExitsZero(string name)
    {
        var variant = Variant.ByName(name);
        var result = new QemuRunner().Run(variant, FirmwareBuilder.Demo(variant, "hello"), TimeSpan.FromSeconds(60));
        Assert.False(result.TimedOut, "hello did not exit");
        Assert.Equal(0, result.ExitCode);
        // MPS2 boards print on serial0 (stdout under -nographic); QEMU 7.2 sends semihosting output to stderr.
        Assert.Equal("Hello from Nemu\n", variant.Board == "microbit" ? result.Error : result.Output.Replace("\r\n", "\n", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Variants))]
    public void ComputePrintsTheSameChecksumOnEveryVariant(string name)
    {
        var variant = Variant.ByName(name);
        var result = new QemuRunner().Run(variant, FirmwareBuilder.Demo(variant, "compute"), TimeSpan.FromSeconds(60));
        Assert.Equal(0, result.ExitCode);
        Assert.Contains(ComputeLine, result.Output + result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void BuildIsReproducible()
    {
        var elf = FirmwareBuilder.Demo(Variant.M4, "compute");
        var first = File.ReadAllBytes(elf);
        var again = FirmwareBuilder.Differential(Variant.M4, "reproducible", CaseGenerator.Generate(Variant.M4, 3, 20));
        var second = FirmwareBuilder.Differential(Variant.M4, "reproducible", CaseGenerator.Generate(Variant.M4, 3, 20));
        Assert.NotEmpty(first);
        Assert.Equal(File.ReadAllBytes(again), File.ReadAllBytes(second));
    }
}
