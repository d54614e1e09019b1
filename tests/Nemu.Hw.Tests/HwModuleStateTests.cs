using Nemu.Qdev;

namespace Nemu.Hw.Tests;

/// <summary>Every device type of this project round-trips its versioned state (management.md §4).</summary>
public sealed class HwModuleStateTests
{
    /// <summary>
    /// The loader needs machine services to realize and has no state (covered by Nemu.Cli.Tests); tz-mpc needs its
    /// downstream region from the board (covered by Tz/TzMpcTests).
    /// </summary>
    [Fact]
    public void EveryDeviceTypeSavesLoadsAndSavesTheSameBytes()
    {
        var result = DeviceStateRoundTrip.Check(
            DeviceTypeRegistry.Create(HwModule.Register), DeviceRealizeProperties.For, include: t => t.Name is not ("loader" or "tz-mpc"));
        Assert.Equal([], result.Failures);
        Assert.Equal(["unimplemented-device"], result.Stateless);
        Assert.Contains("cmsdk-apb-dualtimer", result.Checked);
    }
}
