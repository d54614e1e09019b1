using Nemu.Qdev;

namespace Nemu.Hw.Tests;

/// <summary>Every device type of this project round-trips its versioned state (management.md §4).</summary>
public sealed class HwModuleStateTests
{
    private static IReadOnlyList<KeyValuePair<string, string>> RequiredProperties(DeviceType type) => type.Name switch
    {
        "cmsdk-apb-uart" => [new("pclk-frq", "25000000")],
        "cmsdk-apb-timer" => [new("pclk", "25000000")],
        "cmsdk-apb-dualtimer" => [new("TIMCLK", "25000000")],
        "cmsdk-apb-watchdog" or "luminary-watchdog" => [new("WDOGCLK", "25000000")],
        "unimplemented-device" => [new("name", "unimp"), new("size", "0x1000")],
        "mps2-scc" => [new("len-oscclk", "3")],
        "stellaris-gptm" or "pl011_luminary" => [new("clk", "12500000")],
        _ => [],
    };

    /// <summary>The loader needs machine services to realize and has no state (covered by Nemu.Cli.Tests).</summary>
    [Fact]
    public void EveryDeviceTypeSavesLoadsAndSavesTheSameBytes()
    {
        var result = DeviceStateRoundTrip.Check(
            DeviceTypeRegistry.Create(HwModule.Register), RequiredProperties, include: t => t.Name != "loader");
        Assert.Equal([], result.Failures);
        Assert.Equal(["unimplemented-device"], result.Stateless);
        Assert.Contains("cmsdk-apb-dualtimer", result.Checked);
    }
}
