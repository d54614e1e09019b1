using Nemu.Qdev;

namespace Nemu.Hw.Tests;

/// <summary>
/// The properties each device type needs to realize on its own (clocks, sizes), as a board would set them.
/// Shared with Nemu.Cli.Tests (linked source) for the state round trip over the binary's full registry.
/// </summary>
public static class DeviceRealizeProperties
{
    public static IReadOnlyList<KeyValuePair<string, string>> For(DeviceType type) => type.Name switch
    {
        "cmsdk-apb-uart" => [new("pclk-frq", "25000000")],
        "cmsdk-apb-timer" => [new("pclk", "25000000")],
        "cmsdk-apb-dualtimer" => [new("TIMCLK", "25000000")],
        "cmsdk-apb-watchdog" or "luminary-watchdog" => [new("WDOGCLK", "25000000")],
        "unimplemented-device" => [new("name", "unimp"), new("size", "0x1000")],
        "mps2-scc" => [new("len-oscclk", "3")],
        "stellaris-gptm" or "pl011_luminary" => [new("clk", "12500000")],
        "pci-bridge" => [new("chassis_nr", "1")],
        "cfi.pflash01" => [new("num-blocks", "4"), new("sector-length", "0x1000")],
        _ => [],
    };
}
